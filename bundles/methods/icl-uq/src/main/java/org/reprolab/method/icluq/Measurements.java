package org.reprolab.method.icluq;

import java.util.List;
import java.util.Map;

/**
 * Everything the claims and figures read.
 *
 * @param plan          the run's settings
 * @param scores        per-position scores of every predictor on every evaluation set, and by true σ
 * @param trainingLoss  per-step training loss of each transformer, by variant name
 * @param checks        the smoke profile's invariants
 */
record Measurements(StudyPlan plan, Evaluations.Scores scores, Map<String, double[]> trainingLoss, Checks checks) {

    /**
     * The invariants (spec "Smoke profile").
     *
     * @param causalLeak              largest output change at positions ≤ p when tokens after p change, over the models
     * @param minModelVariance        smallest v any transformer predicted on any evaluation set
     * @param firstLoss               training loss at step 0, by variant
     * @param lastLoss                mean training loss over the last tenth of the steps, by variant
     * @param singleSigmaAgreement    largest relative gap between the one-σ mixture and the function-space conjugate predictive
     * @param bayesOverOls            Bayes MSE / OLS MSE after T pairs, at each noise level of {@link #OLS_SIGMAS}
     */
    record Checks(double causalLeak, double minModelVariance, Map<String, Double> firstLoss,
                  Map<String, Double> lastLoss, double singleSigmaAgreement, double[] bayesOverOls) {
    }

    /** Noise levels of the OLS-limit check, falling towards 0. */
    static final List<Double> OLS_SIGMAS = List.of(0.1, 0.01, 0.001);

    Map<String, PositionMetrics> set(String name) {
        Map<String, PositionMetrics> s = scores.bySet().get(name);
        if (s == null) {
            throw new IllegalStateException("no evaluation set " + name + " in " + scores.bySet().keySet());
        }
        return s;
    }

    PositionMetrics of(String set, String predictor) {
        return set(set).get(predictor);
    }
}
