package org.reprolab.tensor.optim;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.BinaryOp;
import org.reprolab.tensor.backend.DType;

/** Gradient clipping between {@code backward()} and {@code step()}, as PyTorch's {@code clip_grad_*_}. */
public final class GradClip {
    private GradClip() {
    }

    /**
     * Scales all gradients together so that their global L2 norm (over every parameter, as if concatenated)
     * is at most maxNorm: each gradient is multiplied by min(1, maxNorm/(norm + 1e-6)). The scale is computed
     * and applied on the device; only the returned norm is read back. Parameters without a gradient are
     * ignored.
     *
     * @return the global norm before clipping (NaN or ∞ if a gradient holds one; the gradients then become
     *     NaN, as in PyTorch)
     */
    public static double clipNorm(Iterable<Tensor> params, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be > 0, got " + maxNorm);
        }
        List<Tensor> grads = grads(params);
        if (grads.isEmpty()) {
            return 0;
        }
        try (var ignored = Autograd.noGrad()) {
            Tensor sumSq = null;
            for (Tensor g : grads) {
                Tensor s = g.square().sum().to(DType.FLOAT64);
                sumSq = sumSq == null ? s : sumSq.add(s.to(sumSq.backend()));
            }
            Tensor norm = sumSq.sqrt();
            Tensor coef = norm.add(1e-6).reciprocal().mul(maxNorm).minimum(norm.onesLike());
            for (Tensor g : grads) {
                Kernels.binaryByScalar(BinaryOp.MUL, g, coef.to(g.backend()).to(g.dtype()), g);
            }
            return norm.item();
        }
    }

    /** Clamps every gradient element into [−clip, clip]. */
    public static void clipValue(Iterable<Tensor> params, double clip) {
        if (!(clip >= 0)) {
            throw new IllegalArgumentException("clip must be ≥ 0, got " + clip);
        }
        for (Tensor g : grads(params)) {
            Kernels.binary(BinaryOp.MINIMUM, g, clip, g);
            Kernels.binary(BinaryOp.MAXIMUM, g, -clip, g);
        }
    }

    private static List<Tensor> grads(Iterable<Tensor> params) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor p : params) {
            if (p.grad() != null) {
                out.add(p.grad());
            }
        }
        return out;
    }
}
