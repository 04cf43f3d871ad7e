package org.reprolab.method.forestssmoothers;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Experiment;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.Paper;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;

/**
 * Curth, Jeffares &amp; van der Schaar (2024), "Why do Random Forests Work? Understanding Tree Ensembles as
 * Self-Regularizing Adaptive Smoothers": trees and forests are smoothers, f̂(x) = ŝ(x)·y, and their
 * effective number of parameters p̂ shows that forests smooth more than their trees, much more at new
 * inputs than at training inputs ("spiked-smooth"), and more the further test inputs lie from the
 * training inputs; and that forests beat trees not by variance reduction alone but also by lower
 * model variability and a richer hypothesis class (lower representation bias).
 *
 * <p>The run follows the paper's experiments on the MARS-additive data (x ~ U[0,1]^5, n = 500) and the
 * appendix's real-data check, then checks the specification's ten claims on seed means.
 */
@Component(service = Experiment.class)
public final class ForestsSmoothersExperiment implements Experiment {

    static final ParamSpec<Integer> TREES = ParamSpec.ofInt("trees", 5, 50,
            "trees per forest B; every curve is tracked for b = 1…B").range(1, 1000);
    static final ParamSpec<Integer> SAMPLES = ParamSpec.ofInt("n", 60, 500,
            "training inputs (and as many test inputs) of the MARS-additive data; p̂ is measured with this n").range(10, 5000);
    static final ParamSpec<Integer> DATA_SEEDS = ParamSpec.ofInt("dataSeeds", 2, 5,
            "independent MARS datasets of the smoothing grid and the noise study (the paper used 10)").range(1, 100);
    static final ParamSpec<Double> SIGMA = ParamSpec.ofDouble("sigma", 1.0, 1.0,
            "outcome noise σ of the smoothing grid and the df study").range(0, 10);
    static final ParamSpec<List<Integer>> LEAVES = ParamSpec.ofIntList("leaves", List.of(30), List.of(500, 50),
            "max_leaf_nodes budgets: the largest is the interpolating forest (= n), the smallest the shallow one").range(1, 100_000);
    static final ParamSpec<List<Double>> MAX_FEATURES = ParamSpec.ofDoubleList("maxFeatures", List.of(1.0, 0.6, 0.2),
            List.of(1.0, 0.6, 0.2), "fractions of the features drawn at every split").range(0.01, 1);
    static final ParamSpec<List<Double>> OFFSETS = ParamSpec.ofDoubleList("offsets", List.of(0.0, 0.05, 0.1, 0.2),
            List.of(0.0, 0.05, 0.1, 0.2, 0.3), "δ of the shifted test inputs x_train + U(−δ, δ)^5").range(0, 10);
    static final ParamSpec<List<Double>> NOISE_LEVELS = ParamSpec.ofDoubleList("noise.levels", List.of(0.0, 1.0),
            List.of(0.0, 1.0, 2.0), "noise levels σ at which forests and trees are compared").range(0, 10);
    static final ParamSpec<Double> NOISE_MAX_FEATURES = ParamSpec.ofDouble("noise.maxFeatures", 1.0 / 3, 1.0 / 3,
            "max_features of the noise-level study").range(0.01, 1);
    static final ParamSpec<Integer> DECOMPOSITION_FORESTS = ParamSpec.ofInt("decomposition.forests", 3, 10,
            "R forests per fixed training set in the RepBias/ModVar decomposition").range(2, 100);
    static final ParamSpec<Integer> DECOMPOSITION_SEEDS = ParamSpec.ofInt("decomposition.dataSeeds", 1, 2,
            "fixed training sets (data seeds) of the decomposition").range(1, 100);
    static final ParamSpec<Double> DECOMPOSITION_OFFSET = ParamSpec.ofDouble("decomposition.offset", 0.1, 0.1,
            "δ of the shifted test inputs the decomposition is scored on (σ = 0)").range(0, 10);
    static final ParamSpec<Boolean> DECOMPOSITION_BOOTSTRAP = ParamSpec.ofBoolean("decomposition.bootstrap", false, false,
            "whether the decomposition's forests use bootstrap (off: their only randomness is feature subsampling)");
    static final ParamSpec<Integer> DF_REDRAWS = ParamSpec.ofInt("df.redraws", 5, 50,
            "outcome redraws of the resampling degrees of freedom").range(2, 1000);
    static final ParamSpec<Integer> DF_SEEDS = ParamSpec.ofInt("df.dataSeeds", 1, 3,
            "fixed input sets (data seeds) of the degrees-of-freedom study").range(1, 100);
    static final ParamSpec<Integer> REAL_SPLITS = ParamSpec.ofInt("real.splits", 1, 5,
            "random 50/50 splits of diabetes and breast_cancer").range(1, 100);
    static final ParamSpec<Double> REAL_MAX_FEATURES = ParamSpec.ofDouble("real.maxFeatures", 0.33, 0.33,
            "max_features of the real-data forests").range(0.01, 1);

