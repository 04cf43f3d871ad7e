package org.reprolab.method.posteriorcollapse;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.nn.Sequential;

/**
 * The non-linear MHVAE: x → 256 → (μ₁, log σ₁²), z₁ → 128 → μ₂ (and log σ₂² when Σ₂ is learnable), mirrored ReLU
 * decoders z₂ → 128 → mean of z₁ and z₁ → 256 → mean of x. A fixed Σ₂ is σ₂²I for every example; learned
 * log-variances are bounded (see {@link Posterior#boundedLogVariance}).
 */
final class ReluMhvae extends Module implements Mhvae {
    private final int d1;
    private final int d2;
    private final boolean learnableSigma2;
    private final Tensor fixedLogSigma2;
    private final Sequential encoder1;
    private final Sequential encoder2;
    private final Sequential decoder2;
    private final Sequential decoder1;

    /** @param sigma2 the fixed level-2 encoder standard deviation, or NaN for a learnable (encoder-output) Σ₂ */
    ReluMhvae(int d, int d1, int d2, double sigma2, Generator gen) {
        this.d1 = d1;
        this.d2 = d2;
        this.learnableSigma2 = Double.isNaN(sigma2);
        this.fixedLogSigma2 = learnableSigma2 ? null : Tensor.full(Math.log(sigma2 * sigma2), d2);
        encoder1 = child("encoder1", ReluCvae.branch(d, 256, 2 * d1, gen));
        encoder2 = child("encoder2", ReluCvae.branch(d1, 128, learnableSigma2 ? 2 * d2 : d2, gen));
        decoder2 = child("decoder2", ReluCvae.branch(d2, 128, d1, gen));
        decoder1 = child("decoder1", ReluCvae.branch(d1, 256, d, gen));
    }

    @Override
    public Posterior encode1(Tensor x) {
        Tensor h = encoder1.forward(x);
        return new Posterior(h.narrow(1, 0, d1), Posterior.boundedLogVariance(h.narrow(1, d1, d1), ReluCvae.LOG_VARIANCE_BOUND));
    }

    @Override
    public Posterior encode2(Tensor z1) {
        Tensor h = encoder2.forward(z1);
        if (!learnableSigma2) {
            return new Posterior(h, fixedLogSigma2);
        }
        return new Posterior(h.narrow(1, 0, d2), Posterior.boundedLogVariance(h.narrow(1, d2, d2), ReluCvae.LOG_VARIANCE_BOUND));
    }

    @Override
    public Tensor decode2(Tensor z2) {
        return decoder2.forward(z2);
    }

    @Override
    public Tensor decode1(Tensor z1) {
        return decoder1.forward(z1);
    }

    @Override
    public Tensor forward(Tensor x) {
        return encode1(x).mean();
    }
}
