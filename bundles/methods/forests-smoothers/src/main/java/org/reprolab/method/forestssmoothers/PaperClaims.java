package org.reprolab.method.forestssmoothers;

import org.reprolab.theory.common.SeedSummary;
import static org.reprolab.api.ClaimCheck.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.reprolab.api.ClaimCheck;
import org.reprolab.method.forestssmoothers.GrowthCurves.Curve;

/**
 * The ten claims of the specification (methods/theory.md, forests-smoothers), each checked on seed means.
 * Thresholds are the specification's; where it quotes p̂ for n = 500 they are written as fractions of n
 * (100 = 0.2·n) so the same code reads a run with another n. A claim whose configuration the run's
 * parameters left out does not hold and says what is missing.
 */
final class PaperClaims {

    /** Claims 1, 2, 4: an interpolating smoother has p̂ = n "± 1". */
    static final double INTERPOLATION_TOLERANCE = 1;
    /** Claims 1, 2: forest p̂_test ≤ 100 = 0.2·n for mf ∈ {0.6, 0.2}. */
    static final double SMOOTH_FOREST_FRACTION = 0.2;
    /** Claim 3: p̂_train / p̂_test ≥ 3 for the interpolating bootstrap forests. */
    static final double SPIKED_SMOOTH_RATIO = 3;
    /** Claim 4: p̂_test(δ = 0.2) ≤ 0.7 · p̂_test(δ = 0.05). */
    static final double OFFSET_SMOOTHING_RATIO = 0.7;
    /** Claim 5: forest test MSE ≤ 0.7 · tree test MSE at σ = 1. */
    static final double FOREST_TREE_MSE_RATIO = 0.7;
    /** Claim 6: at σ = 0 forest mean MSE ≤ 0.5 · single-tree mean MSE. */
    static final double NOISELESS_MSE_RATIO = 0.5;
    /** Claim 7: RepBias(B) ≤ 0.6 · RepBias(1). */
    static final double REPRESENTATION_BIAS_RATIO = 0.6;
    /** Claim 8: ModVar(B) ≤ 0.1 · ModVar(1). */
    static final double MODEL_VARIABILITY_RATIO = 0.1;
    /** Claim 9: p̂_train(mf 0.2) ≤ 0.85 · p̂_train(mf 1.0). */
    static final double RANDOMNESS_TRAIN_RATIO = 0.85;

    private static final double[] ALL_MF = {1.0, 0.6, 0.2};
    private static final double[] RANDOM_MF = {0.6, 0.2};
    private static final double[] CLAIM_OFFSETS = {0.05, 0.1, 0.2};

    private final Measurements m;
    private final StudyPlan plan;
    private final int n;

    private PaperClaims(Measurements measurements) {
        this.m = measurements;
        this.plan = measurements.plan();
        this.n = plan.n();
    }

