package org.reprolab.method.apremss;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The synthetic set built to show false inliers: inliers in R^D from two Gaussian clusters (centres ±3 along the
 * first axis of a random 3-D subspace, std 0.7 inside it) plus isotropic N(0, 0.05²) noise; in-span local outliers
 * inside the same subspace between the clusters (first subspace coordinate uniform in [−1.2, 1.2], the others as
 * for inliers), so they are low-density yet lie on the inliers' span and are reconstructed well; and off-subspace
 * outliers (inlier-like points with N(0, 0.6²) noise in all D coordinates), which any reconstruction model flags.
 */
final class InSpanLocalOutliers {

    static final int IN_SPAN = 1;
    static final int OFF_SPAN = 2;

    static final int SUBSPACE = 3;
    static final double CENTRE = 3;
    static final double CLUSTER_STD = 0.7;
    static final double NOISE_STD = 0.05;
    static final double OFF_SPAN_STD = 0.6;
    static final double GAP_HALF_WIDTH = 1.2;

    private InSpanLocalOutliers() {
    }

    /** The dataset with its two views: all outliers ("synthetic") and the in-span ones alone ("synthetic-in-span"). */
    static OutlierDataset generate(int dims, int inliers, int inSpan, int offSpan, RandomGenerator rng) {
        if (dims < SUBSPACE) {
            throw new IllegalArgumentException("synthetic dimension must be ≥ " + SUBSPACE + ", got " + dims);
        }
        double[][] basis = orthonormalBasis(dims, rng);
        int n = inliers + inSpan + offSpan;
        double[][] x = new double[n][];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[SUBSPACE];
            if (i < inliers || i >= inliers + inSpan) {
                z[0] = (rng.nextBoolean() ? CENTRE : -CENTRE) + CLUSTER_STD * rng.nextGaussian();
            } else {
                z[0] = GAP_HALF_WIDTH * (2 * rng.nextDouble() - 1);
            }
            for (int c = 1; c < SUBSPACE; c++) {
                z[c] = CLUSTER_STD * rng.nextGaussian();
            }
            group[i] = i < inliers ? 0 : i < inliers + inSpan ? IN_SPAN : OFF_SPAN;
            double noise = group[i] == OFF_SPAN ? OFF_SPAN_STD : NOISE_STD;
            double[] point = new double[dims];
            for (int j = 0; j < dims; j++) {
                for (int c = 0; c < SUBSPACE; c++) {
                    point[j] += basis[c][j] * z[c];
                }
                point[j] += noise * rng.nextGaussian();
            }
            x[i] = point;
        }
        return new OutlierDataset("synthetic", x, group, List.of(new OutlierDataset.View("synthetic", IN_SPAN, OFF_SPAN),
                new OutlierDataset.View("synthetic-in-span", IN_SPAN)), false);
    }

    /** Three orthonormal vectors in R^dims (Gram–Schmidt on Gaussian vectors). */
    private static double[][] orthonormalBasis(int dims, RandomGenerator rng) {
        double[][] b = new double[SUBSPACE][dims];
        for (int c = 0; c < SUBSPACE; c++) {
            for (int j = 0; j < dims; j++) {
                b[c][j] = rng.nextGaussian();
            }
            for (int p = 0; p < c; p++) {
                double dot = 0;
                for (int j = 0; j < dims; j++) {
                    dot += b[c][j] * b[p][j];
                }
                for (int j = 0; j < dims; j++) {
                    b[c][j] -= dot * b[p][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < dims; j++) {
                norm += b[c][j] * b[c][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dims; j++) {
                b[c][j] /= norm;
            }
        }
        return b;
    }
}
