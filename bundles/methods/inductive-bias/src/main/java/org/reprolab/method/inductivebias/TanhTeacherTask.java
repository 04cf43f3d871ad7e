package org.reprolab.method.inductivebias;

import java.util.random.RandomGenerator;

/**
 * The synthetic tasks of controlled input dimension k (Sec. 6): x ~ U[−1, 1]^k and a random two-layer teacher
 * f(x) = Σ_{h=1}^{32} a_h tanh(1.5·w_h·x/√k), w_h ~ N(0, I_k), a_h ~ N(0, 1/32); targets are standardised with the
 * training set's mean and standard deviation, so that errors are in units of Var y.
 */
final class TanhTeacherTask {

    static final int HIDDEN = 32;
    static final double GAIN = 1.5;

    private TanhTeacherTask() {
    }

    /** A fresh teacher and fresh inputs from {@code rng}. */
    static RegressionTask generate(int dimension, int trainSize, int testSize, RandomGenerator rng) {
        if (dimension < 1) {
            throw new IllegalArgumentException("task dimension must be ≥ 1, got " + dimension);
        }
        double[][] w = new double[HIDDEN][dimension];
        double[] a = new double[HIDDEN];
        for (int h = 0; h < HIDDEN; h++) {
            for (int i = 0; i < dimension; i++) {
                w[h][i] = rng.nextGaussian();
            }
            a[h] = rng.nextGaussian() / Math.sqrt(HIDDEN);
        }
        double[][] trainX = inputs(trainSize, dimension, rng);
        double[][] testX = inputs(testSize, dimension, rng);
        double[] trainF = teacher(trainX, w, a);
        double[] testF = teacher(testX, w, a);
        double mean = 0;
        for (double v : trainF) {
            mean += v;
        }
        mean /= trainSize;
        double var = 0;
        for (double v : trainF) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / trainSize);
        return new RegressionTask(trainX, column(trainF, mean, sd), testX, column(testF, mean, sd));
    }

    private static double[][] inputs(int count, int dimension, RandomGenerator rng) {
        double[][] x = new double[count][dimension];
        for (double[] row : x) {
            for (int i = 0; i < dimension; i++) {
                row[i] = 2 * rng.nextDouble() - 1;
            }
        }
        return x;
    }

    private static double[] teacher(double[][] x, double[][] w, double[] a) {
        double norm = GAIN / Math.sqrt(x[0].length);
        double[] f = new double[x.length];
        for (int p = 0; p < x.length; p++) {
            double s = 0;
            for (int h = 0; h < a.length; h++) {
                double dot = 0;
                for (int i = 0; i < x[p].length; i++) {
                    dot += w[h][i] * x[p][i];
                }
                s += a[h] * Math.tanh(norm * dot);
            }
            f[p] = s;
        }
        return f;
    }

    private static double[][] column(double[] f, double mean, double sd) {
        double[][] y = new double[f.length][1];
        for (int i = 0; i < f.length; i++) {
            y[i][0] = (f[i] - mean) / sd;
        }
        return y;
    }
}
