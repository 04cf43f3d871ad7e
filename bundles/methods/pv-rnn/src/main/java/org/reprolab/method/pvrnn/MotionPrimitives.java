package org.reprolab.method.pvrnn;

/**
 * The three noise-free 2-D motion primitives of the data generator, each a closed loop of {@link #LENGTH} steps with
 * amplitude {@link #AMPLITUDE}, all starting and ending at (A, 0) so that concatenations are continuous: a circle
 * (A cos θ, A sin θ), a figure-eight (A cos θ, A sin 2θ) and a square loop through the corners (±A, ±A),
 * θ = 2π(k + 1)/20 for step k = 0…19.
 */
final class MotionPrimitives {

    static final int LENGTH = 20;
    static final double AMPLITUDE = 0.8;
    static final int COUNT = 3;
    static final String[] NAMES = {"circle", "figure-eight", "square"};

    private static final double[][][] TEMPLATES = {circle(), figureEight(), square()};

    private MotionPrimitives() {
    }

    /** Primitive {@code p}'s template [20][2] (a copy). */
    static double[][] template(int p) {
        double[][] t = new double[LENGTH][];
        for (int k = 0; k < LENGTH; k++) {
            t[k] = TEMPLATES[p][k].clone();
        }
        return t;
    }

    private static double angle(int k) {
        return 2 * Math.PI * (k + 1) / LENGTH;
    }

    private static double[][] circle() {
        double[][] t = new double[LENGTH][];
        for (int k = 0; k < LENGTH; k++) {
            t[k] = new double[] {AMPLITUDE * Math.cos(angle(k)), AMPLITUDE * Math.sin(angle(k))};
        }
        return t;
    }

    private static double[][] figureEight() {
        double[][] t = new double[LENGTH][];
        for (int k = 0; k < LENGTH; k++) {
            t[k] = new double[] {AMPLITUDE * Math.cos(angle(k)), AMPLITUDE * Math.sin(2 * angle(k))};
        }
        return t;
    }

    /** Counter-clockwise along the square's perimeter (length 8A) from (A, 0), 0.4A per step. */
    private static double[][] square() {
        double[][] corners = {{1, 0}, {1, 1}, {-1, 1}, {-1, -1}, {1, -1}, {1, 0}};
        double[] segment = {1, 2, 2, 2, 1};
        double[][] t = new double[LENGTH][];
        for (int k = 0; k < LENGTH; k++) {
            double s = 8.0 * (k + 1) / LENGTH;
            int i = 0;
            while (i < segment.length - 1 && s > segment[i]) {
                s -= segment[i];
                i++;
            }
            double f = s / segment[i];
            t[k] = new double[] {AMPLITUDE * (corners[i][0] + f * (corners[i + 1][0] - corners[i][0])),
                AMPLITUDE * (corners[i][1] + f * (corners[i + 1][1] - corners[i][1]))};
        }
        return t;
    }
}
