package org.reprolab.method.pvrnn;

import java.util.random.RandomGenerator;

/**
 * The probabilistic finite-state machine that generates the data: a chain of motion primitives whose next primitive is
 * drawn from row "current" of the transition matrix, the first one uniformly, plus N(0, σ²) noise per coordinate.
 */
final class PrimitiveFsm {

    /** The paper-style transition matrix of the specification (rows: current primitive). */
    static final double[][] TRANSITIONS = {{0.1, 0.6, 0.3}, {0.5, 0.2, 0.3}, {0.3, 0.3, 0.4}};

    /** Generated sequences [n][steps][2] with the primitive labels [n][blocks]. */
    record Sample(double[][][] sequences, int[][] labels) {
    }

    private final double[][] transitions;
    private final double noise;

    PrimitiveFsm(double[][] transitions, double noise) {
        for (double[] row : transitions) {
            double sum = 0;
            for (double p : row) {
                if (p < 0) {
                    throw new IllegalArgumentException("transition probabilities must be ≥ 0");
                }
                sum += p;
            }
            if (row.length != MotionPrimitives.COUNT || Math.abs(sum - 1) > 1e-9) {
                throw new IllegalArgumentException("each transition row needs " + MotionPrimitives.COUNT + " probabilities summing to 1");
            }
        }
        if (noise < 0) {
            throw new IllegalArgumentException("noise σ must be ≥ 0, got " + noise);
        }
        this.transitions = transitions;
        this.noise = noise;
    }

    /** {@code n} sequences of {@code primitives} primitives each (20 steps per primitive). */
    Sample generate(int n, int primitives, RandomGenerator rng) {
        int steps = primitives * MotionPrimitives.LENGTH;
        double[][][] x = new double[n][steps][2];
        int[][] labels = new int[n][primitives];
        for (int s = 0; s < n; s++) {
            int current = rng.nextInt(MotionPrimitives.COUNT);
            for (int b = 0; b < primitives; b++) {
                if (b > 0) {
                    current = next(current, rng);
                }
                labels[s][b] = current;
                double[][] template = MotionPrimitives.template(current);
                for (int k = 0; k < MotionPrimitives.LENGTH; k++) {
                    for (int c = 0; c < 2; c++) {
                        x[s][b * MotionPrimitives.LENGTH + k][c] = template[k][c] + noise * rng.nextGaussian();
                    }
                }
            }
        }
        return new Sample(x, labels);
    }

    private int next(int current, RandomGenerator rng) {
        double u = rng.nextDouble();
        double[] row = transitions[current];
        for (int j = 0; j < row.length - 1; j++) {
            u -= row[j];
            if (u < 0) {
                return j;
            }
        }
        return row.length - 1;
    }
}
