package org.reprolab.method.posteriorcollapse;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * A two-level Markovian hierarchical VAE x → z₁ → z₂: q(z₁|x), q(z₂|z₁), p(z₂) = N(0, η_enc²I),
 * p(z₁|z₂) = N(decode₂(z₂), η_dec²I), p(x|z₁) = N(decode₁(z₁), η_dec²I). {@link #loss} is the negative β-ELBO per
 * example with every constant kept, estimated with one reparameterised sample per level:
 * −log p(x|z₁) + β₁[log q(z₁|x) − log p(z₁|z₂)] + β₂ KL(q(z₂|z₁) ‖ p(z₂)), where E_q[log q(z₁|x)] (minus the
 * entropy) and the last KL are analytic.
 */
interface Mhvae {

    Posterior encode1(Tensor x);

    Posterior encode2(Tensor z1);

    /** The mean of p(z₁ | z₂). */
    Tensor decode2(Tensor z2);

    /** The mean of p(x | z₁). */
    Tensor decode1(Tensor z1);

    /** The sampled loss's terms for a batch; {@link #klLevel2} is per example and z₂ dimension. */
    record Terms(Tensor loss, Tensor klLevel2, Posterior level2) {
    }

    default Terms terms(Tensor x, double beta1, double beta2, double etaDec, double etaEnc, Generator gen) {
        Posterior q1 = encode1(x);
        Tensor z1 = q1.sample(gen);
        Posterior q2 = encode2(z1);
        Tensor z2 = q2.sample(gen);
        double dec2 = 2 * etaDec * etaDec;
        double logNorm = 0.5 * Math.log(2 * Math.PI * etaDec * etaDec);
        int d = x.size(1);
        int d1 = z1.size(1);
        Tensor recon = x.sub(decode1(z1)).square().sum(1).div(dec2).add(d * logNorm);
        Tensor negEntropy1 = q1.logVariance().add(1 + Math.log(2 * Math.PI)).mul(-0.5);
        negEntropy1 = negEntropy1.rank() == 1 ? negEntropy1.sum() : negEntropy1.sum(1);
        Tensor level1 = z1.sub(decode2(z2)).square().sum(1).div(dec2).add(d1 * logNorm).add(negEntropy1);
        Tensor kl2 = q2.kl(etaEnc * etaEnc);
        Tensor loss = recon.add(level1.mul(beta1)).add(kl2.sum(1).mul(beta2)).mean();
        return new Terms(loss, kl2, q2);
    }
}