    static List<ClaimCheck> evaluate(Measurements measurements) {
        PaperClaims c = new PaperClaims(measurements);
        List<ClaimCheck> claims = new ArrayList<>();
        claims.add(c.check("C1", "Forests smooth more than their trees: with interpolating trees (max_leaf_nodes = n) and no "
                + "bootstrap a single tree uses p̂_test = n while forests with max_features 0.6 and 0.2 use at most 0.2·n, "
                + "and p̂_test falls strictly as max_features goes 1.0 → 0.6 → 0.2",
                "tree p̂_test = n ± 1; forest p̂_test ≤ " + format(SMOOTH_FOREST_FRACTION * c.n) + " for mf 0.6, 0.2; "
                        + "strictly decreasing over mf 1.0 → 0.6 → 0.2", c::forestsSmoothMoreThanTrees));
        claims.add(c.check("C2", "Spiked-smooth without bootstrap: the interpolating forest interpolates (p̂_train = n) yet "
                + "is smooth at new inputs (p̂_test ≤ 0.2·n) for max_features ≤ 0.6",
                "p̂_train = n ± 1 and p̂_test ≤ " + format(SMOOTH_FOREST_FRACTION * c.n) + " for mf 0.6, 0.2",
                c::spikedSmoothWithoutBootstrap));
        claims.add(c.check("C3", "Spiked-smooth with bootstrap: the interpolating bootstrap forest uses at least 3 times as "
                + "many effective parameters at training inputs as at test inputs, for every max_features",
                "p̂_train / p̂_test ≥ " + format(SPIKED_SMOOTH_RATIO) + " for mf 1.0, 0.6, 0.2", c::spikedSmoothWithBootstrap));
        claims.add(c.check("C4", "Test-time adaptivity: forests smooth more the further test inputs are shifted from the "
                + "training inputs, while the single interpolating tree stays at p̂ = n",
                "mf 0.6, 0.2: p̂_test strictly decreasing over δ 0.05 → 0.1 → 0.2 and p̂(0.2) ≤ "
                        + format(OFFSET_SMOOTHING_RATIO) + "·p̂(0.05); tree p̂ = n ± 1 at every δ", c::testTimeAdaptivity));
        claims.add(c.check("C5", "Forests beat trees: at σ = 1 the interpolating forest with max_features 0.6 has test MSE "
                + "at most 0.7 times that of its trees, with and without bootstrap",
                "forest MSE / tree MSE ≤ " + format(FOREST_TREE_MSE_RATIO) + " (bootstrap and no bootstrap)",
                c::forestsBeatTrees));
        claims.add(c.check("C6", "Not only noise variance: with no outcome noise (σ = 0) the forest with max_features 0.6 "
                + "still has at most half the mean test MSE of single trees",
                "mean MSE(b = B) / mean MSE(b = 1) ≤ " + format(NOISELESS_MSE_RATIO), c::notOnlyNoiseVariance));
        claims.add(c.check("C7", "Representation bias falls: the best forest reachable from one fixed training set "
                + "improves with the number of trees (RepBias), which the textbook bias cannot show",
                "RepBias(B) / RepBias(1) ≤ " + format(REPRESENTATION_BIAS_RATIO) + " for mf 0.6, 0.2",
                c::representationBiasFalls));
        claims.add(c.check("C8", "Model variability falls: the spread of forests grown on the same data with different "
                + "randomness shrinks with the number of trees (ModVar)",
                "ModVar(B) / ModVar(1) ≤ " + format(MODEL_VARIABILITY_RATIO) + " for mf 0.6, 0.2",
                c::modelVariabilityFalls));
        claims.add(c.check("C9", "Randomness regularises: for shallow bootstrap forests, more feature randomness means fewer "
                + "effective parameters at training inputs and fewer resampling degrees of freedom (Mentch & Zhou)",
                "p̂_train(mf 0.2) ≤ " + format(RANDOMNESS_TRAIN_RATIO) + "·p̂_train(mf 1.0) and df(mf 0.2) < df(mf 1.0)",
                c::randomnessRegularises));
        claims.add(c.check("C10", "Real data: on diabetes and breast_cancer the interpolating forest (max_features 0.33) "
                + "smooths more and predicts better than its trees",
                "forest p̂_test < tree p̂_test and forest MSE < tree MSE on both datasets", c::realData));
        return claims;
    }

    /** What one claim measured and whether all its conditions held. */
    private record Verdict(String measured, boolean held) {
    }

    private ClaimCheck check(String id, String statement, String expected, Supplier<Verdict> verdict) {
        try {
            Verdict v = verdict.get();
            return new ClaimCheck(id, statement, expected, v.measured(), v.held());
        } catch (Measurements.NotMeasured e) {
            return new ClaimCheck(id, statement, expected, "not measured: " + e.getMessage(), false);
        }
    }

    private Verdict forestsSmoothMoreThanTrees() {
        int deep = plan.deepLeaves();
        StringBuilder measured = new StringBuilder();
        boolean held = true;
        double treeWorst = 0;
        double[] forest = new double[ALL_MF.length];
        for (int k = 0; k < ALL_MF.length; k++) {
            List<GrowthCurves> seeds = m.grid(deep, ALL_MF[k], false);
            treeWorst = Math.max(treeWorst, Math.abs(Measurements.mean(seeds, Measurements.TEST, Curve::treeEffectiveParameters) - n));
            forest[k] = Measurements.mean(seeds, Measurements.TEST, Curve::forestEffectiveParameters);
        }
        held &= treeWorst <= INTERPOLATION_TOLERANCE;
        held &= forest[1] <= SMOOTH_FOREST_FRACTION * n && forest[2] <= SMOOTH_FOREST_FRACTION * n;
        held &= forest[0] > forest[1] && forest[1] > forest[2];
        measured.append("tree max |p̂_test − n| = ").append(format(treeWorst)).append("; forest p̂_test ")
                .append(byMf(ALL_MF, forest));
        return new Verdict(measured.toString(), held);
    }

