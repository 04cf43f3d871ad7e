package org.reprolab.method.testerlearner;

/**
 * n labelled points (x_i, y_i) in R^d × {−1, +1}, the points stored row-major in one array so that the learner's
 * and the tester's inner loops walk memory in order.
 *
 * @param d the dimension
 * @param x the points, row-major: x[i·d + j] is coordinate j of point i
 * @param y the labels, each −1 or +1
 */
record LabelledSample(int d, double[] x, double[] y) {

    LabelledSample {
        if (d < 2) {
            throw new IllegalArgumentException("dimension d = " + d + " must be at least 2");
        }
        if (x.length != y.length * d) {
            throw new IllegalArgumentException(x.length + " coordinates do not make " + y.length + " points of dimension " + d);
        }
    }

    int n() {
        return y.length;
    }

    /** ⟨w, x_i⟩. */
    double dot(double[] w, int i) {
        double s = 0;
        int at = i * d;
        for (int j = 0; j < d; j++) {
            s += w[j] * x[at + j];
        }
        return s;
    }

    /** The halfspace h_w(x) = sign⟨w, x⟩ with sign(0) = +1. */
    static double sign(double margin) {
        return margin >= 0 ? 1 : -1;
    }

    /** The fraction of points whose label differs from sign⟨w, x⟩: the 0-1 error of the halfspace w on this sample. */
    double errorOf(double[] w) {
        int wrong = 0;
        for (int i = 0; i < n(); i++) {
            if (sign(dot(w, i)) != y[i]) {
                wrong++;
            }
        }
        return wrong / (double) n();
    }
}
