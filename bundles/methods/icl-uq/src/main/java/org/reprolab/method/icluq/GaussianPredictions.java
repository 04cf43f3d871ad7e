package org.reprolab.method.icluq;

/**
 * A predictor's Gaussian predictive (μ, v) for every label of a batch of prompts, row-major [batch, pairs]:
 * entry (b, t) predicts y_t of prompt b from its t earlier pairs and x_t. The transformer and the Bayes
 * references are compared through these two numbers only, so every NLL is a Gaussian NLL.
 */
record GaussianPredictions(double[] mean, double[] variance, int batch, int pairs) {

    GaussianPredictions {
        if (mean.length != batch * pairs || variance.length != batch * pairs) {
            throw new IllegalArgumentException("predictions of " + mean.length + " means and " + variance.length
                    + " variances for " + batch + " prompts × " + pairs + " pairs");
        }
    }
}
