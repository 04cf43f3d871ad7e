package org.reprolab.tensor;

import org.reprolab.tensor.backend.BinaryOp;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.UnaryOp;

/** Elementwise ops with broadcasting; each forward sits beside its gradient. */
final class PointwiseOps {
    private PointwiseOps() {
    }

    static Tensor unary(UnaryOp op, Tensor x) {
        Tensor out = x.newEmpty(x.dtype(), x.shape());
        x.backend().unary(op, x.view(), out.view());
        return Autograd.record(out, op.name().toLowerCase(), g -> new Tensor[] {unaryGrad(op, x, out, g)}, x);
    }

    private static Tensor unaryGrad(UnaryOp op, Tensor x, Tensor y, Tensor g) {
        return switch (op) {
            case NEG -> g.neg();
            case ABS -> g.mul(x.sign());
            case SIGN, FLOOR, ROUND -> g.zerosLike();
            case EXP -> g.mul(y);
            case LOG -> g.div(x);
            case LOG1P -> g.div(x.add(1));
            case SQRT -> g.div(y.mul(2));
            case RSQRT -> g.mul(y.mul(y).mul(y)).mul(-0.5);
            case RECIPROCAL -> g.mul(y.square()).neg();
            case SQUARE -> g.mul(x).mul(2);
            case SIN -> g.mul(x.cos());
            case COS -> g.mul(x.sin()).neg();
            case TANH -> fused(BinaryOp.TANH_GRAD, y, g);
            case SIGMOID -> fused(BinaryOp.SIGMOID_GRAD, y, g);
            case RELU -> fused(BinaryOp.RELU_GRAD, x, g);
            case GELU -> fused(BinaryOp.GELU_GRAD, x, g);
            case SILU -> fused(BinaryOp.SILU_GRAD, x, g);
            case SOFTPLUS -> fused(BinaryOp.SOFTPLUS_GRAD, x, g);
        };
    }

    /** A fused backward kernel (input or output, upstream gradient) → input gradient. */
    private static Tensor fused(BinaryOp op, Tensor saved, Tensor g) {
        Tensor out = saved.newEmpty(saved.dtype(), saved.shape());
        saved.backend().binary(op, saved.view(), g.view(), out.view());
        return out;
    }

    static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        String name = op.name().toLowerCase();
        a.sameBackend(b, name);
        DType dtype = resultType(name, a, b);
        int[] shape = Shapes.broadcast(name, a.shape(), b.shape());
        Tensor out = a.newEmpty(dtype, shape);
        a.backend().binary(op, a.to(dtype).broadcastTo(shape).view(), b.to(dtype).broadcastTo(shape).view(),
                out.view());
        int[] as = a.shape();
        int[] bs = b.shape();
        return Autograd.record(out, name, g -> {
            Tensor[] grads = binaryGrad(op, a, b, out, g);
            return new Tensor[] {
                grads[0] == null ? null : ViewOps.sumTo(grads[0], as),
                grads[1] == null ? null : ViewOps.sumTo(grads[1], bs)};
        }, a, b);
    }

    private static Tensor[] binaryGrad(BinaryOp op, Tensor a, Tensor b, Tensor y, Tensor g) {
        boolean ga = a.requiresGrad();
        boolean gb = b.requiresGrad();
        return switch (op) {
            case ADD -> new Tensor[] {g, g};
            case SUB -> new Tensor[] {g, gb ? g.neg() : null};
            case MUL -> new Tensor[] {ga ? g.mul(b) : null, gb ? g.mul(a) : null};
            case DIV -> new Tensor[] {ga ? g.div(b) : null, gb ? g.mul(y).div(b).neg() : null};
            case POW -> new Tensor[] {
                ga ? g.mul(b).mul(a.pow(b.sub(1))) : null,
                gb ? g.mul(y).mul(a.log()) : null};
            case MAXIMUM, MINIMUM -> {
                // the gradient goes to the winner; on ties it is split evenly, as in PyTorch
                Tensor aWins = (op == BinaryOp.MAXIMUM ? a.gt(b) : a.lt(b)).to(g.dtype());
                Tensor tie = a.eq(b).to(g.dtype()).mul(0.5);
                Tensor share = aWins.add(tie);
                yield new Tensor[] {ga ? g.mul(share) : null, gb ? g.mul(share.rsub(1)) : null};
            }
            case ATAN2 -> {
                Tensor denom = a.square().add(b.square());
                yield new Tensor[] {ga ? g.mul(b).div(denom) : null, gb ? g.mul(a).div(denom).neg() : null};
            }
            default -> throw new IllegalStateException(op + " has no gradient");
        };
    }

    static Tensor compare(BinaryOp op, Tensor a, Tensor b) {
        String name = op.name().toLowerCase();
        a.sameBackend(b, name);
        int[] shape = Shapes.broadcast(name, a.shape(), b.shape());
        DType common = a.dtype() == b.dtype() ? a.dtype() : DType.FLOAT64;
        Tensor out = a.newEmpty(DType.BOOL, shape);
        a.backend().binary(op, a.to(common).broadcastTo(shape).view(), b.to(common).broadcastTo(shape).view(),
                out.view());
        return out;
    }

    static Tensor where(Tensor cond, Tensor a, Tensor b) {
        if (cond.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where: the condition must be BOOL, got " + cond.dtype());
        }
        a.sameBackend(b, "where").sameBackend(cond, "where");
        int[] shape = Shapes.broadcast("where", Shapes.broadcast("where", cond.shape(), a.shape()), b.shape());
        DType dtype = resultType("where", a, b);
        Tensor out = a.newEmpty(dtype, shape);
        a.backend().where(cond.broadcastTo(shape).view(), a.to(dtype).broadcastTo(shape).view(),
                b.to(dtype).broadcastTo(shape).view(), out.view());
        int[] as = a.shape();
        int[] bs = b.shape();
        return Autograd.record(out, "where", g -> {
            Tensor zero = g.scalarLike(0);
            return new Tensor[] {
                a.requiresGrad() ? ViewOps.sumTo(where(cond, g, zero), as) : null,
                b.requiresGrad() ? ViewOps.sumTo(where(cond, zero, g), bs) : null};
        }, a, b);
    }

    /**
     * The dtype of a mixed op: equal types stay; a 0-d scalar adopts the tensor's type; otherwise float64 wins
     * over float32, and any float over integers.
     */
    static DType resultType(String op, Tensor a, Tensor b) {
        DType x = a.dtype();
        DType y = b.dtype();
        if (x == y) {
            return x == DType.BOOL ? DType.INT32 : x;
        }
        if (b.rank() == 0 && x.isFloating()) {
            return x;
        }
        if (a.rank() == 0 && y.isFloating()) {
            return y;
        }
        if (x == DType.FLOAT64 || y == DType.FLOAT64) {
            return DType.FLOAT64;
        }
        if (x == DType.FLOAT32 || y == DType.FLOAT32) {
            return DType.FLOAT32;
        }
        return DType.INT32;
    }
}
