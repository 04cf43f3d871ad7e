package org.reprolab.method.icluq;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.reprolab.api.RunContext;
import org.reprolab.data.synthetic.LinearRegressionPrompts;
import org.reprolab.data.synthetic.LinearRegressionPrompts.Prompts;

/**
 * The evaluation sets of the spec — in distribution, noise shift (σ_test), covariate shift (x ~ N(0, 4I)) and
 * length shift (T_test) — each scored, position by position, for the three transformers and the three Bayes
 * references.
 */
final class Evaluations {

    static final String NOPE = "nope";
    static final String PE = "pe";
    static final String META = "nope-meta";
    static final String BAYES = "bayes";
    static final String VAGUE = "vague";
    static final String ORACLE = "oracle";

    static final String IN_DISTRIBUTION = "in-distribution";
    static final String COVARIATE_SHIFT = "covariate-shift";
    static final String LENGTH_SHIFT = "length-shift";

    /** What figures and tables call each predictor, in drawing order. */
    static final Map<String, String> LABELS = labels();

    private final Map<String, Function<Prompts, GaussianPredictions>> predictors = new LinkedHashMap<>();

    private Evaluations(StudyPlan plan, List<InContextTraining.Trained> models) {
        for (InContextTraining.Trained m : models) {
            predictors.put(m.variant().name(), prompts -> ModelPredictor.predict(m.model(), prompts));
        }
        NoiseMixtureBayes bayes = NoiseMixtureBayes.trainingPrior(plan.sigmas());
        NoiseMixtureBayes vague = NoiseMixtureBayes.vague(StudyPlan.VAGUE_PRIOR_VARIANCE, StudyPlan.VAGUE_SIGMA_MIN,
                StudyPlan.VAGUE_SIGMA_MAX, StudyPlan.VAGUE_LEVELS);
        predictors.put(BAYES, bayes::predict);
        predictors.put(VAGUE, vague::predict);
        predictors.put(ORACLE, NoiseMixtureBayes::oraclePredict);
    }

    static String noiseShift(double sigma) {
        return "noise-" + sigma;
    }

    /** The evaluation sets by name, each drawn from its own random stream. */
    static Map<String, LinearRegressionPrompts> sets(StudyPlan plan) {
        LinearRegressionPrompts task = plan.task();
        Map<String, LinearRegressionPrompts> sets = new LinkedHashMap<>();
        sets.put(IN_DISTRIBUTION, task);
        for (double sigma : plan.noiseShiftSigmas()) {
            sets.put(noiseShift(sigma), task.withNoiseLevels(sigma));
        }
        sets.put(COVARIATE_SHIFT, task.withInputScale(plan.covariateScale(), plan.covariateScale()));
        sets.put(LENGTH_SHIFT, task.withPairs(plan.lengthShiftPairs()));
        return sets;
    }

    /**
     * Scores every predictor on every set; also splits each set by the prompts' true σ (for the σ̂-vs-σ figure)
     * and returns the smallest variance any transformer predicted.
     */
    static Scores score(StudyPlan plan, List<InContextTraining.Trained> models, RunContext ctx, Runnable setDone) {
        Evaluations e = new Evaluations(plan, models);
        Map<String, Map<String, PositionMetrics>> bySet = new LinkedHashMap<>();
        Map<Double, Map<String, PositionMetrics>> bySigma = new TreeMap<>();
        double minVariance = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, LinearRegressionPrompts> set : sets(plan).entrySet()) {
            ctx.checkCancelled();
            Prompts prompts = set.getValue().sample(plan.evalPrompts(), ctx.random("eval/" + set.getKey()));
            boolean sigmaGroups = set.getKey().equals(IN_DISTRIBUTION) || set.getKey().startsWith("noise-");
            Map<String, PositionMetrics> scores = new LinkedHashMap<>();
            for (Map.Entry<String, Function<Prompts, GaussianPredictions>> p : e.predictors.entrySet()) {
                GaussianPredictions predictions = p.getValue().apply(prompts);
                scores.put(p.getKey(), PositionMetrics.of(predictions, prompts.y()));
                if (!isReference(p.getKey())) {
                    for (double v : predictions.variance()) {
                        minVariance = Math.min(minVariance, v);
                    }
                }
                if (sigmaGroups) {
                    for (double sigma : distinct(prompts.sigma())) {
                        bySigma.computeIfAbsent(sigma, s -> new LinkedHashMap<>()).put(p.getKey(),
                                PositionMetrics.of(predictions, prompts.y(), b -> prompts.sigma()[b] == sigma));
                    }
                }
            }
            bySet.put(set.getKey(), scores);
            setDone.run();
        }
        return new Scores(bySet, bySigma, minVariance);
    }

    /** The per-position scores of every predictor on every set, and by true σ. */
    record Scores(Map<String, Map<String, PositionMetrics>> bySet, Map<Double, Map<String, PositionMetrics>> bySigma,
                  double minModelVariance) {
    }

    static boolean isReference(String predictor) {
        return predictor.equals(BAYES) || predictor.equals(VAGUE) || predictor.equals(ORACLE);
    }

    private static double[] distinct(double[] values) {
        return Arrays.stream(values).distinct().sorted().toArray();
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(NOPE, "NoPE");
        m.put(PE, "PE");
        m.put(META, "NoPE-meta");
        m.put(BAYES, "Bayes (training prior)");
        m.put(VAGUE, "vague-prior Bayes");
        m.put(ORACLE, "σ-oracle Bayes");
        return Collections.unmodifiableMap(m);
    }
}
