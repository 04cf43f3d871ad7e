package org.reprolab.method.posteriorcollapse;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * A conditional VAE: q(z | x, y) encodes the pair, p(y | z, x) = N(decode(z, x), η_dec²I), prior N(0, η_enc²I).
 * {@link #loss} is the negative β-ELBO per example (up to the constant of the Gaussian likelihood), estimated with
 * one reparameterised sample.
 */
interface Cvae {

    Posterior encode(Tensor x, Tensor y);

    /** The mean of p(y | z, x). */
    Tensor decode(Tensor z, Tensor x);

    /** The squared reconstruction error ‖y − ŷ‖² per example and the KL per example and latent. */
    record Terms(Tensor squaredError, Tensor kl) {

        /** ‖y − ŷ‖²/(2η_dec²) + β·KL, averaged over the batch. */
        Tensor loss(double beta, double etaDec) {
            return squaredError.mean().div(2 * etaDec * etaDec).add(kl.sum(1).mean().mul(beta));
        }
    }

    default Terms terms(Tensor x, Tensor y, double etaEnc, Generator gen) {
        Posterior q = encode(x, y);
        Tensor z = q.sample(gen);
        Tensor err = y.sub(decode(z, x)).square().sum(1);
        return new Terms(err, q.kl(etaEnc * etaEnc));
    }
}
