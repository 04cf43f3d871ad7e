package org.reprolab.method.posteriorcollapse;

import org.reprolab.autoencoders.common.GaussianLatents;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/** A diagonal-Gaussian posterior N(mean, exp(logVariance)) of a batch, [batch, dims] (log-variance may broadcast). */
record Posterior(Tensor mean, Tensor logVariance) {

    /** A reparameterised draw. */
    Tensor sample(Generator gen) {
        return GaussianLatents.sample(mean, logVariance, gen);
    }

    /** KL from N(0, priorVariance) per example and dimension, [batch, dims]. */
    Tensor kl(double priorVariance) {
        return GaussianLatents.kl(mean, logVariance, priorVariance);
    }

    /**
     * A log-variance kept in (−bound, bound) by a scaled tanh, so that a network cannot drive a posterior variance
     * to 0 (or infinity) numerically; near 0 it is the identity.
     */
    static Tensor boundedLogVariance(Tensor raw, double bound) {
        return raw.div(bound).tanh().mul(bound);
    }
}
