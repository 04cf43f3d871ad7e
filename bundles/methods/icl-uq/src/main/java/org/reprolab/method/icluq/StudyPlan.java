package org.reprolab.method.icluq;

import java.util.List;
import org.reprolab.data.synthetic.LinearRegressionPrompts;

/**
 * The run's settings, resolved from its parameters.
 *
 * @param dim                d of the regression task
 * @param pairs              T, context pairs per training prompt
 * @param trainingSigmas     the noise levels σ of the training prior (drawn uniformly per prompt)
 * @param metaScaleMin       smallest input scale s of NoPE-meta's training prompts
 * @param metaScaleMax       largest input scale s of NoPE-meta's training prompts
 * @param dModel             transformer width
 * @param layers             transformer blocks
 * @param heads              attention heads
 * @param ffn                MLP width
 * @param training           optimiser settings shared by the three models
 * @param evalPrompts        prompts per evaluation set
 * @param lengthShiftPairs   T_test of the length-shift set
 * @param noiseShiftSigmas   σ_test values of the noise-shift sets
 * @param covariateScale     input scale of the covariate-shift set (x ~ N(0, scale²·I))
 */
record StudyPlan(int dim, int pairs, List<Double> trainingSigmas, double metaScaleMin, double metaScaleMax, int dModel,
                 int layers, int heads, int ffn, TrainingSettings training, int evalPrompts, int lengthShiftPairs,
                 List<Double> noiseShiftSigmas, double covariateScale) {

    /** Vague-prior Bayes (spec): β ~ N(0, 100·I), σ log-uniform on 25 values in [0.05, 5]. */
    static final double VAGUE_PRIOR_VARIANCE = 100;
    static final double VAGUE_SIGMA_MIN = 0.05;
    static final double VAGUE_SIGMA_MAX = 5;
    static final int VAGUE_LEVELS = 25;

    /** The training task: x ~ N(0, I_d), β ~ N(0, I_d), σ uniform on the training levels, T pairs. */
    LinearRegressionPrompts task() {
        return new LinearRegressionPrompts(dim, pairs, sigmas(), 1, 1, 1);
    }

    double[] sigmas() {
        return trainingSigmas.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** NoPE, PE (positions for the longest evaluated prompt, so none is clamped) and NoPE-meta. */
    List<ModelVariant> variants() {
        LinearRegressionPrompts task = task();
        return List.of(
                new ModelVariant(Evaluations.NOPE, "NoPE", 0, task),
                new ModelVariant(Evaluations.PE, "PE", 2 * Math.max(pairs, lengthShiftPairs), task),
                new ModelVariant(Evaluations.META, "NoPE-meta", 0, task.withInputScale(metaScaleMin, metaScaleMax)));
    }

    UncertaintyTransformer.Config architecture(int positions) {
        return new UncertaintyTransformer.Config(dim, dModel, layers, heads, ffn, positions);
    }
}
