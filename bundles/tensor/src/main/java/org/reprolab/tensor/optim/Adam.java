package org.reprolab.tensor.optim;

import java.util.List;
import java.util.Map;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.BinaryOp;

/**
 * Adam (Kingma &amp; Ba 2015) with PyTorch's semantics: weight decay is an L2 term added to the gradient
 * (g + λ·p), so it is rescaled by the adaptive denominator (use {@link AdamW} for decoupled decay). Optional
 * AMSGrad (Reddi et al. 2018) divides by the running maximum of v. Defaults: β = (0.9, 0.999), ε = 1e-8,
 * no weight decay.
 */
public class Adam extends Optimizer {
    private final boolean decoupled;
    private boolean amsgrad;

    public Adam(List<Tensor> params, double lr) {
        this(single(params), lr, 0.0, false);
    }

    public Adam(double lr, ParamGroup... groups) {
        this(List.of(groups), lr, 0.0, false);
    }

    Adam(List<ParamGroup> groups, double lr, double weightDecay, boolean decoupled) {
        super(groups, lrDefault(lr, Map.of(ParamGroup.BETA1, 0.9, ParamGroup.BETA2, 0.999, ParamGroup.EPS, 1e-8,
                ParamGroup.WEIGHT_DECAY, weightDecay)));
        this.decoupled = decoupled;
    }

    public Adam betas(double beta1, double beta2) {
        setOption(ParamGroup.BETA1, beta1);
        setOption(ParamGroup.BETA2, beta2);
        return this;
    }

    public Adam eps(double eps) {
        setOption(ParamGroup.EPS, eps);
        return this;
    }

    public Adam weightDecay(double weightDecay) {
        setOption(ParamGroup.WEIGHT_DECAY, weightDecay);
        return this;
    }

    public Adam amsgrad(boolean amsgrad) {
        this.amsgrad = amsgrad;
        return this;
    }

    @Override
    protected void update(ParamGroup group, Tensor p, Tensor grad, ParamState state) {
        double lr = group.lr();
        double weightDecay = group.get(ParamGroup.WEIGHT_DECAY);
        double beta1 = group.get(ParamGroup.BETA1);
        double beta2 = group.get(ParamGroup.BETA2);
        Tensor g = grad;
        if (weightDecay != 0) {
            if (decoupled) {
                // AdamW (Loshchilov & Hutter 2019, Algorithm 2 line 12): decay p directly, scaled by lr
                Kernels.scale(p, 1 - lr * weightDecay);
            } else {
                g = scratch(0, p);
                Kernels.binary(BinaryOp.MUL, p, weightDecay, g);
                Kernels.binary(BinaryOp.ADD, g, grad, g);
            }
        }
        Tensor m = state.buffer("exp_avg");
        Tensor v = state.buffer("exp_avg_sq");
        if (!amsgrad && Moments.canFuse(p, g, m, v)) {
            Moments.fusedStep(p, g, m, v, state.step(), beta1, beta2, group.get(ParamGroup.EPS), lr);
            return;
        }
        Tensor tmp = scratch(1, p);
        Moments.update(m, v, g, beta1, beta2, tmp);
        if (amsgrad) {
            Tensor vMax = state.buffer("max_exp_avg_sq");
            Kernels.binary(BinaryOp.MAXIMUM, vMax, v, vMax);
            v = vMax;
        }
        Moments.direction(m, v, state.step(), beta1, beta2, group.get(ParamGroup.EPS), lr, tmp);
        Kernels.binary(BinaryOp.SUB, p, tmp, p);
    }
}