    private static final Paper PAPER = new Paper(
            "Why do Random Forests Work? Understanding Tree Ensembles as Self-Regularizing Adaptive Smoothers",
            "Alicia Curth, Alan Jeffares, Mihaela van der Schaar", 2024, "https://arxiv.org/abs/2402.01502");

    private static final ExperimentInfo INFO = new ExperimentInfo("forests-smoothers",
            "Random forests as self-regularising adaptive smoothers", PAPER, "theory",
            List.of("random-forest", "cart", "smoother", "effective-parameters", "tabular"),
            "Own best-first CART and random forest; smoother matrices and effective parameters p̂ at training, "
                    + "test and shifted inputs; Mentch–Zhou df; RepBias/ModVar decomposition; diabetes and breast_cancer.");

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(TREES, SAMPLES, DATA_SEEDS, SIGMA, LEAVES, MAX_FEATURES, OFFSETS, NOISE_LEVELS, NOISE_MAX_FEATURES,
                DECOMPOSITION_FORESTS, DECOMPOSITION_SEEDS, DECOMPOSITION_OFFSET, DECOMPOSITION_BOOTSTRAP, DF_REDRAWS,
                DF_SEEDS, REAL_SPLITS, REAL_MAX_FEATURES);
    }

    @Override
    public List<PlotSpec> plots() {
        return Figures.PLOTS;
    }

    @Override
    public Result run(RunContext ctx) {
        StudyPlan plan = plan(ctx);
        TreeProgress progress = new TreeProgress(ctx, plan.totalTrees());
        SmoothingStudies studies = new SmoothingStudies(ctx, plan, progress);
        List<MarsAdditive.Sample> data = studies.marsData();

        // Forests vs their trees as smoothers, at training, fresh and shifted test inputs (spiked-smooth,
        // randomness as regularisation, test-time adaptivity): leaf budget × max_features × bootstrap.
        var grid = studies.smoothingGrid(data);
        // Forests vs trees as outcome noise grows from σ = 0.
        var noise = studies.noiseLevels(data);
        // Beyond bias and variance: mean MSE, RepBias and ModVar on one fixed noiseless training set.
        var decomposition = studies.errorDecomposition(data);
        // Mentch & Zhou's resampling degrees of freedom beside p̂_train.
        var degreesOfFreedom = studies.degreesOfFreedom(data);
        // The appendix's check on real tables.
        var realData = studies.realData();
        var sanity = studies.sanityChecks(data.get(0));

        Measurements measurements = new Measurements(plan, grid, noise, decomposition, degreesOfFreedom, realData, sanity);
        Result.Builder result = Result.builder();
        Figures.addTo(result, ctx, measurements);
        List<ClaimCheck> claims = PaperClaims.evaluate(measurements);
        claims.forEach(result::claim);
        invariantMetrics(result, measurements);
        progress.stage("done");
        ctx.log().info("forests-smoothers: {} of {} claims held", claims.stream().filter(ClaimCheck::held).count(), claims.size());
        return result.build();
    }

    private static StudyPlan plan(RunContext ctx) {
        return new StudyPlan(ctx.param(TREES), ctx.param(SAMPLES), ctx.param(DATA_SEEDS), ctx.param(SIGMA), ctx.param(LEAVES),
                ctx.param(MAX_FEATURES), ctx.param(OFFSETS), ctx.param(NOISE_LEVELS), ctx.param(NOISE_MAX_FEATURES),
                ctx.param(DECOMPOSITION_FORESTS), ctx.param(DECOMPOSITION_SEEDS), ctx.param(DECOMPOSITION_OFFSET),
                ctx.param(DECOMPOSITION_BOOTSTRAP), ctx.param(DF_REDRAWS), ctx.param(DF_SEEDS), ctx.param(REAL_SPLITS),
                ctx.param(REAL_MAX_FEATURES));
    }

    /** The smoother identities, worst case over every forest tracked in the run (spec "Smoke profile"). */
    private static void invariantMetrics(Result.Builder result, Measurements m) {
        InvariantChecks checks = InvariantChecks.NONE;
        for (var seeds : List.of(m.grid().values(), m.noiseLevels().values(), m.realData().values())) {
            for (List<GrowthCurves> curves : seeds) {
                for (GrowthCurves g : curves) {
                    checks = checks.worstOf(g.checks());
                }
            }
        }
        result.metric("check/smoother_row_sum_max_error", checks.maxRowSumError());
        result.metric("check/smoother_min_weight", checks.minSmootherWeight());
        result.metric("check/smoother_reproduces_forest_max_error", checks.maxReproductionError());
        result.metric("check/forest_minus_mean_tree_p_test_max", checks.maxJensenGap());
        result.metric("check/bootstrap_weight_sum_max_error", checks.maxBootstrapSumError());
        result.metric("check/unrestricted_tree_train_mse", m.sanity().unrestrictedTreeTrainMse());
        result.metric("check/constant_predictor_p_hat", m.sanity().constantPredictorEffectiveParameters());
    }
}
