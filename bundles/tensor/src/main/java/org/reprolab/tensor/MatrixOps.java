package org.reprolab.tensor;

/** Matrix products and the softmax family. */
final class MatrixOps {
    private MatrixOps() {
    }

    static Tensor matmul(Tensor a, Tensor b) {
        a.sameBackend(b, "matmul");
        if (a.rank() == 0 || b.rank() == 0) {
            throw new IllegalArgumentException("matmul: both operands need at least one dimension, got "
                    + Shapes.format(a.shape()) + " and " + Shapes.format(b.shape()));
        }
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("matmul: dtypes differ (" + a.dtype() + " and " + b.dtype() + ")");
        }
        // NumPy's rules: a 1-d left operand is a row, a 1-d right operand a column; both are dropped after
        boolean rowVector = a.rank() == 1;
        boolean columnVector = b.rank() == 1;
        Tensor x = rowVector ? a.unsqueeze(0) : a;
        Tensor y = columnVector ? b.unsqueeze(1) : b;
        int k = x.size(-1);
        if (y.size(-2) != k) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.format(a.shape()) + " and "
                    + Shapes.format(b.shape()) + " do not chain (" + k + " ≠ " + y.size(-2) + ")");
        }
        int[] xs = x.shape();
        int[] ys = y.shape();
        int[] batch = Shapes.broadcast("matmul", java.util.Arrays.copyOf(xs, xs.length - 2),
                java.util.Arrays.copyOf(ys, ys.length - 2));
        int m = xs[xs.length - 2];
        int n = ys[ys.length - 1];
        int r = batch.length + 2;
        int[] outShape = java.util.Arrays.copyOf(batch, r);
        outShape[r - 2] = m;
        outShape[r - 1] = n;
        Tensor xe = x.broadcastTo(withMatrix(batch, m, k));
        Tensor ye = y.broadcastTo(withMatrix(batch, k, n));
        // a product with k > 0 writes every output element
        Tensor out = k > 0 ? a.newUninitialized(a.dtype(), outShape) : a.newEmpty(a.dtype(), outShape);
        a.backend().matmul(xe.view(), ye.view(), out.view());
        Tensor result = Autograd.record(out, "matmul", g -> new Tensor[] {
            xe.requiresGrad() ? g.matmul(ye.t()) : null,
            ye.requiresGrad() ? xe.t().matmul(g) : null}, xe, ye);
        if (rowVector) {
            result = result.squeeze(-2);
        }
        if (columnVector) {
            result = result.squeeze(-1);
        }
        return result;
    }

    /**
     * {@code a · wᵀ} for matrices a [m, k] and w [n, k] (a linear layer's product). The same numbers as
     * {@code a.matmul(w.t())}, but w's gradient comes out as gᵀ·a, already in w's layout, instead of as a
     * transposed view that has to be copied.
     */
    static Tensor matmulTransposed(Tensor a, Tensor w) {
        a.sameBackend(w, "matmulTransposed");
        if (a.rank() != 2 || w.rank() != 2 || a.size(1) != w.size(1) || a.dtype() != w.dtype()) {
            throw new IllegalArgumentException("matmulTransposed: needs a [m, k] and w [n, k] of one dtype, got "
                    + Shapes.format(a.shape()) + " " + a.dtype() + " and " + Shapes.format(w.shape()) + " "
                    + w.dtype());
        }
        Tensor wt = w.detach().t();
        Tensor out = a.size(1) > 0 ? a.newUninitialized(a.dtype(), a.size(0), w.size(0))
                : a.newEmpty(a.dtype(), a.size(0), w.size(0));
        a.backend().matmul(a.view(), wt.view(), out.view());
        return Autograd.record(out, "matmulTransposed", g -> new Tensor[] {
            a.requiresGrad() ? g.matmul(w) : null,
            w.requiresGrad() ? g.t().matmul(a) : null}, a, w);
    }

    private static int[] withMatrix(int[] batch, int rows, int cols) {
        int[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = rows;
        s[batch.length + 1] = cols;
        return s;
    }

    static Tensor softmax(Tensor x, int dim, boolean log) {
        if (!x.dtype().isFloating()) {
            throw new IllegalArgumentException((log ? "logSoftmax" : "softmax") + " needs a floating tensor, got "
                    + x.dtype());
        }
        int d = Shapes.dim("softmax", dim, x.rank());
        int last = x.rank() - 1;
        if (d != last) {
            return softmax(x.transpose(d, last), last, log).transpose(d, last);
        }
        Tensor in = x.contiguous();
        Tensor out = in.newEmpty(in.dtype(), in.shape());
        in.backend().softmax(in.view(), out.view(), log);
        return Autograd.record(out, log ? "logSoftmax" : "softmax", g -> {
            Tensor gc = g.contiguous();
            Tensor dx = gc.newEmpty(gc.dtype(), gc.shape());
            gc.backend().softmaxBackward(out.view(), gc.view(), dx.view(), log);
            return new Tensor[] {dx};
        }, in);
    }
}
