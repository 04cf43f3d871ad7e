package org.reprolab.method.posteriorcollapse;

import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.Module;

/**
 * The linear MHVAE of the analysis: q(z₁|x) = N(W₁x, σ₁²I) with σ₁ fixed, q(z₂|z₁) = N(W₂z₁, Σ₂) with Σ₂ a
 * learnable diagonal or fixed σ₂²I, p(z₁|z₂) = N(U₂z₂, η_dec²I), p(x|z₁) = N(U₁z₁, η_dec²I). No biases.
 */
final class LinearMhvae extends Module implements Mhvae {
    private final Linear w1;
    private final Linear w2;
    private final Linear u2;
    private final Linear u1;
    private final Tensor logSigma1;
    private final Tensor logSigma2;

    /** @param sigma2 the fixed level-2 encoder standard deviation, or NaN for a learnable diagonal Σ₂ */
    LinearMhvae(int d, int d1, int d2, double sigma1, double sigma2, Generator gen) {
        w1 = child("w1", new Linear(d, d1, false, gen));
        w2 = child("w2", new Linear(d1, d2, false, gen));
        u2 = child("u2", new Linear(d2, d1, false, gen));
        u1 = child("u1", new Linear(d1, d, false, gen));
        logSigma1 = Tensor.full(Math.log(sigma1 * sigma1), d1);
        logSigma2 = Double.isNaN(sigma2) ? parameter("logSigma2", Tensor.zeros(d2)) : Tensor.full(Math.log(sigma2 * sigma2), d2);
    }

    @Override
    public Posterior encode1(Tensor x) {
        return new Posterior(w1.forward(x), logSigma1);
    }

    @Override
    public Posterior encode2(Tensor z1) {
        return new Posterior(w2.forward(z1), logSigma2);
    }

    @Override
    public Tensor decode2(Tensor z2) {
        return u2.forward(z2);
    }

    @Override
    public Tensor decode1(Tensor z1) {
        return u1.forward(z1);
    }

    @Override
    public Tensor forward(Tensor x) {
        return encode1(x).mean();
    }

    /** U₂, [d₁, d₂]: its singular values above the cut are the active z₂ directions. */
    Tensor u2Weight() {
        return u2.weight();
    }

    /** Sets every parameter from the analytic model's (data with standard deviations {@code theta} on the axes). */
    void set(MhvaeAnalytic.Params p, double[] theta) {
        double[] w1v = p.v1().clone();
        int d = theta.length;
        for (int r = 0; r < w1v.length / d; r++) {
            for (int c = 0; c < d; c++) {
                w1v[r * d + c] /= theta[c];   // W₁ = V₁ Z⁻¹
            }
        }
        try (var g = Autograd.noGrad()) {
            w1.weight().copyFrom(Tensor.of(w1v, w1.weight().shape()).to(w1.weight().dtype()));
            u1.weight().copyFrom(Tensor.of(p.u1(), u1.weight().shape()).to(u1.weight().dtype()));
            w2.weight().copyFrom(Tensor.of(p.w2(), w2.weight().shape()).to(w2.weight().dtype()));
            u2.weight().copyFrom(Tensor.of(p.u2(), u2.weight().shape()).to(u2.weight().dtype()));
            if (logSigma2.requiresGrad()) {
                logSigma2.copyFrom(Tensor.of(p.logSigma2()).to(logSigma2.dtype()));
            }
        }
    }
}
