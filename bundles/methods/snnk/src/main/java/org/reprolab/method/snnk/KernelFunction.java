package org.reprolab.method.snnk;

import java.util.random.RandomGenerator;
import org.reprolab.theory.common.ArcCosineKernel;
import org.reprolab.theory.common.ExponentialFeatures;
import org.reprolab.theory.common.ExponentialFeatures.Part;

/**
 * The neuron functions f(wᵀx) (and the ReLU kernel) whose SNNK estimates Ψ(w)ᵀΦ(x) the paper studies (Sec. 3),
 * each with its exact value and its random feature map.
 */
enum KernelFunction {

    /** exp(wᵀx) by positive random features on both sides. */
    EXP("exp", 0.7),
    /** cos(wᵀx) by the complex Gaussian trick (real part). */
    COS("cos", 0.7),
    /** sin(wᵀx) by the complex Gaussian trick (imaginary part). */
    SIN("sin", 0.7),
    /** sinc(z) = sin z / z = ½∫_{−1}^{1} e^{iξz}dξ by a URF with ξ ~ U[−1, 1], τ/p = 1. */
    SINC("sinc", 0.7),
    /**
     * e^{−z²/2} = ∫ N(ξ; 0, 1) e^{iξz}dξ by a URF with ξ ~ N(0, 1), τ/p = 1. The estimator's second moment needs
     * ‖w‖² < ½ and the variance of its squared error ‖w‖² < ¼, hence the tighter weight norm.
     */
    GAUSSIAN_BUMP("gaussian-bump", 0.45),
    /** The arc-cosine kernel E[relu(ωᵀw)relu(ωᵀx)] by ReLU-SNNK features relu(ωᵀ·)/√m on both sides. */
    ARC_COSINE("relu-arccos", 0.7);

    private final String label;
    private final double maxWeightNorm;

    KernelFunction(String label, double maxWeightNorm) {
        this.label = label;
        this.maxWeightNorm = maxWeightNorm;
    }

    /** The name used in metric, series and claim texts. */
    String label() {
        return label;
    }

    /** The largest ‖w‖ the pairs of the estimation study may have (the URF norm constraint). */
    double maxWeightNorm() {
        return maxWeightNorm;
    }

    /** The value the estimator is unbiased for. */
    double exact(double[] x, double[] w) {
        double z = dot(w, x);
        return switch (this) {
            case EXP -> Math.exp(z);
            case COS -> Math.cos(z);
            case SIN -> Math.sin(z);
            case SINC -> z == 0 ? 1 : Math.sin(z) / z;
            case GAUSSIAN_BUMP -> Math.exp(-z * z / 2);
            case ARC_COSINE -> {
                double scale = Math.sqrt(dot(x, x) * dot(w, w));
                yield scale == 0 ? 0 : scale * ArcCosineKernel.ofCosine(z / scale);
            }
        };
    }

    /** One draw of m random features in dimension d (ω, and ξ for the URFs). */
    Draw draw(int m, int d, boolean orthogonal, RandomGenerator rng) {
        double[][] omega = ExponentialFeatures.projection(m, d, orthogonal, rng);
        double[] xi = new double[m];
        double[] ratio = new double[m];
        for (int j = 0; j < m; j++) {
            xi[j] = switch (this) {
                case SINC -> 2 * rng.nextDouble() - 1;
                case GAUSSIAN_BUMP -> rng.nextGaussian();
                default -> 1;
            };
            ratio[j] = 1;
        }
        return new Draw(this, omega, xi, ratio);
    }

    /** One realisation of the feature maps: Φ for inputs, Ψ for weights, sharing ω (and ξ). */
    record Draw(KernelFunction function, double[][] omega, double[] xi, double[] ratio) {

        /** Φ(x). */
        double[] inputFeatures(double[] x) {
            return function == ARC_COSINE ? relu(omega, x) : ExponentialFeatures.positive(omega, x);
        }

        /** Ψ(w). */
        double[] weightFeatures(double[] w) {
            return switch (function) {
                case EXP -> ExponentialFeatures.positive(omega, w);
                case COS -> ExponentialFeatures.trigonometric(omega, w, Part.REAL);
                case SIN -> ExponentialFeatures.trigonometric(omega, w, Part.IMAGINARY);
                case SINC, GAUSSIAN_BUMP -> ExponentialFeatures.universal(omega, xi, ratio, w, Part.REAL);
                case ARC_COSINE -> relu(omega, w);
            };
        }

        /** The SNNK estimate Ψ(w)ᵀΦ(x). */
        double estimate(double[] x, double[] w) {
            return dot(weightFeatures(w), inputFeatures(x));
        }

        private static double[] relu(double[][] omega, double[] v) {
            double scale = 1 / Math.sqrt(omega.length);
            double[] out = new double[omega.length];
            for (int j = 0; j < omega.length; j++) {
                out[j] = Math.max(0, dot(omega[j], v)) * scale;
            }
            return out;
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
