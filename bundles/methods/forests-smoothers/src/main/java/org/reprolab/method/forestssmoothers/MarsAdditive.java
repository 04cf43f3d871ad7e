package org.reprolab.method.forestssmoothers;

import java.util.random.RandomGenerator;

/**
 * The paper's simulated data: the additive MARS-style function on x ~ U[0,1]^5,
 * y = 0.1·e^{4x₁} + 4/(1 + e^{−20(x₂ − 0.5)}) + 3x₃ + 2x₄ + x₅ + ε, ε ~ N(0, σ²),
 * with fresh test inputs and shifted test inputs x_test = x_train + U(−δ, δ)^5 (not clipped) to make
 * test inputs gradually less like training inputs (the paper's test-time adaptivity experiment).
 */
final class MarsAdditive {

    static final int DIMENSION = 5;

    private MarsAdditive() {
    }

    /** The noiseless regression function f(x). */
    static double regressionFunction(double[] x) {
        return 0.1 * Math.exp(4 * x[0]) + 4 / (1 + Math.exp(-20 * (x[1] - 0.5))) + 3 * x[2] + 2 * x[3] + x[4];
    }

    static double[] regressionFunction(double[][] inputs) {
        double[] f = new double[inputs.length];
        for (int j = 0; j < inputs.length; j++) {
            f[j] = regressionFunction(inputs[j]);
        }
        return f;
    }

    /**
     * One data seed's draws. Noise is kept standardised so every noise level σ (and σ = 0) reuses the same
     * inputs and the same draws: comparisons across σ, offsets and forest settings are paired.
     */
    static Sample draw(int n, RandomGenerator rng) {
        double[][] train = uniform(n, rng);
        double[][] test = uniform(n, rng);
        double[][] unitShifts = new double[n][DIMENSION];
        for (double[] row : unitShifts) {
            for (int f = 0; f < DIMENSION; f++) {
                row[f] = 2 * rng.nextDouble() - 1;
            }
        }
        return new Sample(train, test, gaussian(n, rng), gaussian(n, rng), unitShifts, gaussian(n, rng));
    }

    /**
     * @param trainInputs n × 5 training inputs
     * @param testInputs  n × 5 fresh test inputs from the same distribution
     * @param trainNoise  standard normal draws for the training outcomes
     * @param testNoise   standard normal draws for the test outcomes
     * @param unitShifts  U(−1, 1)^5 draws per training point; δ·shift moves it by U(−δ, δ)^5
     * @param shiftedNoise standard normal draws for the outcomes at shifted inputs
     */
    record Sample(double[][] trainInputs, double[][] testInputs, double[] trainNoise, double[] testNoise,
                  double[][] unitShifts, double[] shiftedNoise) {

        double[] trainOutcomes(double sigma) {
            return outcomes(trainInputs, trainNoise, sigma);
        }

        double[] testOutcomes(double sigma) {
            return outcomes(testInputs, testNoise, sigma);
        }

        double[][] shiftedInputs(double delta) {
            double[][] out = new double[trainInputs.length][DIMENSION];
            for (int j = 0; j < out.length; j++) {
                for (int f = 0; f < DIMENSION; f++) {
                    out[j][f] = trainInputs[j][f] + delta * unitShifts[j][f];
                }
            }
            return out;
        }

        double[] shiftedOutcomes(double delta, double sigma) {
            return outcomes(shiftedInputs(delta), shiftedNoise, sigma);
        }
    }

    private static double[] outcomes(double[][] inputs, double[] noise, double sigma) {
        double[] y = regressionFunction(inputs);
        for (int j = 0; j < y.length; j++) {
            y[j] += sigma * noise[j];
        }
        return y;
    }

    private static double[][] uniform(int n, RandomGenerator rng) {
        double[][] x = new double[n][DIMENSION];
        for (double[] row : x) {
            for (int f = 0; f < DIMENSION; f++) {
                row[f] = rng.nextDouble();
            }
        }
        return x;
    }

    private static double[] gaussian(int n, RandomGenerator rng) {
        double[] z = new double[n];
        for (int j = 0; j < n; j++) {
            z[j] = rng.nextGaussian();
        }
        return z;
    }
}
