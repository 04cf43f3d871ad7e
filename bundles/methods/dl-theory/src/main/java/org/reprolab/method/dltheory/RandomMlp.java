package org.reprolab.method.dltheory;

import java.util.random.RandomGenerator;

/**
 * A randomly initialised MLP with explicit weight matrices (book §2.3, §4.1): W^{(ℓ)} ~ N(0, C_W/fan_in),
 * b^{(ℓ)} ~ N(0, C_b); layer 1 maps the n₀ inputs to n units, layers 2 … L−1 are n × n, layer L has
 * {@code outputWidth} units. One instance holds the buffers for a given shape and draws a fresh network on each
 * {@link #probe} call, so a chunk of networks reuses them.
 */
final class RandomMlp {

    /**
     * What one network shows on a set of inputs.
     *
     * @param meanSquare     per layer ℓ = 1 … L: z^{(ℓ)}² averaged over units and inputs (the single-network kernel)
     * @param gradientNorm   per layer ℓ = 1 … L: ‖∂z₁^{(L)}/∂z^{(ℓ)}‖² averaged over inputs (1 at ℓ = L)
     * @param outputVariance G = C_b + (C_W/n_{L−1})Σ_j σ(z_j^{(L−1)})² at the first input: the output's variance given
     *                       the last hidden layer (at L = 1 the first-layer kernel of that input)
     * @param output         z₁^{(L)} at the first input
     */
    record Probe(double[] meanSquare, double[] gradientNorm, double outputVariance, double output) {
    }

    private final Activation activation;
    private final double biasVariance;
    private final double weightVariance;
    private final int[] fanIn;
    private final int[] fanOut;
    private final double[][] weights;
    private final double[][] biases;

    RandomMlp(Activation activation, double biasVariance, double weightVariance, int inputDim, int width, int depth,
              int outputWidth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth L must be ≥ 1, got " + depth);
        }
        this.activation = activation;
        this.biasVariance = biasVariance;
        this.weightVariance = weightVariance;
        fanIn = new int[depth];
        fanOut = new int[depth];
        weights = new double[depth][];
        biases = new double[depth][];
        for (int l = 0; l < depth; l++) {
            fanIn[l] = l == 0 ? inputDim : width;
            fanOut[l] = l == depth - 1 ? outputWidth : width;
            weights[l] = new double[fanIn[l] * fanOut[l]];
            biases[l] = new double[fanOut[l]];
        }
    }

    /** Draws a fresh network from {@code rng} and probes it on the inputs (each of dimension n₀). */
    Probe probe(double[][] inputs, RandomGenerator rng) {
        int depth = weights.length;
        for (int l = 0; l < depth; l++) {
            double sd = Math.sqrt(weightVariance / fanIn[l]);
            double[] w = weights[l];
            for (int i = 0; i < w.length; i++) {
                w[i] = sd * rng.nextGaussian();
            }
            double bd = Math.sqrt(biasVariance);
            for (int i = 0; i < biases[l].length; i++) {
                biases[l][i] = biasVariance == 0 ? 0 : bd * rng.nextGaussian();
            }
        }
        double[] meanSquare = new double[depth];
        double[] gradientNorm = new double[depth];
        double outputVariance = 0;
        double output = 0;
        for (int a = 0; a < inputs.length; a++) {
            double[][] z = forward(inputs[a]);
            for (int l = 0; l < depth; l++) {
                meanSquare[l] += squaredNorm(z[l]) / z[l].length / inputs.length;
            }
            double[] g = new double[fanOut[depth - 1]];
            g[0] = 1;
            gradientNorm[depth - 1] += 1.0 / inputs.length;
            for (int l = depth - 1; l > 0; l--) {
                g = backpropagate(l, g, z[l - 1]);
                gradientNorm[l - 1] += squaredNorm(g) / inputs.length;
            }
            if (a == 0) {
                outputVariance = depth == 1 ? biasVariance + weightVariance * squaredNorm(inputs[0]) / inputs[0].length
                        : biasVariance + weightVariance * sumSquaredActivation(z[depth - 2]) / fanOut[depth - 2];
                output = z[depth - 1][0];
            }
        }
        return new Probe(meanSquare, gradientNorm, outputVariance, output);
    }

    /** Pre-activations z^{(1)} … z^{(L)} of one input. */
    private double[][] forward(double[] x) {
        double[][] z = new double[weights.length][];
        double[] h = x;
        for (int l = 0; l < weights.length; l++) {
            double[] w = weights[l];
            int in = fanIn[l];
            double[] out = new double[fanOut[l]];
            for (int i = 0; i < out.length; i++) {
                double sum = biases[l][i];
                int row = i * in;
                for (int j = 0; j < in; j++) {
                    sum += w[row + j] * h[j];
                }
                out[i] = sum;
            }
            z[l] = out;
            h = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                h[i] = activation.apply(out[i]);
            }
        }
        return z;
    }

    /** ∂/∂z^{(l)} (0-based layer l − 1 below) from ∂/∂z^{(l+1)}: σ'(z^{(l)}) ⊙ W^{(l+1)ᵀ} g. */
    private double[] backpropagate(int layer, double[] g, double[] zBelow) {
        double[] w = weights[layer];
        int in = fanIn[layer];
        double[] out = new double[in];
        for (int i = 0; i < g.length; i++) {
            double gi = g[i];
            if (gi == 0) {
                continue;
            }
            int row = i * in;
            for (int j = 0; j < in; j++) {
                out[j] += w[row + j] * gi;
            }
        }
        for (int j = 0; j < in; j++) {
            out[j] *= activation.derivative(zBelow[j]);
        }
        return out;
    }

    private double sumSquaredActivation(double[] z) {
        double sum = 0;
        for (double v : z) {
            double s = activation.apply(v);
            sum += s * s;
        }
        return sum;
    }

    static double squaredNorm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return sum;
    }
}
