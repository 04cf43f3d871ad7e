package org.reprolab.tensor.nn;

import org.reprolab.tensor.Shapes;
import org.reprolab.tensor.Tensor;

/**
 * Layer normalisation over the trailing dimensions given by normalizedShape (usually just the feature size),
 * with an optional elementwise affine (weight 1, bias 0 at start).
 */
public class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final double eps;
    private final Tensor weight;
    private final Tensor bias;

    public LayerNorm(int[] normalizedShape, double eps, boolean affine) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.weight = affine ? parameter("weight", Tensor.ones(normalizedShape)) : null;
        this.bias = affine ? parameter("bias", Tensor.zeros(normalizedShape)) : null;
    }

    public LayerNorm(int dim, double eps, boolean affine) {
        this(new int[] {dim}, eps, affine);
    }

    /** eps 1e-5 and an affine, as PyTorch's default. */
    public LayerNorm(int dim) {
        this(dim, 1e-5, true);
    }

    @Override
    public Tensor forward(Tensor x) {
        int k = normalizedShape.length;
        int[] s = x.shape();
        if (s.length < k || !java.util.Arrays.equals(java.util.Arrays.copyOfRange(s, s.length - k, s.length),
                normalizedShape)) {
            throw new IllegalArgumentException("LayerNorm" + Shapes.format(normalizedShape) + ": input of shape "
                    + Shapes.format(s) + " does not end in " + Shapes.format(normalizedShape));
        }
        return Functional.layerNorm(x, k, weight, bias, eps);
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }
}
