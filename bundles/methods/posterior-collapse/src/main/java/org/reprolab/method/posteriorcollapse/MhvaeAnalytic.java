package org.reprolab.method.posteriorcollapse;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * The linear MHVAE's expected loss in closed form. With x = Z·x̃ (x̃ white, Z = diag(θ) the data's standard
 * deviations on their principal axes) and V₁ = W₁Z, 2η_dec² × (negative β-ELBO) is, up to constants,
 * <pre>
 * L = ‖U₁V₁ − Z‖² + σ₁²‖U₁‖² + β₁[‖MV₁‖² + tr(U₂ᵀU₂Σ₂) + σ₁²‖M‖²]
 *     + β₂(η_dec/η_enc)²[‖W₂V₁‖² + σ₁²‖W₂‖² + tr Σ₂] − β₂η_dec² log det Σ₂,    M = U₂W₂ − I,
 * </pre>
 * with Σ₁ = σ₁²I fixed and Σ₂ a learnable diagonal (parametrised by its logarithm) or fixed σ₂²I. The gradient is
 * written out by hand; {@link #negativeElbo} adds the constants back. The "numerical theory" is the best of several
 * L-BFGS runs from random starts; collapse is read from the singular values of V₁ (level 1) and U₂ (level 2).
 */
final class MhvaeAnalytic {

    /**
     * One setting. {@code sigma2} is the fixed level-2 encoder standard deviation, NaN for a learnable Σ₂.
     */
    record Settings(double[] theta, int d1, int d2, double sigma1, double sigma2, double beta1, double beta2,
                    double etaDec, double etaEnc) {
        boolean learnableSigma2() {
            return Double.isNaN(sigma2);
        }

        int d() {
            return theta.length;
        }

        int parameterCount() {
            return 2 * d1 * d() + 2 * d1 * d2 + (learnableSigma2() ? d2 : 0);
        }
    }

    /** Row-major matrices V₁ [d₁, d], U₁ [d, d₁], W₂ [d₂, d₁], U₂ [d₁, d₂] and log Σ₂ [d₂]. */
    record Params(double[] v1, double[] u1, double[] w2, double[] u2, double[] logSigma2) {
    }

    /** The optimum found: its parameters, L there, and the active counts at the {@code cut} on singular values. */
    record Optimum(Params params, double[] flat, double loss, double[] v1Singular, double[] u2Singular, int iterations) {
        int activeLevel1(double cut) {
            return count(v1Singular, cut);
        }

        int activeLevel2(double cut) {
            return count(u2Singular, cut);
        }

        private static int count(double[] s, double cut) {
            int n = 0;
            for (double v : s) {
                n += v > cut ? 1 : 0;
            }
            return n;
        }
    }

    private final Settings s;

    MhvaeAnalytic(Settings settings) {
        this.s = settings;
    }

    Params unpack(double[] flat) {
        int d = s.d();
        int o = 0;
        double[] v1 = java.util.Arrays.copyOfRange(flat, o, o += s.d1() * d);
        double[] u1 = java.util.Arrays.copyOfRange(flat, o, o += d * s.d1());
        double[] w2 = java.util.Arrays.copyOfRange(flat, o, o += s.d2() * s.d1());
        double[] u2 = java.util.Arrays.copyOfRange(flat, o, o += s.d1() * s.d2());
        double[] logS2 = s.learnableSigma2() ? java.util.Arrays.copyOfRange(flat, o, o + s.d2())
                : filled(s.d2(), Math.log(s.sigma2() * s.sigma2()));
        return new Params(v1, u1, w2, u2, logS2);
    }

    /** L at the flat parameter vector; its gradient goes into {@code grad} (same layout) when it is not null. */
    double loss(double[] flat, double[] grad) {
        int d = s.d();
        int d1 = s.d1();
        int d2 = s.d2();
        Params p = unpack(flat);
        double s1 = s.sigma1() * s.sigma1();
        double r = Math.pow(s.etaDec() / s.etaEnc(), 2);
        double[] sig2 = new double[d2];
        for (int j = 0; j < d2; j++) {
            sig2[j] = Math.exp(p.logSigma2()[j]);
        }
        // level 0: A = U₁V₁ − Z
        double[] a = mul(p.u1(), p.v1(), d, d1, d);
        for (int i = 0; i < d; i++) {
            a[i * d + i] -= s.theta()[i];
        }
        double loss = sq(a) + s1 * sq(p.u1());
        // level 1: M = U₂W₂ − I
        double[] m = mul(p.u2(), p.w2(), d1, d2, d1);
        for (int i = 0; i < d1; i++) {
            m[i * d1 + i] -= 1;
        }
        double[] mv = mul(m, p.v1(), d1, d1, d);
        double u2Sigma = 0;
        for (int i = 0; i < d1; i++) {
            for (int j = 0; j < d2; j++) {
                u2Sigma += p.u2()[i * d2 + j] * p.u2()[i * d2 + j] * sig2[j];
            }
        }
        loss += s.beta1() * (sq(mv) + u2Sigma + s1 * sq(m));
        // level 2
        double[] wv = mul(p.w2(), p.v1(), d2, d1, d);
        double traceSigma = 0;
        double logDet = 0;
        for (int j = 0; j < d2; j++) {
            traceSigma += sig2[j];
            logDet += p.logSigma2()[j];
        }
        loss += s.beta2() * r * (sq(wv) + s1 * sq(p.w2()) + traceSigma) - s.beta2() * s.etaDec() * s.etaDec() * logDet;
        if (grad != null) {
            gradient(p, a, m, mv, wv, sig2, s1, r, grad);
        }
        return loss;
    }

    private void gradient(Params p, double[] a, double[] m, double[] mv, double[] wv, double[] sig2, double s1, double r,
                          double[] grad) {
        int d = s.d();
        int d1 = s.d1();
        int d2 = s.d2();
        // V₁: 2U₁ᵀA + 2β₁MᵀMV₁ + 2β₂r W₂ᵀW₂V₁
        double[] gv1 = scale(mulTA(p.u1(), a, d, d1, d), 2);
        addScaled(gv1, mulTA(m, mv, d1, d1, d), 2 * s.beta1());
        addScaled(gv1, mulTA(p.w2(), wv, d2, d1, d), 2 * s.beta2() * r);
        // U₁: 2AV₁ᵀ + 2σ₁²U₁
        double[] gu1 = scale(mulBT(a, p.v1(), d, d, d1), 2);
        addScaled(gu1, p.u1(), 2 * s1);
        // G = 2M(V₁V₁ᵀ + σ₁²I)
        double[] vvt = mulBT(p.v1(), p.v1(), d1, d, d1);
        for (int i = 0; i < d1; i++) {
            vvt[i * d1 + i] += s1;
        }
        double[] gm = scale(mul(m, vvt, d1, d1, d1), 2);
        // U₂: β₁[G W₂ᵀ + 2U₂Σ₂]
        double[] gu2 = mulBT(gm, p.w2(), d1, d1, d2);
        for (int i = 0; i < d1; i++) {
            for (int j = 0; j < d2; j++) {
                gu2[i * d2 + j] += 2 * p.u2()[i * d2 + j] * sig2[j];
            }
        }
        gu2 = scale(gu2, s.beta1());
        // W₂: β₁U₂ᵀG + 2β₂r W₂(V₁V₁ᵀ + σ₁²I)
        double[] gw2 = scale(mulTA(p.u2(), gm, d1, d2, d1), s.beta1());
        addScaled(gw2, mul(p.w2(), vvt, d2, d1, d1), 2 * s.beta2() * r);
        int o = 0;
        System.arraycopy(gv1, 0, grad, o, gv1.length);
        o += gv1.length;
        System.arraycopy(gu1, 0, grad, o, gu1.length);
        o += gu1.length;
        System.arraycopy(gw2, 0, grad, o, gw2.length);
        o += gw2.length;
        System.arraycopy(gu2, 0, grad, o, gu2.length);
        o += gu2.length;
        if (s.learnableSigma2()) {
            for (int j = 0; j < d2; j++) {
                double colSq = 0;
                for (int i = 0; i < d1; i++) {
                    colSq += p.u2()[i * d2 + j] * p.u2()[i * d2 + j];
                }
                grad[o + j] = sig2[j] * (s.beta1() * colSq + s.beta2() * r) - s.beta2() * s.etaDec() * s.etaDec();
            }
        }
    }

    /** The expected negative β-ELBO per example with all constants: L/(2η_dec²) + the Gaussians' normalisers. */
    double negativeElbo(double[] flat) {
        double e2 = s.etaDec() * s.etaDec();
        double c = 0.5 * s.d() * Math.log(2 * Math.PI * e2)
                + s.beta1() * 0.5 * s.d1() * (Math.log(e2 / (s.sigma1() * s.sigma1())) - 1)
                + s.beta2() * 0.5 * s.d2() * (Math.log(s.etaEnc() * s.etaEnc()) - 1);
        return loss(flat, null) / (2 * e2) + c;
    }

    /** A random start: matrix entries N(0, 0.5²), log Σ₂ = 0. */
    double[] randomStart(RandomGenerator rng) {
        double[] x = new double[s.parameterCount()];
        int matrices = 2 * s.d1() * s.d() + 2 * s.d1() * s.d2();
        for (int i = 0; i < matrices; i++) {
            x[i] = 0.5 * rng.nextGaussian();
        }
        return x;
    }

    /** The best of {@code restarts} L-BFGS runs from random starts. */
    Optimum minimise(int restarts, RandomGenerator rng) {
        Lbfgs lbfgs = new Lbfgs(20, 20_000, 1e-10);
        Lbfgs.Outcome best = null;
        for (int k = 0; k < restarts; k++) {
            Lbfgs.Outcome o = lbfgs.minimise(this::loss, randomStart(rng));
            if (best == null || o.value() < best.value()) {
                best = o;
            }
        }
        Params p = unpack(best.x());
        return new Optimum(p, best.x(), best.value(), Linalg.singularValues(new DMatrixRMaj(s.d1(), s.d(), true, p.v1())),
                Linalg.singularValues(new DMatrixRMaj(s.d1(), s.d2(), true, p.u2())), best.iterations());
    }

    // ---- small dense helpers (row-major) ------------------------------------------------------------------

    /** A [r, k] · B [k, c]. */
    static double[] mul(double[] a, double[] b, int r, int k, int c) {
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int l = 0; l < k; l++) {
                double v = a[i * k + l];
                for (int j = 0; j < c; j++) {
                    out[i * c + j] += v * b[l * c + j];
                }
            }
        }
        return out;
    }

    /** Aᵀ · B for A [k, r], B [k, c]. */
    static double[] mulTA(double[] a, double[] b, int k, int r, int c) {
        double[] out = new double[r * c];
        for (int l = 0; l < k; l++) {
            for (int i = 0; i < r; i++) {
                double v = a[l * r + i];
                for (int j = 0; j < c; j++) {
                    out[i * c + j] += v * b[l * c + j];
                }
            }
        }
        return out;
    }

    /** A · Bᵀ for A [r, k], B [c, k]. */
    static double[] mulBT(double[] a, double[] b, int r, int k, int c) {
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double v = 0;
                for (int l = 0; l < k; l++) {
                    v += a[i * k + l] * b[j * k + l];
                }
                out[i * c + j] = v;
            }
        }
        return out;
    }

    private static double sq(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return s;
    }

    private static double[] scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
        return a;
    }

    private static void addScaled(double[] y, double[] x, double f) {
        for (int i = 0; i < y.length; i++) {
            y[i] += f * x[i];
        }
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }
}
