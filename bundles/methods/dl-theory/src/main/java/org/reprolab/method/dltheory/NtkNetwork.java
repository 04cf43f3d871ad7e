package org.reprolab.method.dltheory;

import java.util.random.RandomGenerator;

/**
 * A ReLU MLP in the NTK parametrisation (book §7.2, §9): z^{(ℓ)} = √(C_W/fan_in)·W^{(ℓ)}·σ(z^{(ℓ−1)}) with trainable
 * W ~ N(0, 1), C_W = 2 in the hidden layers (criticality) and 1 at the output, no biases (C_b = 0). L weight layers:
 * n₀ → n, L − 2 of n → n, n → 1. Forward and backward passes are hand-written over a batch; because examples do not
 * interact, one backward pass seeded with 1 at every output gives every example's own gradient, hence the
 * per-example Jacobian J (m × P) and the NTK Θ = JJᵀ.
 *
 * <p>Weights of layer ℓ are stored fan_in × fan_out, row-major; {@link #parameters()} flattens them layer by layer
 * in that order, which is also the column order of {@link #jacobian}.
 */
final class NtkNetwork {

    static final double HIDDEN_WEIGHT_VARIANCE = 2.0;
    static final double OUTPUT_WEIGHT_VARIANCE = 1.0;

    private final int[] fanIn;
    private final int[] fanOut;
    private final double[] scale;
    private final double[][] weights;

    /** Activations entering each layer (h^{(0)} = x) and the hidden pre-activations, per example. */
    record Pass(double[][][] inputs, double[][][] preActivations, double[] output) {
    }

    private NtkNetwork(int inputDim, int width, int depth) {
        if (depth < 1 || width < 1 || inputDim < 1) {
            throw new IllegalArgumentException("NTK network needs depth ≥ 1, width ≥ 1, input dimension ≥ 1; got L = "
                    + depth + ", n = " + width + ", n₀ = " + inputDim);
        }
        fanIn = new int[depth];
        fanOut = new int[depth];
        scale = new double[depth];
        weights = new double[depth][];
        for (int l = 0; l < depth; l++) {
            fanIn[l] = l == 0 ? inputDim : width;
            fanOut[l] = l == depth - 1 ? 1 : width;
            double cw = l == depth - 1 ? OUTPUT_WEIGHT_VARIANCE : HIDDEN_WEIGHT_VARIANCE;
            scale[l] = Math.sqrt(cw / fanIn[l]);
            weights[l] = new double[fanIn[l] * fanOut[l]];
        }
    }

