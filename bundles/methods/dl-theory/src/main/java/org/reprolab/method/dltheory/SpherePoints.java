package org.reprolab.method.dltheory;

import java.util.random.RandomGenerator;

/** Random inputs: Gaussian directions scaled to a given norm. */
final class SpherePoints {

    private SpherePoints() {
    }

    /** {@code count} points drawn uniformly on the unit sphere of R^dim. */
    static double[][] draw(int count, int dim, RandomGenerator rng) {
        return draw(count, dim, 1, rng);
    }

    /** {@code count} points drawn uniformly on the sphere of radius {@code norm} in R^dim. */
    static double[][] draw(int count, int dim, double norm, RandomGenerator rng) {
        double[][] x = new double[count][dim];
        for (double[] row : x) {
            double squares = 0;
            for (int k = 0; k < dim; k++) {
                row[k] = rng.nextGaussian();
                squares += row[k] * row[k];
            }
            double factor = norm / Math.sqrt(squares);
            for (int k = 0; k < dim; k++) {
                row[k] *= factor;
            }
        }
        return x;
    }
}
