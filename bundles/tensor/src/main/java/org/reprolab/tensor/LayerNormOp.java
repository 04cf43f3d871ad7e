package org.reprolab.tensor;

/** Layer normalisation over the last dimension as one backend kernel each way (instead of seven ops). */
final class LayerNormOp {
    private LayerNormOp() {
    }

    static Tensor apply(Tensor x, Tensor weight, Tensor bias, double eps) {
        if (x.rank() == 0 || !x.dtype().isFloating()) {
            throw new IllegalArgumentException("layerNorm needs a floating tensor with a last dimension, got "
                    + Shapes.format(x.shape()) + " " + x.dtype());
        }
        int n = x.size(-1);
        for (Tensor p : new Tensor[] {weight, bias}) {
            if (p != null && (p.rank() != 1 || p.size(0) != n || p.dtype() != x.dtype())) {
                throw new IllegalArgumentException("layerNorm: weight/bias of shape " + Shapes.format(p.shape())
                        + " " + p.dtype() + " do not fit the last dimension of " + Shapes.format(x.shape()) + " "
                        + x.dtype());
            }
            if (p != null) {
                x.sameBackend(p, "layerNorm");
            }
        }
        Tensor in = x.contiguous();
        Tensor w = weight == null ? null : weight.contiguous();
        Tensor b = bias == null ? null : bias.contiguous();
        int rows = in.numel() / Math.max(n, 1);
        Tensor out = in.newEmpty(in.dtype(), in.shape());
        Tensor mean = in.newEmpty(in.dtype(), rows);
        Tensor rstd = in.newEmpty(in.dtype(), rows);
        in.backend().layerNorm(in.view(), w == null ? null : w.view(), b == null ? null : b.view(), eps, out.view(),
                mean.view(), rstd.view());
        return Autograd.record(out, "layerNorm", g -> {
            Tensor gc = g.contiguous();
            Tensor dx = in.requiresGrad() ? in.newEmpty(in.dtype(), in.shape()) : null;
            Tensor dw = w != null && w.requiresGrad() ? in.newEmpty(in.dtype(), n) : null;
            Tensor db = b != null && b.requiresGrad() ? in.newEmpty(in.dtype(), n) : null;
            Tensor scratch = dx != null ? dx : in.newEmpty(in.dtype(), in.shape());
            in.backend().layerNormBackward(gc.view(), in.view(), w == null ? null : w.view(), mean.view(),
                    rstd.view(), scratch.view(), dw == null ? null : dw.view(), db == null ? null : db.view());
            return new Tensor[] {dx, dw, db};
        }, in, w, b);
    }
}
