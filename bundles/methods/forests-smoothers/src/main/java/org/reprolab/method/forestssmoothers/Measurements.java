package org.reprolab.method.forestssmoothers;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.reprolab.method.forestssmoothers.GrowthCurves.Curve;
import org.reprolab.theory.common.SeedSummary;

/**
 * Everything one run measured, per seed, before any averaging: the claims and plots are computed from it.
 *
 * @param grid             smoothing grid (σ = plan.sigma): per configuration, one {@link GrowthCurves} per data seed
 * @param noiseLevels      forests with mf = plan.noiseMaxFeatures at each σ, with and without bootstrap
 * @param decomposition    per max_features, one decomposition per data seed
 * @param degreesOfFreedom per max_features, the resampling df per data seed
 * @param realData         per dataset, one {@link GrowthCurves} per random split
 * @param sanity           identities checked on single trees (interpolation, constant predictor)
 */
record Measurements(StudyPlan plan, Map<ForestConfig, List<GrowthCurves>> grid,
                    Map<NoiseConfig, List<GrowthCurves>> noiseLevels,
                    Map<Double, List<ErrorDecomposition>> decomposition,
                    Map<Double, double[]> degreesOfFreedom,
                    Map<String, List<GrowthCurves>> realData,
                    SanityChecks sanity) {

    static final String TRAIN = "train";
    static final String TEST = "test";

    /** A forest at noise level σ with or without bootstrap. */
    record NoiseConfig(double sigma, boolean bootstrap) {
    }

    /**
     * @param unrestrictedTreeTrainMse training MSE of a tree grown without bootstrap to n leaves
     * @param constantPredictorEffectiveParameters p̂ of a one-leaf tree (the training mean)
     */
    record SanityChecks(double unrestrictedTreeTrainMse, double constantPredictorEffectiveParameters) {
    }

    /** A forest and its trees on one real table, averaged over the random splits (test inputs). */
    record RealDataSummary(double forestP, double treeP, double forestMse, double treeMse) {

        static RealDataSummary of(List<GrowthCurves> splits) {
            return new RealDataSummary(mean(splits, TEST, Curve::forestEffectiveParameters),
                    mean(splits, TEST, Curve::treeEffectiveParameters), mean(splits, TEST, Curve::forestMse),
                    mean(splits, TEST, Curve::treeMse));
        }
    }

    /** The seed mean of one value of the final (b = B) curve point on an evaluation set. */
    static double mean(List<GrowthCurves> seeds, String set, ToDoubleFunction<Curve> value) {
        return SeedSummary.over(seeds, g -> value.applyAsDouble(g.curve(set))).mean();
    }

    /** The name of the evaluation set of inputs shifted by U(−δ, δ)^5. */
    static String offsetSet(double delta) {
        return "offset-" + ForestConfig.number(delta);
    }

    /** The per-seed curves of a grid cell, or {@link NotMeasured} if the run did not include it. */
    List<GrowthCurves> grid(int leaves, double maxFeatures, boolean bootstrap) {
        for (Map.Entry<ForestConfig, List<GrowthCurves>> e : grid.entrySet()) {
            ForestConfig c = e.getKey();
            if (c.leaves() == leaves && c.hasMaxFeatures(maxFeatures) && c.bootstrap() == bootstrap) {
                return e.getValue();
            }
        }
        throw new NotMeasured("no forest with " + new ForestConfig(leaves, maxFeatures, bootstrap).label());
    }

    List<ErrorDecomposition> decomposition(double maxFeatures) {
        return byFraction(decomposition, maxFeatures, "no error decomposition for mf " + ForestConfig.number(maxFeatures));
    }

    double[] degreesOfFreedom(double maxFeatures) {
        return byFraction(degreesOfFreedom, maxFeatures, "no resampling df for mf " + ForestConfig.number(maxFeatures));
    }

    private static <T> T byFraction(Map<Double, T> map, double fraction, String missing) {
        for (Map.Entry<Double, T> e : map.entrySet()) {
            if (ForestConfig.sameFraction(e.getKey(), fraction)) {
                return e.getValue();
            }
        }
        throw new NotMeasured(missing);
    }

    /** A claim needs a configuration this run's parameters left out. */
    static final class NotMeasured extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotMeasured(String message) {
            super(message);
        }
    }
}
