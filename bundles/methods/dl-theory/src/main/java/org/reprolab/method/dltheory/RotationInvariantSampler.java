package org.reprolab.method.dltheory;

import java.util.random.RandomGenerator;

/**
 * Samples random MLPs on one fixed input with n normals per layer instead of n²: for fresh Gaussian weights and a
 * fixed vector h, W·h is distributed exactly as √(C_W/fan_in)·‖h‖·g with g ~ N(0, I) (rotation invariance), and
 * the bias adds independent N(0, C_b). Given layer ℓ, the pre-activations of layer ℓ + 1 are therefore i.i.d.
 * N(0, G_ℓ) with G_ℓ = C_b + (C_W/n)Σ_j σ(z_j^{(ℓ)})². This is the same random network, not an approximation.
 */
final class RotationInvariantSampler {

    /** Each network's conditional output variance G and one output sample z^{(L)} ~ N(0, G). */
    record Sample(double[] outputVariance, double[] output) {
    }

    private RotationInvariantSampler() {
    }

    /**
     * {@code networks} independent networks of depth L (L − 1 hidden layers of width n, one output) on an input
     * whose first-layer kernel is {@code firstKernel} = C_b + C_W‖x‖²/n₀.
     */
    static Sample sample(Activation activation, double biasVariance, double weightVariance, double firstKernel,
                         int width, int depth, int networks, RandomGenerator rng) {
        double[] g = new double[networks];
        double[] out = new double[networks];
        for (int s = 0; s < networks; s++) {
            double variance = firstKernel;
            for (int layer = 1; layer < depth; layer++) {
                double sd = Math.sqrt(variance);
                double sum = 0;
                for (int j = 0; j < width; j++) {
                    double a = activation.apply(sd * rng.nextGaussian());
                    sum += a * a;
                }
                variance = biasVariance + weightVariance * sum / width;
            }
            g[s] = variance;
            out[s] = Math.sqrt(variance) * rng.nextGaussian();
        }
        return new Sample(g, out);
    }
}