    private Verdict spikedSmoothWithoutBootstrap() {
        boolean held = true;
        StringBuilder measured = new StringBuilder();
        for (double mf : RANDOM_MF) {
            List<GrowthCurves> seeds = m.grid(plan.deepLeaves(), mf, false);
            double train = Measurements.mean(seeds, Measurements.TRAIN, Curve::forestEffectiveParameters);
            double test = Measurements.mean(seeds, Measurements.TEST, Curve::forestEffectiveParameters);
            held &= Math.abs(train - n) <= INTERPOLATION_TOLERANCE && test <= SMOOTH_FOREST_FRACTION * n;
            measured.append(measured.isEmpty() ? "" : "; ").append("mf ").append(ForestConfig.number(mf))
                    .append(": p̂_train ").append(format(train)).append(", p̂_test ").append(format(test));
        }
        return new Verdict(measured.toString(), held);
    }

    private Verdict spikedSmoothWithBootstrap() {
        double[] ratio = new double[ALL_MF.length];
        boolean held = true;
        for (int k = 0; k < ALL_MF.length; k++) {
            List<GrowthCurves> seeds = m.grid(plan.deepLeaves(), ALL_MF[k], true);
            ratio[k] = Measurements.mean(seeds, Measurements.TRAIN, Curve::forestEffectiveParameters)
                    / Measurements.mean(seeds, Measurements.TEST, Curve::forestEffectiveParameters);
            held &= ratio[k] >= SPIKED_SMOOTH_RATIO;
        }
        return new Verdict("p̂_train / p̂_test " + byMf(ALL_MF, ratio), held);
    }

    private Verdict testTimeAdaptivity() {
        boolean held = true;
        StringBuilder measured = new StringBuilder();
        for (double mf : RANDOM_MF) {
            List<GrowthCurves> seeds = m.grid(plan.deepLeaves(), mf, false);
            double[] p = new double[CLAIM_OFFSETS.length];
            for (int k = 0; k < p.length; k++) {
                p[k] = Measurements.mean(seeds, offsetSet(CLAIM_OFFSETS[k]), Curve::forestEffectiveParameters);
            }
            held &= p[0] > p[1] && p[1] > p[2] && p[2] <= OFFSET_SMOOTHING_RATIO * p[0];
            measured.append("mf ").append(ForestConfig.number(mf)).append(": p̂_test at δ 0.05/0.1/0.2 = ")
                    .append(format(p[0])).append("/").append(format(p[1])).append("/").append(format(p[2]))
                    .append(" (ratio ").append(format(p[2] / p[0])).append("); ");
        }
        double treeWorst = 0;
        for (double mf : ALL_MF) {
            List<GrowthCurves> seeds = m.grid(plan.deepLeaves(), mf, false);
            for (double delta : plan.offsets()) {
                treeWorst = Math.max(treeWorst, Math.abs(Measurements.mean(seeds, offsetSet(delta), Curve::treeEffectiveParameters) - n));
            }
        }
        held &= treeWorst <= INTERPOLATION_TOLERANCE;
        measured.append("tree max |p̂ − n| over δ = ").append(format(treeWorst));
        return new Verdict(measured.toString(), held);
    }

    private Verdict forestsBeatTrees() {
        boolean held = true;
        StringBuilder measured = new StringBuilder("σ = " + format(plan.sigma()) + ": ");
        for (boolean bootstrap : new boolean[] {true, false}) {
            List<GrowthCurves> seeds = m.grid(plan.deepLeaves(), 0.6, bootstrap);
            double forest = Measurements.mean(seeds, Measurements.TEST, Curve::forestMse);
            double tree = Measurements.mean(seeds, Measurements.TEST, Curve::treeMse);
            held &= forest / tree <= FOREST_TREE_MSE_RATIO;
            measured.append(bootstrap ? "bootstrap " : "; no bootstrap ").append(format(forest)).append(" / ")
                    .append(format(tree)).append(" = ").append(format(forest / tree));
        }
        return new Verdict(measured.toString(), held);
    }

