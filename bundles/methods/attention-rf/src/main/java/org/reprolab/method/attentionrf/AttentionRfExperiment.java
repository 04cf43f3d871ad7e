package org.reprolab.method.attentionrf;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.reprolab.api.Experiment;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.Paper;
import org.reprolab.api.ParamException;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.ParamValues;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.api.Table;
import org.reprolab.theory.common.Parallel;

/**
 * Fu, Guo, Bai and Mei, "What can a Single Attention Layer Learn? A Study Through the Random Features Lens"
 * (NeurIPS 2023): a multi-head attention layer with frozen random query-key matrices and trained value vectors
 * is ridge regression on permutation-invariant head features. On targets (1/N)Σᵢ F(x₀, xᵢ) it needs fewer
 * samples than a random-feature MLP of the same size, independently of N, and query-key matrices biased
 * towards the identity learn functions of x₀ᵀxᵢ faster, at a price on other targets.
 */
@Component(service = Experiment.class)
public final class AttentionRfExperiment implements Experiment {

    static final ParamSpec<Integer> DIM = ParamSpec.ofInt("dim", 4, 8, "token dimension d (tokens uniform on S^{d−1})").range(2, 256);
    static final ParamSpec<List<Integer>> KEYS = ParamSpec.ofIntList("keys", List.of(3), List.of(4, 16), "numbers of keys N, increasing").range(1, 1024);
    static final ParamSpec<Integer> HEADS = ParamSpec.ofInt("heads", 20, 200, "attention heads M (M·(d+1) trainable weights, also the RFMLP's width)").range(1, 10_000);
    static final ParamSpec<List<Integer>> SAMPLES = ParamSpec.ofIntList("samples", List.of(100, 200), List.of(250, 500, 1000, 2000, 4000),
            "training sizes n, increasing (nested training sets)").range(2, 1_000_000);
    static final ParamSpec<Integer> VALIDATION = ParamSpec.ofInt("validation", 1000, 2000, "validation samples (choose the ridge)").range(10, 1_000_000);
    static final ParamSpec<Integer> TEST = ParamSpec.ofInt("test", 4000, 2000, "test samples (report the error)").range(10, 1_000_000);
    static final ParamSpec<Integer> SEEDS = ParamSpec.ofInt("seeds", 1, 2, "independent draws of data, β and random weights (claims use the mean)").range(1, 100);
    static final ParamSpec<Integer> RIDGES = ParamSpec.ofInt("ridges", 10, 10, "log-spaced relative ridges λ (penalty λ·n)").range(1, 100);
    static final ParamSpec<List<Double>> RIDGE_RANGE = ParamSpec.ofDoubleList("ridgeRange", List.of(1e-6, 10.0), List.of(1e-6, 10.0),
            "smallest and largest relative ridge λ").range(1e-14, 1e8);
    static final ParamSpec<Integer> CALIBRATION = ParamSpec.ofInt("calibrationSamples", 20_000, 100_000,
            "fresh samples estimating each target's mean and variance").range(100, 10_000_000);
    static final ParamSpec<String> SOLVER = ParamSpec.ofChoice("solver", "cholesky", "cholesky", List.of("cholesky", "eigen"),
            "ridge solver: one Cholesky per ridge, or one eigendecomposition per ridge grid");

    private static final List<ParamSpec<?>> PARAMS = List.of(DIM, KEYS, HEADS, SAMPLES, VALIDATION, TEST, SEEDS, RIDGES,
            RIDGE_RANGE, CALIBRATION, SOLVER);

    private static final ExperimentInfo INFO = new ExperimentInfo("attention-rf",
            "A single random-feature attention layer: sample complexity, key-count independence and biased query-key sampling",
            new Paper("What can a Single Attention Layer Learn? A Study Through the Random Features Lens",
                    "Hengyu Fu, Tianyu Guo, Yu Bai, Song Mei", 2023, "https://arxiv.org/abs/2307.11353"),
            "theory", List.of("attention", "random features", "ridge regression", "sample complexity"),
            "Random-feature attention (zero-mean and biased query-key matrices) against a random-feature MLP of the same "
                    + "size, fitted by ridge regression on permutation-invariant targets of a query and N keys on the sphere.");

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public List<ParamSpec<?>> params() {
        return PARAMS;
    }

    @Override
    public List<PlotSpec> plots() {
        return Figures.PLOTS;
    }

    @Override
    public void validate(ParamValues values) {
        increasing(KEYS, values.param(KEYS));
        increasing(SAMPLES, values.param(SAMPLES));
        ridgeGrid(values.param(RIDGES), values.param(RIDGE_RANGE));
    }

