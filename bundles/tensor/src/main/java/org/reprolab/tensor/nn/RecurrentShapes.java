package org.reprolab.tensor.nn;

import org.reprolab.tensor.Shapes;
import org.reprolab.tensor.Tensor;

/** Shape checks and zero states shared by the recurrent cells. */
final class RecurrentShapes {
    private RecurrentShapes() {
    }

    /** A zero state matching x [B, in] → [B, hidden] (or [in] → [hidden]). */
    static Tensor zeroState(Tensor x, int hiddenSize) {
        int[] shape = x.rank() == 2 ? new int[] {x.size(0), hiddenSize} : new int[] {hiddenSize};
        return Tensor.zeros(x.dtype(), shape).to(x.backend());
    }

    static void check(String cell, Tensor x, int inputSize, int hiddenSize, Tensor... states) {
        boolean ok = (x.rank() == 1 || x.rank() == 2) && x.size(-1) == inputSize;
        for (Tensor s : states) {
            ok &= s.rank() == x.rank() && s.size(-1) == hiddenSize && (x.rank() == 1 || s.size(0) == x.size(0));
        }
        if (!ok) {
            StringBuilder shapes = new StringBuilder();
            for (Tensor s : states) {
                shapes.append(", state ").append(Shapes.format(s.shape()));
            }
            throw new IllegalArgumentException(cell + "(" + inputSize + ", " + hiddenSize + "): input "
                    + Shapes.format(x.shape()) + shapes + " must be [B, " + inputSize + "] and [B, " + hiddenSize
                    + "]");
        }
    }
}
