package org.reprolab.method.pvrnn;

import org.reprolab.tensor.Tensor;

/**
 * A diagonal Gaussian given by its mean and the log of its standard deviation, both [batch, z] (or stacked
 * [T, batch, z]).
 */
record Gaussian(Tensor mean, Tensor logSigma) {

    /** N(0, I) over [batch, z]: the prior at the first time step. */
    static Gaussian standard(int batch, int z) {
        Tensor zeros = Tensor.zeros(org.reprolab.tensor.backend.DType.FLOAT64, batch, z);
        return new Gaussian(zeros, zeros);
    }

    /** μ = tanh(raw μ), log σ = raw log σ, from a [batch, 2z] tensor whose first half is μ's pre-activation. */
    static Gaussian fromRaw(Tensor raw, int z) {
        Tensor[] parts = raw.split(raw.rank() - 1, z, z);
        return new Gaussian(parts[0].tanh(), parts[1]);
    }

    Tensor sigma() {
        return logSigma.exp();
    }

    /** The reparameterised sample μ + σ·ε. */
    Tensor sample(Tensor noise) {
        return mean.add(sigma().mul(noise));
    }

    /**
     * The analytic KL(this ‖ p) per element: log σ_p − log σ_q + (σ_q² + (μ_q − μ_p)²) / (2σ_p²) − ½ (the tensor form
     * of the family core's {@code GaussianKl}, which works on plain arrays).
     */
    Tensor klTo(Gaussian p) {
        Tensor varianceRatio = logSigma.sub(p.logSigma).mul(2).exp();
        Tensor meanTerm = mean.sub(p.mean).square().mul(p.logSigma.mul(-2).exp());
        return p.logSigma.sub(logSigma).add(varianceRatio.add(meanTerm).mul(0.5)).sub(0.5);
    }
}
