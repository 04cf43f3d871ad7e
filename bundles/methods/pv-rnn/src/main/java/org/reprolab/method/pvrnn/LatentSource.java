package org.reprolab.method.pvrnn;

import java.util.random.RandomGenerator;
import org.reprolab.tensor.Tensor;

/**
 * Where z_t comes from during a rollout: the adaptive vectors' posterior (training, reconstruction, error
 * regression), the prior (free and mean-prior generation, prediction) or an amortised encoder (the VRNN).
 */
@FunctionalInterface
interface LatentSource {

    /** z_t of one layer, and the posterior it was drawn from (null when it was drawn from the prior). */
    record Latent(Tensor z, Gaussian posterior) {
    }

    /**
     * Draws z_t of {@code layer} at absolute step {@code t}, given its prior and the layer's previous deterministic
     * state.
     */
    Latent draw(int layer, int t, Gaussian prior, Tensor previousD);

    /** z ~ p(z_t | d_{t−1}) by reparameterisation, with noise from {@code rng}. */
    static LatentSource priorSample(RandomGenerator rng) {
        return (layer, t, prior, previousD) -> new Latent(prior.sample(Noise.normal(rng, prior.mean().shape())), null);
    }

    /** z = μ_p: no sampling at all (a deterministic dynamical system). */
    static LatentSource priorMean() {
        return (layer, t, prior, previousD) -> new Latent(prior.mean(), null);
    }
}
