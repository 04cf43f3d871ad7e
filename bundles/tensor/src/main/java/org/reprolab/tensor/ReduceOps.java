package org.reprolab.tensor;

import java.util.Arrays;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.ReduceOp;

/** Reductions along dimensions, and the cumulative sum. */
final class ReduceOps {
    private ReduceOps() {
    }

    static Tensor sumAll(Tensor x) {
        Tensor flat = x.reshape(-1);
        return reduceOne(ReduceOp.SUM, flat, 0, sumType(x));
    }

    static Tensor sum(Tensor x, int[] dims, boolean keepDim) {
        int r = x.rank();
        int[] sorted = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            sorted[i] = Shapes.dim("sum", dims[i], r);
        }
        Arrays.sort(sorted);
        Tensor out = x;
        // highest dimension first so the lower indices stay valid
        for (int i = sorted.length - 1; i >= 0; i--) {
            if (i < sorted.length - 1 && sorted[i] == sorted[i + 1]) {
                throw new IllegalArgumentException("sum: dimension " + sorted[i] + " given twice");
            }
            out = reduceOne(ReduceOp.SUM, out, sorted[i], sumType(x));
        }
        if (keepDim) {
            for (int d : sorted) {
                out = out.unsqueeze(d);
            }
        }
        return out;
    }

    private static DType sumType(Tensor x) {
        return x.dtype().isFloating() ? x.dtype() : DType.INT32;
    }

    /** Sums out one dimension (dimension removed); gradient: broadcast back. */
    private static Tensor reduceOne(ReduceOp op, Tensor x, int dim, DType dtype) {
        int[] inShape = x.shape();
        Tensor out = x.newEmpty(dtype, Shapes.remove(inShape, dim));
        x.backend().reduce(op, x.view(), dim, out.view());
        return Autograd.record(out, "sum", g -> new Tensor[] {g.unsqueeze(dim).expand(inShape)}, x);
    }

    static Tensor extreme(ReduceOp op, Tensor x, int dim, boolean keepDim) {
        int d = Shapes.dim(op.name().toLowerCase(), dim, x.rank());
        if (x.size(d) == 0) {
            throw new IllegalArgumentException(op.name().toLowerCase() + " over an empty dimension of shape "
                    + Shapes.format(x.shape()));
        }
        int[] inShape = x.shape();
        Tensor values = x.newEmpty(x.dtype(), Shapes.remove(inShape, d));
        x.backend().reduce(op, x.view(), d, values.view());
        Tensor out = Autograd.record(values, op.name().toLowerCase(), g -> {
            Tensor at = arg(op == ReduceOp.MAX ? ReduceOp.ARGMAX : ReduceOp.ARGMIN, x, d).unsqueeze(d);
            return new Tensor[] {x.zerosLike().scatterAdd(d, at, g.unsqueeze(d))};
        }, x);
        return keepDim ? out.unsqueeze(d) : out;
    }

    static Tensor arg(ReduceOp op, Tensor x, int dim) {
        int d = Shapes.dim(op.name().toLowerCase(), dim, x.rank());
        Tensor out = x.newEmpty(DType.INT32, Shapes.remove(x.shape(), d));
        x.backend().reduce(op, x.view(), d, out.view());
        return out;
    }

    static Tensor cumsum(Tensor x, int dim) {
        int d = Shapes.dim("cumsum", dim, x.rank());
        Tensor out = x.newEmpty(x.dtype().isFloating() ? x.dtype() : DType.INT32, x.shape());
        x.backend().cumsum(x.view(), d, out.view());
        // d/dx_i of Σ_{j≥i}: the reversed cumulative sum of g = total − cumsum(g) + g
        return Autograd.record(out, "cumsum",
                g -> new Tensor[] {g.sum(d, true).sub(g.cumsum(d)).add(g)}, x);
    }
}