    private Verdict notOnlyNoiseVariance() {
        List<ErrorDecomposition> seeds = m.decomposition(0.6);
        double forest = SeedSummary.over(seeds, d -> d.meanMse()[d.trees() - 1]).mean();
        double tree = SeedSummary.over(seeds, d -> d.meanMse()[0]).mean();
        return new Verdict("mf 0.6, σ = 0: " + format(forest) + " / " + format(tree) + " = " + format(forest / tree),
                forest / tree <= NOISELESS_MSE_RATIO);
    }

    private Verdict representationBiasFalls() {
        return decompositionRatio(ErrorDecomposition::representationBias, REPRESENTATION_BIAS_RATIO, "RepBias");
    }

    private Verdict modelVariabilityFalls() {
        return decompositionRatio(ErrorDecomposition::modelVariability, MODEL_VARIABILITY_RATIO, "ModVar");
    }

    private Verdict decompositionRatio(java.util.function.Function<ErrorDecomposition, double[]> curve, double bound,
                                       String name) {
        boolean held = true;
        StringBuilder measured = new StringBuilder();
        for (double mf : RANDOM_MF) {
            List<ErrorDecomposition> seeds = m.decomposition(mf);
            double last = SeedSummary.over(seeds, d -> curve.apply(d)[d.trees() - 1]).mean();
            double first = SeedSummary.over(seeds, d -> curve.apply(d)[0]).mean();
            held &= last / first <= bound;
            measured.append(measured.isEmpty() ? "" : "; ").append("mf ").append(ForestConfig.number(mf)).append(": ")
                    .append(name).append(" ").append(format(last)).append(" / ").append(format(first)).append(" = ")
                    .append(format(last / first));
        }
        return new Verdict(measured.toString(), held);
    }

    private Verdict randomnessRegularises() {
        double trainRandom = Measurements.mean(m.grid(plan.shallowLeaves(), 0.2, true), Measurements.TRAIN, Curve::forestEffectiveParameters);
        double trainGreedy = Measurements.mean(m.grid(plan.shallowLeaves(), 1.0, true), Measurements.TRAIN, Curve::forestEffectiveParameters);
        double dfRandom = average(m.degreesOfFreedom(0.2));
        double dfGreedy = average(m.degreesOfFreedom(1.0));
        boolean held = trainRandom <= RANDOMNESS_TRAIN_RATIO * trainGreedy && dfRandom < dfGreedy;
        return new Verdict(plan.shallowLeaves() + " leaves: p̂_train mf 0.2 / 1.0 = " + format(trainRandom) + " / "
                + format(trainGreedy) + " = " + format(trainRandom / trainGreedy) + "; df mf 0.2 / 1.0 = "
                + format(dfRandom) + " / " + format(dfGreedy), held);
    }

    private Verdict realData() {
        boolean held = true;
        StringBuilder measured = new StringBuilder();
        for (Map.Entry<String, List<GrowthCurves>> e : m.realData().entrySet()) {
            Measurements.RealDataSummary r = Measurements.RealDataSummary.of(e.getValue());
            held &= r.forestP() < r.treeP() && r.forestMse() < r.treeMse();
            measured.append(measured.isEmpty() ? "" : "; ").append(e.getKey()).append(": p̂_test forest/tree ")
                    .append(format(r.forestP())).append("/").append(format(r.treeP())).append(", MSE forest/tree ")
                    .append(format(r.forestMse())).append("/").append(format(r.treeMse()));
        }
        if (m.realData().isEmpty()) {
            throw new Measurements.NotMeasured("no real-data splits");
        }
        return new Verdict(measured.toString(), held);
    }

    private String offsetSet(double delta) {
        for (double planned : plan.offsets()) {
            if (ForestConfig.sameFraction(planned, delta)) {
                return Measurements.offsetSet(planned);
            }
        }
        throw new Measurements.NotMeasured("no test inputs shifted by δ = " + ForestConfig.number(delta));
    }

    private static double average(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static String byMf(double[] mfs, double[] values) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < mfs.length; k++) {
            s.append(k == 0 ? "" : ", ").append("mf ").append(ForestConfig.number(mfs[k])).append(": ").append(format(values[k]));
        }
        return s.toString();
    }
}
