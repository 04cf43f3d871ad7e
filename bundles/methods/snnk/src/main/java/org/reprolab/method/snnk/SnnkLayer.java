package org.reprolab.method.snnk;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Init;
import org.reprolab.tensor.nn.Module;

/**
 * A ReLU-SNNK layer (Sec. 3 of the paper): the feed-forward layer x ↦ relu(Wx) is replaced by x ↦ Ψ(W)Φ(x) with
 * Φ(x) = relu(Gx)/√m and Ψ(W) = relu(WGᵀ)/√m row by row, whose expectation over G ~ N(0, I) is the arc-cosine
 * kernel of each weight row and the input. W (out × in) is trained; the projection G (m × in) is drawn once and
 * kept fixed, so Φ depends on the input only and can be precomputed, and gradients reach W through Ψ alone.
 */
final class SnnkLayer extends Module {

    private final Tensor weight;
    private final Tensor projection;
    private final double scale;

    SnnkLayer(int in, int out, int features, Generator gen) {
        if (in < 1 || out < 1 || features < 1) {
            throw new IllegalArgumentException("SNNK layer " + in + " → " + out + " with " + features + " features: sizes must be ≥ 1");
        }
        // The same initialisation as a Linear layer of that shape, so the SNNK-MLP starts where the MLP does.
        this.weight = parameter("weight", Init.kaimingUniform(Tensor.zeros(out, in), Math.sqrt(5), Init.Fan.IN,
                Init.Nonlinearity.LEAKY_RELU, gen));
        this.projection = buffer("projection", gen.randn(features, in));
        this.scale = 1 / Math.sqrt(features);
    }

    /** Φ(x) = relu(xGᵀ)/√m for a batch x [B, in] → [B, m]; depends on the input alone. */
    Tensor inputFeatures(Tensor x) {
        return x.matmulTransposed(projection).relu().mul(scale);
    }

    /** Ψ(W) = relu(WGᵀ)/√m → [out, m]; computed once per step, differentiable in W. */
    Tensor weightFeatures() {
        return weight.matmulTransposed(projection).relu().mul(scale);
    }

    /** The layer's output Φ Ψᵀ [B, out] from precomputed input features Φ [B, m]. */
    Tensor forwardFeatures(Tensor phi) {
        return phi.matmulTransposed(weightFeatures());
    }

    @Override
    public Tensor forward(Tensor x) {
        return forwardFeatures(inputFeatures(x));
    }

    Tensor weight() {
        return weight;
    }

    /** The fixed projection G [m, in]. */
    Tensor projection() {
        return projection;
    }

    int features() {
        return projection.size(0);
    }
}
