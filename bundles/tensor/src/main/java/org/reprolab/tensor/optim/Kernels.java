package org.reprolab.tensor.optim;

import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.BinaryOp;
import org.reprolab.tensor.backend.Storage;
import org.reprolab.tensor.backend.UnaryOp;
import org.reprolab.tensor.backend.View;

/**
 * The optimizers' elementwise updates, written straight into existing buffers through the tensor's backend:
 * unlike {@code Tensor}'s out-of-place ops these allocate nothing but a one-element scalar, so a step makes no
 * parameter-sized temporaries and never copies numbers to the host. Every tensor passed here has the shape of
 * {@code out}; callers run inside {@code Autograd.noGrad()}.
 */
final class Kernels {
    private Kernels() {
    }

    /** out ← a ∘ b. */
    static void binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        out.backend().binary(op, a.view(), b.view(), out.view());
    }

    /** out ← a ∘ c for a host constant c (broadcast as a stride-0 view). */
    static void binary(BinaryOp op, Tensor a, double c, Tensor out) {
        out.backend().binary(op, a.view(), constant(out, c), out.view());
    }

    /** out ← a ∘ s where s is a one-element tensor on the device (e.g. a norm computed there). */
    static void binaryByScalar(BinaryOp op, Tensor a, Tensor s, Tensor out) {
        View sv = s.view();
        View broadcast = new View(sv.storage(), out.view().shape(), new int[out.rank()], sv.offset());
        out.backend().binary(op, a.view(), broadcast, out.view());
    }

    static void unary(UnaryOp op, Tensor x, Tensor out) {
        out.backend().unary(op, x.view(), out.view());
    }

    /** x ← x · c. */
    static void scale(Tensor x, double c) {
        if (c != 1) {
            binary(BinaryOp.MUL, x, c, x);
        }
    }

    /** Σ x² as a 0-d tensor on the device, using {@code scratch} (shaped like x) for the squares. */
    static Tensor sumOfSquares(Tensor x, Tensor scratch) {
        unary(UnaryOp.SQUARE, x, scratch);
        return scratch.sum();
    }

    /** A stride-0 view of the constant c with out's shape and dtype. */
    private static View constant(Tensor out, double c) {
        Backend backend = out.backend();
        Storage s = backend.allocate(out.dtype(), 1);
        View one = new View(s, new int[0], new int[0], 0);
        backend.fill(one, c);
        return new View(s, out.view().shape(), new int[out.rank()], 0);
    }
}
