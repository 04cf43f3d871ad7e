package org.reprolab.tensor.optim;

import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.BinaryOp;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.UnaryOp;

/** Adam's moment estimates and bias-corrected direction, shared by {@link Adam} and {@link LAMB}. */
final class Moments {
    private Moments() {
    }

    /** m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g² (Kingma &amp; Ba 2015, Algorithm 1), using tmp. */
    static void update(Tensor m, Tensor v, Tensor g, double beta1, double beta2, Tensor tmp) {
        Kernels.binary(BinaryOp.MUL, g, 1 - beta1, tmp);
        Kernels.scale(m, beta1);
        Kernels.binary(BinaryOp.ADD, m, tmp, m);
        Kernels.binary(BinaryOp.MUL, g, 1 - beta2, tmp);
        Kernels.binary(BinaryOp.MUL, tmp, g, tmp);
        Kernels.scale(v, beta2);
        Kernels.binary(BinaryOp.ADD, v, tmp, v);
    }

    /** Whether the backend's fused Adam kernel applies: float32 tensors laid out contiguously. */
    static boolean canFuse(Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t.dtype() != DType.FLOAT32 || !t.isContiguous()) {
                return false;
            }
        }
        return true;
    }

    /** {@link #update} and {@link #direction} and p ← p − direction, as one pass of the backend's kernel. */
    static void fusedStep(Tensor p, Tensor g, Tensor m, Tensor v, long step, double beta1, double beta2, double eps,
                          double lr) {
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        p.backend().adamStep(p.view(), g.view(), m.view(), v.view(), beta1, beta2, lr * bc2Sqrt / bc1, eps * bc2Sqrt);
    }

    /**
     * out ← c · m̂ / (√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). Computed as
     * m / (√v + ε·√(1−β₂ᵗ)) · c·√(1−β₂ᵗ)/(1−β₁ᵗ), the same number with one pass fewer.
     */
    static void direction(Tensor m, Tensor v, long step, double beta1, double beta2, double eps, double c,
                          Tensor out) {
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        Kernels.unary(UnaryOp.SQRT, v, out);
        Kernels.binary(BinaryOp.ADD, out, eps * bc2Sqrt, out);
        Kernels.binary(BinaryOp.DIV, m, out, out);
        Kernels.scale(out, c * bc2Sqrt / bc1);
    }
}
