package org.reprolab.method.testerlearner;

/**
 * opt for the synthetic distributions: the lowest error over halfspaces w = cos θ·e₁ + sin θ·e₂ on a 1° grid of θ,
 * which includes w* = e₁ (θ = 0). Every construction's structure lives in span(e₁, e₂), so this is the best
 * halfspace up to the grid's resolution; on two-clusters it is well below w*'s own error.
 *
 * @param error         opt: the best grid halfspace's error on the sample
 * @param angleDegrees  its θ
 * @param targetError   the error of w* on the same sample
 */
record OptimalHalfspace(double error, double angleDegrees, double targetError) {

    static final int GRID_DEGREES = 360;

    /** The grid search on the given (test) sample. */
    static OptimalHalfspace search(LabelledSample s) {
        int n = s.n();
        int d = s.d();
        int[] wrong = new int[GRID_DEGREES];
        double[] cos = new double[GRID_DEGREES];
        double[] sin = new double[GRID_DEGREES];
        for (int k = 0; k < GRID_DEGREES; k++) {
            cos[k] = Math.cos(Math.toRadians(k));
            sin[k] = Math.sin(Math.toRadians(k));
        }
        // exact directions at the axes, so that θ = 0 is w* itself
        cos[0] = 1;
        sin[0] = 0;
        for (int i = 0; i < n; i++) {
            double x1 = s.x()[i * d];
            double x2 = s.x()[i * d + 1];
            double y = s.y()[i];
            for (int k = 0; k < GRID_DEGREES; k++) {
                if (LabelledSample.sign(cos[k] * x1 + sin[k] * x2) != y) {
                    wrong[k]++;
                }
            }
        }
        int best = 0;
        for (int k = 1; k < GRID_DEGREES; k++) {
            if (wrong[k] < wrong[best]) {
                best = k;
            }
        }
        return new OptimalHalfspace(wrong[best] / (double) n, best, wrong[0] / (double) n);
    }
}
