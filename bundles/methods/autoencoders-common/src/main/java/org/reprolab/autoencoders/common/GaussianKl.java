package org.reprolab.autoencoders.common;

/**
 * KL(N(μ, σ²) ‖ N(m, s²)) between one-dimensional Gaussians, the building block of the KL between diagonal
 * Gaussians (a sum over dimensions), in nats and double precision — for analysis and analytic checks; training
 * losses build the same expression from tensors so that autograd sees it.
 */
public final class GaussianKl {
    private GaussianKl() {
    }

    /** KL(N(mean, variance) ‖ N(priorMean, priorVariance)) in nats. */
    public static double of(double mean, double variance, double priorMean, double priorVariance) {
        if (!(variance > 0) || !(priorVariance > 0)) {
            throw new IllegalArgumentException("variances must be positive: " + variance + ", " + priorVariance);
        }
        double d = mean - priorMean;
        return 0.5 * (Math.log(priorVariance / variance) + (variance + d * d) / priorVariance - 1);
    }

    /**
     * Data-averaged KL per latent dimension: {@code means[i][j]}, {@code variances[i][j]} are example i's
     * posterior on dimension j, against the prior N(priorMean, priorVariance) on every dimension.
     */
    public static double[] perDimension(double[][] means, double[][] variances, double priorMean, double priorVariance) {
        if (means.length == 0 || means.length != variances.length) {
            throw new IllegalArgumentException("need as many variance rows as mean rows (and at least one): "
                    + means.length + " vs " + variances.length);
        }
        int dims = means[0].length;
        double[] kl = new double[dims];
        for (int i = 0; i < means.length; i++) {
            if (means[i].length != dims || variances[i].length != dims) {
                throw new IllegalArgumentException("example " + i + " has " + means[i].length + " means and "
                        + variances[i].length + " variances, example 0 has " + dims);
            }
            for (int j = 0; j < dims; j++) {
                kl[j] += of(means[i][j], variances[i][j], priorMean, priorVariance);
            }
        }
        for (int j = 0; j < dims; j++) {
            kl[j] /= means.length;
        }
        return kl;
    }
}
