package org.reprolab.method.testerlearner;

import java.util.random.RandomGenerator;

/** The few operations on plain vectors that the learner, the tester and the study share. */
final class Vectors {

    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Scales w to unit norm in place: the projection onto the sphere. */
    static void normalise(double[] w) {
        double norm = norm(w);
        if (!(norm > 0)) {
            throw new IllegalStateException("cannot project the zero vector onto the unit sphere");
        }
        for (int j = 0; j < w.length; j++) {
            w[j] /= norm;
        }
    }

    /** A uniformly random unit vector (a normalised standard Gaussian). */
    static double[] randomUnit(int d, RandomGenerator rng) {
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = rng.nextGaussian();
        }
        normalise(w);
        return w;
    }

    /** The unit vector e_k in R^d. */
    static double[] basis(int d, int k) {
        double[] e = new double[d];
        e[k] = 1;
        return e;
    }

    /** The angle between two unit vectors, in degrees. */
    static double angleDegrees(double[] u, double[] v) {
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot(u, v)))));
    }
}
