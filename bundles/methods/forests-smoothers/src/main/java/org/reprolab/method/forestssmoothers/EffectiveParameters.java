package org.reprolab.method.forestssmoothers;

/**
 * The paper's effective number of parameters of a smoother on a set of inputs I0 (Curth et al. 2024,
 * "trees as smoothers", building on Hastie &amp; Tibshirani's smoother degrees of freedom):
 * p̂(I0) = (n / |I0|) · Σ_{j ∈ I0} ‖ŝ(x_j)‖².
 * A predictor that returns one training outcome (‖ŝ‖² = 1) uses n parameters; the training mean
 * (ŝ_i = 1/n) uses one. It is computed from the smoother weights, not from prediction variance and
 * not as trace(S) (spec "Traps").
 */
final class EffectiveParameters {

    private EffectiveParameters() {
    }

    /** p̂ from the smoother rows ŝ(x_j), each of length n. */
    static double of(double[][] smootherRows) {
        int n = smootherRows[0].length;
        double sumOfSquaredNorms = 0;
        for (double[] row : smootherRows) {
            for (double s : row) {
                sumOfSquaredNorms += s * s;
            }
        }
        return fromSquaredNorms(sumOfSquaredNorms, n, smootherRows.length);
    }

    /** p̂ from Σ_j ‖ŝ(x_j)‖² over m inputs of a smoother fitted on n points. */
    static double fromSquaredNorms(double sumOfSquaredNorms, int n, int m) {
        return (double) n / m * sumOfSquaredNorms;
    }
}
