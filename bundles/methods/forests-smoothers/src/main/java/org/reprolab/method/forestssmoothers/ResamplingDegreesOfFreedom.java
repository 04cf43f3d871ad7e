package org.reprolab.method.forestssmoothers;

/**
 * Mentch &amp; Zhou's degrees of freedom of a fitting procedure, df = Σ_i Cov(ŷ_i, y_i) / σ², estimated
 * by refitting on fixed inputs with redrawn outcomes y = f(x) + ε. The paper sets it beside p̂_train:
 * both say that more randomness (smaller max_features) regularises the forest (the paper's revisit of Mentch &amp; Zhou's
 * randomness-as-regularisation view).
 */
final class ResamplingDegreesOfFreedom {

    private ResamplingDegreesOfFreedom() {
    }

    /**
     * @param outcomes [r][i] the redrawn training outcomes
     * @param fitted   [r][i] the forest refitted on redraw r, predicting at training input i
     * @param sigma    the noise level the outcomes were drawn with
     */
    static double estimate(double[][] outcomes, double[][] fitted, double sigma) {
        int redraws = outcomes.length;
        if (redraws < 2 || fitted.length != redraws || !(sigma > 0)) {
            throw new IllegalArgumentException("need ≥ 2 redraws with fits and σ > 0 (got " + redraws + ", σ = " + sigma + ")");
        }
        int n = outcomes[0].length;
        double df = 0;
        for (int i = 0; i < n; i++) {
            double meanY = 0;
            double meanFit = 0;
            for (int r = 0; r < redraws; r++) {
                meanY += outcomes[r][i];
                meanFit += fitted[r][i];
            }
            meanY /= redraws;
            meanFit /= redraws;
            double covariance = 0;
            for (int r = 0; r < redraws; r++) {
                covariance += (fitted[r][i] - meanFit) * (outcomes[r][i] - meanY);
            }
            df += covariance / (redraws - 1);
        }
        return df / (sigma * sigma);
    }
}