    @Override
    public Result run(RunContext ctx) {
        int dim = ctx.param(DIM);
        int heads = ctx.param(HEADS);
        int seeds = ctx.param(SEEDS);
        int[] keys = increasing(KEYS, ctx.param(KEYS));
        int[] samples = increasing(SAMPLES, ctx.param(SAMPLES));
        double[] ridges = ridgeGrid(ctx.param(RIDGES), ctx.param(RIDGE_RANGE));
        StandardisedRidge.Solver solver = StandardisedRidge.Solver.valueOf(ctx.param(SOLVER).toUpperCase(Locale.ROOT));
        int pool = samples[samples.length - 1];
        Result.Builder out = Result.builder();

        // One draw of data and targets per (N, seed), shared by the three models so that they are compared on the same samples.
        List<Dataset> datasets = new ArrayList<>();
        for (int keyCount : keys) {
            for (int s = 0; s < seeds; s++) {
                datasets.add(Dataset.draw(dim, keyCount, pool, ctx.param(VALIDATION), ctx.param(TEST), ctx.param(CALIBRATION),
                        ctx.random("data/N" + keyCount + "/seed" + s), ctx.random("targets/N" + keyCount + "/seed" + s)));
            }
        }

        Model[] models = Model.values();
        ProgressCounter progress = new ProgressCounter(ctx, (long) datasets.size() * models.length * samples.length);
        long start = System.nanoTime();
        List<LearningCurve> all = Parallel.map(datasets.size() * models.length, task -> {
            Dataset data = datasets.get(task / models.length);
            int seed = task / models.length % seeds;
            Model model = models[task % models.length];
            String tag = model.label() + " N = " + data.keys() + " seed " + seed;
            FeatureMap map = model.draw(heads, dim, data.keys(), ctx.random("model/" + model.label() + "/N" + data.keys() + "/seed" + seed));
            return LearningCurve.measure(model, map, data, seed, samples, ridges, solver, progress::checkCancelled,
                    () -> progress.tick(tag));
        });
        ctx.log().info("learning curves: {} s", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        Curves curves = new Curves(all, keys, samples);

        new PaperClaims(curves).check(out);
        Figures.emit(curves, out);

        PreActivations.Findings scores = PreActivations.measure(heads, dim,
                TokenSequences.draw(200, keys[0], dim, ctx.random("preactivations/data")), ctx.random("preactivations/weights"));
        scores.series().forEach(out::series);
        out.metric("preactivation.alignedMean.RFA", scores.rfaAlignedMean());
        out.metric("preactivation.alignedMean.BRFA", scores.brfaAlignedMean());

        recordChecks(ctx, dim, keys[0], datasets, out);
        out.table(new Table("scale", List.of("quantity", "value"), List.of(
                List.of("trainable parameters per model", Integer.toString(heads * (dim + 1))),
                List.of("ridge solver", solver.name().toLowerCase(Locale.ROOT) + (solver == StandardisedRidge.Solver.CHOLESKY
                        ? " (EJML's 1800×1800 symmetric eigendecomposition took ≈ 6.3 s vs ≈ 0.4 s per Cholesky on the reference machine)" : "")),
                List.of("primal systems (p ≤ n)", "n ≥ " + heads * (dim + 1)))));
        return out.build();
    }

    /** The smoke profile's invariants, recorded on every run. */
    private static void recordChecks(RunContext ctx, int dim, int keys, List<Dataset> datasets, Result.Builder out) {
        InvariantChecks.Findings checks = InvariantChecks.measure(dim, keys, ctx.random("checks"));
        out.metric("check.permutationInvariance", checks.permutationGap());
        out.metric("check.equalKeysReduction", checks.equalKeysGap());
        out.metric("check.ridgeVsLeastSquares", checks.olsGap());
        out.metric("check.choleskyVsEigen", checks.solverGap());
        double zeroPredictor = 0;
        for (Dataset data : datasets) {
            double[][] test = data.testTargets();
            double[][] zero = new double[test.length][Targets.COUNT];
            for (int t = 0; t < Targets.COUNT; t++) {
                zeroPredictor = Math.max(zeroPredictor, Math.abs(Dataset.mse(zero, test, t) - 1));
            }
        }
        out.metric("check.zeroPredictorGap", zeroPredictor);
    }

    private static int[] increasing(ParamSpec<List<Integer>> spec, List<Integer> values) {
        for (int k = 1; k < values.size(); k++) {
            if (values.get(k) <= values.get(k - 1)) {
                throw new ParamException("parameter '" + spec.name() + "' must be strictly increasing, got " + values);
            }
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code count} log-spaced relative ridges over the range (one ridge: its lower end). */
    static double[] ridgeGrid(int count, List<Double> range) {
        if (range.size() != 2 || !(range.get(0) < range.get(1))) {
            throw new ParamException("parameter 'ridgeRange' is two increasing numbers, got " + range);
        }
        double lo = Math.log10(range.get(0));
        double hi = Math.log10(range.get(1));
        double[] grid = new double[count];
        for (int k = 0; k < count; k++) {
            grid[k] = Math.pow(10, count == 1 ? lo : lo + (hi - lo) * k / (count - 1));
        }
        return grid;
    }
}
