package org.reprolab.theory.common;

import java.util.random.RandomGenerator;

/**
 * Random feature maps built on the Gaussian moment identity E_ω[exp(ωᵀz)] = exp(zᵀz/2), ω ~ N(0, I), which
 * also holds for complex z (Choromanski et al.; Sehanobish et al. 2024, "Scalable Neural Network Kernels"):
 * <ul>
 *   <li>positive random features for exp: φ(x) = exp(ωᵀx − ‖x‖²/2)/√m on both sides gives
 *       E[φ(x)ᵀφ(w)] = exp(wᵀx);</li>
 *   <li>the complex Gaussian trick for cos and sin: with z = x + i·w,
 *       e^{i wᵀx} = E_ω[exp(ωᵀx − ‖x‖²/2)·exp(iωᵀw + ‖w‖²/2)], so the input side keeps the positive features and
 *       the weight side takes the real (cos) or imaginary (sin) part;</li>
 *   <li>universal random features for any f(z) = ∫τ(ξ)e^{iξz}dξ: sample ξ_j ~ p beside ω_j and weight the
 *       weight-side feature of ξ_j·w by τ(ξ_j)/p(ξ_j).</li>
 * </ul>
 * Feature j of every map pairs with row j of the projection {@code omega}; dot products of an input-side and a
 * weight-side vector are unbiased estimates of the kernel value.
 */
public final class ExponentialFeatures {

    private ExponentialFeatures() {
    }

    /** Which part of the complex weight-side feature is taken. */
    public enum Part {
        /** Re: estimates f when f is even (cos, sinc, the Gaussian bump). */
        REAL,
        /** Im: estimates sin. */
        IMAGINARY
    }

    /**
     * An m×d projection whose rows are N(0, I_d): i.i.d. rows, or, when {@code orthogonal}, blocks of d
     * mutually orthogonal directions (Gram–Schmidt of a Gaussian block) each rescaled to the norm of an
     * independent N(0, I_d) vector, so every row keeps the Gaussian law while rows of a block are orthogonal.
     */
    public static double[][] projection(int m, int d, boolean orthogonal, RandomGenerator rng) {
        if (m < 1 || d < 1) {
            throw new IllegalArgumentException("a projection needs m ≥ 1 features and d ≥ 1 dimensions, got m = " + m + ", d = " + d);
        }
        double[][] omega = RandomFeatures.gaussian(m, d, rng);
        if (orthogonal) {
            for (int start = 0; start < m; start += d) {
                orthogonaliseBlock(omega, start, Math.min(m, start + d), rng);
            }
        }
        return omega;
    }

    private static void orthogonaliseBlock(double[][] omega, int from, int to, RandomGenerator rng) {
        int d = omega[from].length;
        for (int i = from; i < to; i++) {
            double[] row = omega[i];
            for (int k = from; k < i; k++) {
                double dot = dot(row, omega[k]);
                for (int j = 0; j < d; j++) {
                    row[j] -= dot * omega[k][j];
                }
            }
            double norm = Math.sqrt(dot(row, row));
            for (int j = 0; j < d; j++) {
                row[j] /= norm;
            }
        }
        for (int i = from; i < to; i++) {
            double chi = 0;
            for (int j = 0; j < d; j++) {
                double g = rng.nextGaussian();
                chi += g * g;
            }
            chi = Math.sqrt(chi);
            for (int j = 0; j < d; j++) {
                omega[i][j] *= chi;
            }
        }
    }

    /** Positive random features exp(ω_jᵀx − ‖x‖²/2)/√m, the input side of every map of this class. */
    public static double[] positive(double[][] omega, double[] x) {
        double half = dot(x, x) / 2;
        double scale = 1 / Math.sqrt(omega.length);
        double[] out = new double[omega.length];
        for (int j = 0; j < omega.length; j++) {
            out[j] = Math.exp(dot(omega[j], x) - half) * scale;
        }
        return out;
    }

    /** The weight side of the complex Gaussian trick: e^{‖w‖²/2}·cos(ω_jᵀw)/√m (REAL) or ·sin(ω_jᵀw)/√m (IMAGINARY). */
    public static double[] trigonometric(double[][] omega, double[] w, Part part) {
        double[] ones = new double[omega.length];
        java.util.Arrays.fill(ones, 1);
        return universal(omega, ones, ones, w, part);
    }

    /**
     * The weight side of universal random features: (τ/p)(ξ_j)·e^{ξ_j²‖w‖²/2}·cos(ξ_j ω_jᵀw)/√m (REAL part, or
     * sin for IMAGINARY). Its second moment is finite only while E_p[(τ/p)² e^{ξ²‖w‖²}] is: callers bound ‖w‖.
     *
     * @param xi    the frequencies ξ_j ~ p, one per row of omega
     * @param ratio the importance weights τ(ξ_j)/p(ξ_j)
     */
    public static double[] universal(double[][] omega, double[] xi, double[] ratio, double[] w, Part part) {
        if (xi.length != omega.length || ratio.length != omega.length) {
            throw new IllegalArgumentException("need one frequency and one weight per feature: " + omega.length
                    + " features, " + xi.length + " frequencies, " + ratio.length + " weights");
        }
        double normSquared = dot(w, w);
        double scale = 1 / Math.sqrt(omega.length);
        double[] out = new double[omega.length];
        for (int j = 0; j < omega.length; j++) {
            double phase = xi[j] * dot(omega[j], w);
            double wave = part == Part.REAL ? Math.cos(phase) : Math.sin(phase);
            out[j] = ratio[j] * Math.exp(xi[j] * xi[j] * normSquared / 2) * wave * scale;
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of lengths " + a.length + " and " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
