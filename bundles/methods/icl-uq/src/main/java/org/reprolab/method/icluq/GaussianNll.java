package org.reprolab.method.icluq;

import org.reprolab.tensor.Tensor;

/** The training objective: the Gaussian negative log-likelihood ½·log v + (y − μ)²/(2v), averaged over prompts and positions. */
final class GaussianNll {

    /** ½·log 2π: what the objective omits from the full Gaussian NLL that evaluation reports. */
    static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private GaussianNll() {
    }

    /** Mean over all entries of ½·log v + (y − μ)²/(2v); μ, v, y of equal shape. */
    static Tensor loss(UncertaintyTransformer.Prediction p, Tensor y) {
        Tensor residual = y.sub(p.mean());
        return p.variance().log().add(residual.square().div(p.variance())).mul(0.5).mean();
    }
}