    /** A network with i.i.d. N(0, 1) weights drawn from {@code rng}, layer by layer. */
    static NtkNetwork initialise(int inputDim, int width, int depth, RandomGenerator rng) {
        NtkNetwork net = new NtkNetwork(inputDim, width, depth);
        for (double[] w : net.weights) {
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextGaussian();
            }
        }
        return net;
    }

    int depth() {
        return weights.length;
    }

    int parameterCount() {
        int p = 0;
        for (double[] w : weights) {
            p += w.length;
        }
        return p;
    }

    /** The weights flattened layer by layer. */
    double[] parameters() {
        double[] p = new double[parameterCount()];
        int at = 0;
        for (double[] w : weights) {
            System.arraycopy(w, 0, p, at, w.length);
            at += w.length;
        }
        return p;
    }

    /** Layer {@code l}'s weights (fan_in × fan_out, row-major), a copy. */
    double[] weights(int l) {
        return weights[l].clone();
    }

    int fanIn(int l) {
        return fanIn[l];
    }

    int fanOut(int l) {
        return fanOut[l];
    }

    /** √(C_W/fan_in) of layer {@code l}. */
    double scale(int l) {
        return scale[l];
    }

    /** Adds {@code delta} to parameter {@code index} (in {@link #parameters()} order); for finite differences. */
    void perturb(int index, double delta) {
        int at = index;
        for (double[] w : weights) {
            if (at < w.length) {
                w[at] += delta;
                return;
            }
            at -= w.length;
        }
        throw new IndexOutOfBoundsException("parameter " + index + " of " + parameterCount());
    }

    /** The network's outputs f(x_i) on a batch (m × n₀). */
    double[] outputs(double[][] x) {
        return forward(x).output();
    }

    Pass forward(double[][] x) {
        int depth = weights.length;
        int m = x.length;
        double[][][] inputs = new double[depth][][];
        double[][][] pre = new double[depth][][];
        double[][] h = x;
        for (int l = 0; l < depth; l++) {
            if (h[0].length != fanIn[l]) {
                throw new IllegalArgumentException("layer " + (l + 1) + " expects " + fanIn[l] + " inputs, got " + h[0].length);
            }
            inputs[l] = h;
            double[][] z = new double[m][fanOut[l]];
            double[] w = weights[l];
            int out = fanOut[l];
            for (int i = 0; i < m; i++) {
                double[] zi = z[i];
                double[] hi = h[i];
                for (int k = 0; k < hi.length; k++) {
                    double c = scale[l] * hi[k];
                    if (c == 0) {
                        continue;
                    }
                    int row = k * out;
                    for (int o = 0; o < out; o++) {
                        zi[o] += c * w[row + o];
                    }
                }
            }
            pre[l] = z;
            if (l < depth - 1) {
                double[][] next = new double[m][out];
                for (int i = 0; i < m; i++) {
                    for (int o = 0; o < out; o++) {
                        next[i][o] = Math.max(z[i][o], 0);
                    }
                }
                h = next;
            }
        }
        double[] f = new double[m];
        for (int i = 0; i < m; i++) {
            f[i] = pre[depth - 1][i][0];
        }
        return new Pass(inputs, pre, f);
    }

    /**
     * δ^{(ℓ)} = ∂(Σ_i seed_i f_i)/∂z^{(ℓ)} per example and layer, by backpropagation; with seed = 1 row i of each δ
     * is ∂f_i/∂z_i^{(ℓ)}.
     */
    double[][][] backward(Pass pass, double[] seed) {
        int depth = weights.length;
        int m = seed.length;
        double[][][] delta = new double[depth][][];
        delta[depth - 1] = new double[m][1];
        for (int i = 0; i < m; i++) {
            delta[depth - 1][i][0] = seed[i];
        }
        for (int l = depth - 1; l > 0; l--) {
            double[] w = weights[l];
            int in = fanIn[l];
            int out = fanOut[l];
            double[][] below = new double[m][in];
            double[][] zBelow = pass.preActivations()[l - 1];
            for (int i = 0; i < m; i++) {
                double[] di = delta[l][i];
                for (int k = 0; k < in; k++) {
                    if (zBelow[i][k] <= 0) {
                        continue;
                    }
                    int row = k * out;
                    double s0 = 0;
                    double s1 = 0;
                    int o = 0;
                    for (; o + 1 < out; o += 2) {
                        s0 += w[row + o] * di[o];
                        s1 += w[row + o + 1] * di[o + 1];
                    }
                    if (o < out) {
                        s0 += w[row + o] * di[o];
                    }
                    below[i][k] = scale[l] * (s0 + s1);
                }
            }
            delta[l - 1] = below;
        }
        return delta;
    }

    /** One full-batch gradient-descent step on ½Σ_i(f_i − y_i)² with step {@code lr}; returns the loss before it. */
    double gradientStep(double[][] x, double[] y, double lr) {
        Pass pass = forward(x);
        double[] residual = new double[y.length];
        double loss = 0;
        for (int i = 0; i < y.length; i++) {
            residual[i] = pass.output()[i] - y[i];
            loss += 0.5 * residual[i] * residual[i];
        }
        double[][][] delta = backward(pass, residual);
        // ∂loss/∂W^{(ℓ)}_{ko} = s_ℓ Σ_i h_i[k] δ_i[o]; all δ were computed with the old weights.
        for (int l = 0; l < weights.length; l++) {
            double[] w = weights[l];
            int out = fanOut[l];
            double[][] h = pass.inputs()[l];
            for (int i = 0; i < y.length; i++) {
                double[] di = delta[l][i];
                double[] hi = h[i];
                for (int k = 0; k < hi.length; k++) {
                    double c = lr * scale[l] * hi[k];
                    if (c == 0) {
                        continue;
                    }
                    int row = k * out;
                    for (int o = 0; o < out; o++) {
                        w[row + o] -= c * di[o];
                    }
                }
            }
        }
        return loss;
    }

    /** The per-example Jacobian J_{i,p} = ∂f(x_i)/∂θ_p (m × P), columns in {@link #parameters()} order. */
    double[][] jacobian(double[][] x) {
        Pass pass = forward(x);
        double[] ones = new double[x.length];
        java.util.Arrays.fill(ones, 1);
        double[][][] delta = backward(pass, ones);
        double[][] j = new double[x.length][parameterCount()];
        for (int i = 0; i < x.length; i++) {
            int at = 0;
            for (int l = 0; l < weights.length; l++) {
                double[] hi = pass.inputs()[l][i];
                double[] di = delta[l][i];
                for (int k = 0; k < hi.length; k++) {
                    for (int o = 0; o < di.length; o++) {
                        j[i][at++] = scale[l] * hi[k] * di[o];
                    }
                }
            }
        }
        return j;
    }

    /**
     * The empirical NTK Θ = JJᵀ on a batch, without forming J: layer ℓ's block of J_i is s_ℓ·h_i^{(ℓ)} ⊗ δ_i^{(ℓ)}, so
     * Θ_ij = Σ_ℓ s_ℓ²·(h_i^{(ℓ)}·h_j^{(ℓ)})·(δ_i^{(ℓ)}·δ_j^{(ℓ)}).
     */
    double[][] ntk(double[][] x) {
        Pass pass = forward(x);
        double[] ones = new double[x.length];
        java.util.Arrays.fill(ones, 1);
        double[][][] delta = backward(pass, ones);
        int m = x.length;
        double[][] theta = new double[m][m];
        for (int l = 0; l < weights.length; l++) {
            double[][] h = pass.inputs()[l];
            double s2 = scale[l] * scale[l];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j <= i; j++) {
                    double value = s2 * dot(h[i], h[j]) * dot(delta[l][i], delta[l][j]);
                    theta[i][j] += value;
                    if (j != i) {
                        theta[j][i] += value;
                    }
                }
            }
        }
        return theta;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }
}
