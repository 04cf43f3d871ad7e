package org.reprolab.method.dltheory;

import org.reprolab.theory.common.GaussHermite;

/**
 * The infinite-width single-input kernel recursion (book eq. 4.90 at one input):
 * K^{(1)} = C_b + C_W‖x‖²/n₀, K^{(ℓ+1)} = C_b + C_W·⟨σ(z)²⟩_{z~N(0,K^{(ℓ)})}, the Gaussian average taken by
 * 64-point Gauss–Hermite quadrature for any activation.
 */
final class KernelRecursion {

    static final int QUADRATURE_POINTS = 64;

    private final GaussHermite rule = GaussHermite.of(QUADRATURE_POINTS);

    /** ⟨σ(z)²⟩ for z ~ N(0, k). */
    double meanSquaredActivation(Activation activation, double k) {
        return rule.expectation(z -> {
            double s = activation.apply(z);
            return s * s;
        }, k);
    }

    /** K^{(1)} … K^{(layers)} from the first-layer kernel {@code firstKernel}. */
    double[] kernels(Activation activation, double biasVariance, double weightVariance, double firstKernel, int layers) {
        double[] k = new double[layers];
        k[0] = firstKernel;
        for (int l = 1; l < layers; l++) {
            k[l] = biasVariance + weightVariance * meanSquaredActivation(activation, k[l - 1]);
        }
        return k;
    }

    /** K^{(1)} = C_b + C_W‖x‖²/n₀. */
    static double firstLayerKernel(double biasVariance, double weightVariance, double[] input) {
        double squares = 0;
        for (double v : input) {
            squares += v * v;
        }
        return biasVariance + weightVariance * squares / input.length;
    }

    /** The ReLU closed form off criticality (C_b = 0): K^{(ℓ)} = K^{(1)}·(C_W/2)^{ℓ−1}. */
    static double reluKernel(double firstKernel, double weightVariance, int layer) {
        return firstKernel * Math.pow(weightVariance / 2, layer - 1);
    }
}
