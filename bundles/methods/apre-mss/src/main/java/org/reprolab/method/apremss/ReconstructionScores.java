package org.reprolab.method.apremss;

/**
 * Outlier scores from an auto-encoder's output, per point, in double precision. Each compares a target with the
 * reconstruction of the original point: the target is the point itself for the plain scores and its mean-shifted
 * version x^MS for the MSS scores (never the reconstruction of x^MS).
 */
final class ReconstructionScores {

    private ReconstructionScores() {
    }

    /** ‖target − μ‖² per point: MSE (target = x) or MSS-MSE (target = x^MS). */
    static double[] squaredError(double[][] target, float[][] mean) {
        double[] s = new double[target.length];
        for (int i = 0; i < target.length; i++) {
            double sum = 0;
            for (int j = 0; j < target[i].length; j++) {
                double d = target[i][j] - mean[i][j];
                sum += d * d;
            }
            s[i] = sum;
        }
        return s;
    }

    /**
     * APRE_{α,β} = Σ_j [α (target_j − μ_j)² / σ_j² + β log σ_j²] per point: the bias term weighted by α, the
     * uncertainty term by β; α = β = 1 is the PRE the PAE is trained with (the Gaussian negative log-likelihood without
     * its constant and factor ½).
     */
    static double[] apre(double[][] target, float[][] mean, float[][] variance, double alpha, double beta) {
        double[] s = new double[target.length];
        for (int i = 0; i < target.length; i++) {
            double sum = 0;
            for (int j = 0; j < target[i].length; j++) {
                double d = target[i][j] - mean[i][j];
                double v = variance[i][j];
                sum += alpha * d * d / v + beta * Math.log(v);
            }
            s[i] = sum;
        }
        return s;
    }
}
