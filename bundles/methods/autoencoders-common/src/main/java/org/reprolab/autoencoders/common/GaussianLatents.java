package org.reprolab.autoencoders.common;

import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * Diagonal-Gaussian latent variables as tensor expressions that autograd differentiates: reparameterised
 * sampling, the analytic KL between two diagonal Gaussians (the prior's mean and log-variance may themselves be
 * learnable tensors, e.g. a prior computed by a network) and the batch-averaged KL per latent dimension that
 * {@link ActiveUnits} counts. Every Gaussian is given by its mean and its log-variance; shapes broadcast as in
 * {@link Tensor#add(Tensor)}, and results keep the inputs' element type.
 */
public final class GaussianLatents {
    private GaussianLatents() {
    }

    /**
     * A reparameterised draw z = μ + exp(½ log σ²) ⊙ ε with ε ~ N(0, I) from {@code gen}: the gradient reaches μ and
     * log σ² through the sample.
     */
    public static Tensor sample(Tensor mean, Tensor logVariance, Generator gen) {
        Tensor eps = gen.randn(mean.shape()).to(mean.dtype());
        return mean.add(logVariance.mul(0.5).exp().mul(eps));
    }

    /**
     * Elementwise KL(N(μ, σ²) ‖ N(m, s²)) = ½[log s² − log σ² + (σ² + (μ − m)²)/s² − 1] in nats; sum it over the
     * latent dimensions for the KL between the diagonal Gaussians.
     */
    public static Tensor kl(Tensor mean, Tensor logVariance, Tensor priorMean, Tensor priorLogVariance) {
        Tensor diff = mean.sub(priorMean);
        Tensor ratio = logVariance.exp().add(diff.square()).div(priorLogVariance.exp());
        return priorLogVariance.sub(logVariance).add(ratio).sub(1).mul(0.5);
    }

    /** Elementwise KL(N(μ, σ²) ‖ N(0, priorVariance)): the KL against a fixed isotropic prior. */
    public static Tensor kl(Tensor mean, Tensor logVariance, double priorVariance) {
        if (!(priorVariance > 0)) {
            throw new IllegalArgumentException("priorVariance must be positive, got " + priorVariance);
        }
        Tensor ratio = logVariance.exp().add(mean.square()).div(priorVariance);
        return logVariance.neg().add(Math.log(priorVariance)).add(ratio).sub(1).mul(0.5);
    }

    /**
     * The batch average of an elementwise KL of shape [batch, dims]: one value in nats per latent dimension, as
     * {@link ActiveUnits#count(double[])} expects. Not part of any graph.
     */
    public static double[] perDimension(Tensor klPerElement) {
        if (klPerElement.rank() != 2) {
            throw new IllegalArgumentException("perDimension needs a [batch, dims] KL, got rank " + klPerElement.rank());
        }
        try (var g = Autograd.noGrad()) {
            return klPerElement.detach().mean(0).toDoubleArray();
        }
    }

    /** The batch-averaged KL per dimension of posteriors (μ, log σ²) of shape [batch, dims] from N(0, priorVariance). */
    public static double[] perDimension(Tensor mean, Tensor logVariance, double priorVariance) {
        try (var g = Autograd.noGrad()) {
            return perDimension(kl(mean.detach(), logVariance.detach(), priorVariance));
        }
    }
}
