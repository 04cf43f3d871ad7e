package org.reprolab.tensor.optim;

import java.util.List;
import java.util.Map;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.BinaryOp;

/**
 * LAMB (You et al. 2019, "Large Batch Optimization for Deep Learning", Algorithm 2): the Adam direction
 * r = m̂/(√v̂ + ε) plus weight decay, u = r + λ·p, scaled per parameter tensor by the trust ratio
 * ‖p‖/‖u‖ (1 when either norm is 0): p ← p − lr·(‖p‖/‖u‖)·u. The norms and the ratio stay on the device.
 * Defaults: β = (0.9, 0.999), ε = 1e-6, λ = 0.01.
 */
public final class LAMB extends Optimizer {
    public LAMB(List<Tensor> params, double lr) {
        this(lr, single(params));
    }

    public LAMB(double lr, ParamGroup... groups) {
        this(lr, List.of(groups));
    }

    private LAMB(double lr, List<ParamGroup> groups) {
        super(groups, lrDefault(lr, Map.of(ParamGroup.BETA1, 0.9, ParamGroup.BETA2, 0.999, ParamGroup.EPS, 1e-6,
                ParamGroup.WEIGHT_DECAY, 0.01)));
    }

    public LAMB betas(double beta1, double beta2) {
        setOption(ParamGroup.BETA1, beta1);
        setOption(ParamGroup.BETA2, beta2);
        return this;
    }

    public LAMB eps(double eps) {
        setOption(ParamGroup.EPS, eps);
        return this;
    }

    public LAMB weightDecay(double weightDecay) {
        setOption(ParamGroup.WEIGHT_DECAY, weightDecay);
        return this;
    }

    @Override
    protected void update(ParamGroup group, Tensor p, Tensor grad, ParamState state) {
        double beta1 = group.get(ParamGroup.BETA1);
        double beta2 = group.get(ParamGroup.BETA2);
        double weightDecay = group.get(ParamGroup.WEIGHT_DECAY);
        Tensor m = state.buffer("exp_avg");
        Tensor v = state.buffer("exp_avg_sq");
        Tensor u = scratch(0, p);
        Tensor tmp = scratch(1, p);
        Moments.update(m, v, grad, beta1, beta2, tmp);
        Moments.direction(m, v, state.step(), beta1, beta2, group.get(ParamGroup.EPS), 1, u);
        if (weightDecay != 0) {
            Kernels.binary(BinaryOp.MUL, p, weightDecay, tmp);
            Kernels.binary(BinaryOp.ADD, u, tmp, u);
        }
        Tensor step = trustRatio(Kernels.sumOfSquares(p, tmp), Kernels.sumOfSquares(u, tmp)).mul(group.lr());
        Kernels.binaryByScalar(BinaryOp.MUL, u, step, u);
        Kernels.binary(BinaryOp.SUB, p, u, p);
    }

    /** √(‖p‖²/‖u‖²), or 1 when either squared norm is 0, as a 0-d tensor on the device. */
    static Tensor trustRatio(Tensor weightNormSq, Tensor updateNormSq) {
        Tensor one = weightNormSq.onesLike();
        return weightNormSq.div(updateNormSq).sqrt()
                .where(updateNormSq.gt(0.0), one)
                .where(weightNormSq.gt(0.0), one);
    }
}
