package org.reprolab.theory.common;

import java.util.random.RandomGenerator;

/**
 * Points drawn uniformly from a sphere S^{d−1} of a given radius in R^d: a standard Gaussian vector divided by
 * its norm is uniform on the unit sphere, by the rotation invariance of N(0, I_d).
 */
public final class SpherePoints {

    private SpherePoints() {
    }

    /** One point uniform on the unit sphere of R^{dim}, drawn from {@code rng} (dim Gaussians). */
    public static double[] point(int dim, RandomGenerator rng) {
        return point(dim, 1, rng);
    }

    /** One point uniform on the sphere of the given radius in R^{dim}. */
    public static double[] point(int dim, double radius, RandomGenerator rng) {
        if (dim < 1) {
            throw new IllegalArgumentException("sphere dimension must be ≥ 1, got " + dim);
        }
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("sphere radius must be finite and > 0, got " + radius);
        }
        double[] x = new double[dim];
        double squares;
        do {
            squares = 0;
            for (int j = 0; j < dim; j++) {
                x[j] = rng.nextGaussian();
                squares += x[j] * x[j];
            }
        } while (squares == 0);   // probability zero, but a zero vector has no direction
        double scale = radius / Math.sqrt(squares);
        for (int j = 0; j < dim; j++) {
            x[j] *= scale;
        }
        return x;
    }

    /** {@code count} i.i.d. points uniform on the unit sphere of R^{dim}: {@code [point][coordinate]}. */
    public static double[][] sample(int count, int dim, RandomGenerator rng) {
        if (count < 0) {
            throw new IllegalArgumentException("point count must be ≥ 0, got " + count);
        }
        double[][] points = new double[count][];
        for (int i = 0; i < count; i++) {
            points[i] = point(dim, rng);
        }
        return points;
    }
}
