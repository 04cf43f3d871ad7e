package org.reprolab.method.inductivebias;

import java.util.Arrays;

/** The RBF kernel k(x, x') = exp(−‖x − x'‖²/(2ℓ²)) and the median heuristic for its lengthscale. */
final class RbfKernel {

    private RbfKernel() {
    }

    /** K[i][j] = k(a_i, b_j). */
    static double[][] gram(double[][] a, double[][] b, double lengthscale) {
        if (!(lengthscale > 0)) {
            throw new IllegalArgumentException("RBF lengthscale must be > 0, got " + lengthscale);
        }
        double[][] out = new double[a.length][b.length];
        double scale = -1 / (2 * lengthscale * lengthscale);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i][j] = Math.exp(scale * squaredDistance(a[i], b[j]));
            }
        }
        return out;
    }

    /** ℓ = √(median over pairs i < j of ‖x_i − x_j‖² / 2). */
    static double medianHeuristic(double[][] x) {
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("the median heuristic needs ≥ 2 points, got " + n);
        }
        double[] d = new double[n * (n - 1) / 2];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[at++] = squaredDistance(x[i], x[j]);
            }
        }
        Arrays.sort(d);
        double median = d.length % 2 == 1 ? d[d.length / 2] : 0.5 * (d[d.length / 2 - 1] + d[d.length / 2]);
        return Math.sqrt(median / 2);
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            s += d * d;
        }
        return s;
    }
}
