package org.reprolab.tensor.optim;

import java.util.List;
import org.reprolab.tensor.Tensor;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019): p ← p·(1 − lr·λ) before the Adam step,
 * instead of adding λ·p to the gradient, so decay is not rescaled by the adaptive denominator. Default λ =
 * 0.01, as in PyTorch.
 */
public final class AdamW extends Adam {
    public AdamW(List<Tensor> params, double lr) {
        super(single(params), lr, 0.01, true);
    }

    public AdamW(double lr, ParamGroup... groups) {
        super(List.of(groups), lr, 0.01, true);
    }

    @Override
    public AdamW betas(double beta1, double beta2) {
        super.betas(beta1, beta2);
        return this;
    }

    @Override
    public AdamW eps(double eps) {
        super.eps(eps);
        return this;
    }

    @Override
    public AdamW weightDecay(double weightDecay) {
        super.weightDecay(weightDecay);
        return this;
    }

    @Override
    public AdamW amsgrad(boolean amsgrad) {
        super.amsgrad(amsgrad);
        return this;
    }
}
