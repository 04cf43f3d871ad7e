package org.reprolab.tensor.optim;

import java.util.List;
import java.util.Map;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.BinaryOp;

/**
 * Stochastic gradient descent with momentum, dampening, Nesterov momentum and L2 weight decay, with
 * PyTorch's semantics: d = g + λ·p; b ← d on the first step, else b ← μ·b + (1−τ)·d; the step direction
 * is d + μ·b with Nesterov, else b (d without momentum); p ← p − lr·direction.
 */
public final class SGD extends Optimizer {
    private boolean nesterov;

    public SGD(List<Tensor> params, double lr) {
        this(lr, single(params));
    }

    public SGD(double lr, ParamGroup... groups) {
        this(lr, List.of(groups));
    }

    private SGD(double lr, List<ParamGroup> groups) {
        super(groups, lrDefault(lr, Map.of(ParamGroup.MOMENTUM, 0.0, ParamGroup.DAMPENING, 0.0,
                ParamGroup.WEIGHT_DECAY, 0.0)));
    }

    public SGD momentum(double momentum) {
        setOption(ParamGroup.MOMENTUM, momentum);
        return this;
    }

    public SGD dampening(double dampening) {
        setOption(ParamGroup.DAMPENING, dampening);
        return this;
    }

    public SGD weightDecay(double weightDecay) {
        setOption(ParamGroup.WEIGHT_DECAY, weightDecay);
        return this;
    }

    /** Nesterov momentum (Sutskever et al. 2013, in PyTorch's form); needs momentum &gt; 0 and no dampening. */
    public SGD nesterov(boolean nesterov) {
        this.nesterov = nesterov;
        return this;
    }

    @Override
    protected void update(ParamGroup group, Tensor p, Tensor grad, ParamState state) {
        double lr = group.lr();
        double momentum = group.get(ParamGroup.MOMENTUM);
        double dampening = group.get(ParamGroup.DAMPENING);
        double weightDecay = group.get(ParamGroup.WEIGHT_DECAY);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalStateException("Nesterov momentum needs momentum > 0 and dampening = 0, got momentum "
                    + momentum + ", dampening " + dampening);
        }
        Tensor d = grad;
        if (weightDecay != 0) {
            d = scratch(0, p);
            Kernels.binary(BinaryOp.MUL, p, weightDecay, d);
            Kernels.binary(BinaryOp.ADD, d, grad, d);
        }
        Tensor tmp = scratch(1, p);
        if (momentum != 0) {
            boolean first = !state.has("momentum_buffer");
            Tensor buf = state.buffer("momentum_buffer");
            if (first) {
                p.backend().copy(d.view(), buf.view());
            } else {
                Kernels.scale(buf, momentum);
                Kernels.binary(BinaryOp.MUL, d, 1 - dampening, tmp);
                Kernels.binary(BinaryOp.ADD, buf, tmp, buf);
            }
            if (nesterov) {
                Kernels.binary(BinaryOp.MUL, d, lr, tmp);
                Kernels.binary(BinaryOp.SUB, p, tmp, p);
                Kernels.binary(BinaryOp.MUL, buf, lr * momentum, tmp);
            } else {
                Kernels.binary(BinaryOp.MUL, buf, lr, tmp);
            }
        } else {
            Kernels.binary(BinaryOp.MUL, d, lr, tmp);
        }
        Kernels.binary(BinaryOp.SUB, p, tmp, p);
    }
}
