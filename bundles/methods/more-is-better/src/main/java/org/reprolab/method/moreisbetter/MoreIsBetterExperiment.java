package org.reprolab.method.moreisbetter;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.reprolab.api.ClaimCheck;
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

/**
 * Simon, Karkada, Ghosh and Belkin, "More is Better in Modern Machine Learning" (ICLR 2024): with the ridge
 * tuned, more random features and more data never hurt, so infinite width is optimal (A); on power-law
 * tasks the optimal ridge drives the training error far below the test error (B); and real images have
 * that power-law structure (C). Every statement is checked on fitted models beside the omniscient risk
 * estimate.
 */
@Component(service = Experiment.class)
public final class MoreIsBetterExperiment implements Experiment {

    static final ParamSpec<Integer> MODES = ParamSpec.ofInt("modes", 200, 2000, "input dimension M of the synthetic task (= number of kernel modes)").range(8, 100_000);
    static final ParamSpec<Integer> TEST_POINTS = ParamSpec.ofInt("testPoints", 200, 1000, "synthetic test points").range(10, 100_000);
    static final ParamSpec<Double> A_ALPHA = ParamSpec.ofDouble("a.alpha", 1.5, 1.5, "A: spectral exponent α (λᵢ = i^-α)").range(1.01, 10);
    static final ParamSpec<Double> A_BETA = ParamSpec.ofDouble("a.beta", 1.5, 1.5, "A: target exponent β (vᵢ² ∝ i^-β)").range(0.5, 10);
    static final ParamSpec<Integer> A_TRIALS = ParamSpec.ofInt("a.trials", 1, 3, "A: trials (fresh data and features each)").range(1, 100);
    static final ParamSpec<Integer> A_RIDGES = ParamSpec.ofInt("a.ridges", 5, 24, "A: number of log-spaced ridges").range(2, 1000);
    static final ParamSpec<List<Double>> A_RIDGE_RANGE = ParamSpec.ofDoubleList("a.ridgeRange", List.of(1e-6, 1e1), List.of(1e-6, 1e1), "A: smallest and largest ridge").range(1e-14, 1e8);
    static final ParamSpec<Integer> A1_SAMPLES = ParamSpec.ofInt("a1.samples", 32, 256, "A1: training samples n").range(2, 100_000);
    static final ParamSpec<List<Integer>> A1_FEATURES = ParamSpec.ofIntList("a1.features", List.of(16, 64),
            List.of(16, 32, 64, 128, 256, 512, 1024, 2048, 4096), "A1: feature counts N").range(1, 1_000_000);
    static final ParamSpec<Integer> A2_FEATURES = ParamSpec.ofInt("a2.features", 64, 256, "A2: features N").range(1, 1_000_000);
    static final ParamSpec<List<Integer>> A2_SAMPLES = ParamSpec.ofIntList("a2.samples", List.of(32, 64),
            List.of(16, 32, 64, 128, 256, 512, 1024), "A2: training sample counts n").range(2, 100_000);
    static final ParamSpec<List<Double>> B_EXPONENTS = ParamSpec.ofDoubleList("b.exponents", List.of(1.5, 1.5, 1.5, 3.0),
            List.of(1.5, 1.5, 1.5, 3.0), "B: (α, β) pairs, flattened").range(0.5, 10);
    static final ParamSpec<List<Integer>> B_SAMPLES = ParamSpec.ofIntList("b.samples", List.of(32, 64), List.of(256, 1024), "B: training sample counts n").range(2, 100_000);
    static final ParamSpec<List<Integer>> B_TRIALS = ParamSpec.ofIntList("b.trials", List.of(1, 1), List.of(5, 2), "B: trials per entry of b.samples").range(1, 100);
    static final ParamSpec<List<Double>> B_NOISE = ParamSpec.ofDoubleList("b.noise", List.of(0.0, 0.1, 0.5, 1.0, 5.0),
            List.of(0.0, 0.1, 0.5, 1.0, 5.0), "B: label noise relative to the noiseless ridgeless test MSE").range(0, 1e6);
    static final ParamSpec<Integer> B_RIDGES = ParamSpec.ofInt("b.ridges", 5, 40, "B and C: number of log-spaced ridges (δ = 0 is added)").range(2, 1000);
    static final ParamSpec<List<Double>> B_RIDGE_RANGE = ParamSpec.ofDoubleList("b.ridgeRange", List.of(1e-8, 1e2), List.of(1e-8, 1e2), "B and C: smallest and largest positive ridge").range(1e-14, 1e8);
    static final ParamSpec<Integer> C_TRAIN = ParamSpec.ofInt("c.trainImages", 256, 1024, "C: training images for random features").range(16, 60_000);
    static final ParamSpec<Integer> C_TEST = ParamSpec.ofInt("c.testImages", 256, 2000, "C: test images").range(16, 10_000);
    static final ParamSpec<List<Integer>> C_FEATURES = ParamSpec.ofIntList("c.features", List.of(256),
            List.of(64, 256, 1024, 4096, 16384), "C: ReLU feature counts N").range(1, 1_000_000);
    static final ParamSpec<Integer> C_SEEDS = ParamSpec.ofInt("c.seeds", 1, 3, "C: seeds (random features; trouser-vs-bag subsets and noise)").range(1, 100);
    static final ParamSpec<List<Integer>> C_CURVE = ParamSpec.ofIntList("c.curveSamples", List.of(128, 256),
            List.of(128, 256, 512, 1024, 2048), "C: training images along the KRR learning curve").range(16, 60_000);
    static final ParamSpec<List<Integer>> C_BINARY = ParamSpec.ofIntList("c.binarySamples", List.of(256),
            List.of(256, 1024, 2048), "C: trouser-vs-bag training images (the largest also gives the spectrum fit)").range(96, 12_000);
    static final ParamSpec<List<Double>> C_NOISE = ParamSpec.ofDoubleList("c.binaryNoise", List.of(0.0, 0.25, 1.0, 4.0),
            List.of(0.0, 0.25, 1.0, 4.0), "C: trouser-vs-bag relative label noise").range(0, 1e6);

    /**
     * Differences of fitting ratios below this are round-off, not a decrease: an interpolating fit (δ* = 0)
     * has R* = 0, and its computed training error is a few ulps of the labels (R* ~ 1e-25).
     */
    static final double ROUND_OFF = 1e-12;

    private static final List<ParamSpec<?>> PARAMS = List.of(MODES, TEST_POINTS, A_ALPHA, A_BETA, A_TRIALS, A_RIDGES,
            A_RIDGE_RANGE, A1_SAMPLES, A1_FEATURES, A2_FEATURES, A2_SAMPLES, B_EXPONENTS, B_SAMPLES, B_TRIALS, B_NOISE,
            B_RIDGES, B_RIDGE_RANGE, C_TRAIN, C_TEST, C_FEATURES, C_SEEDS, C_CURVE, C_BINARY, C_NOISE);

    private static final ExperimentInfo INFO = new ExperimentInfo("more-is-better",
            "More is better: infinite overparameterization is optimal and overfitting is obligatory",
            new Paper("More is Better in Modern Machine Learning: when Infinite Overparameterization is Optimal and Overfitting is Obligatory",
                    "James B. Simon, Dhruva Karkada, Nikhil Ghosh, Mikhail Belkin", 2024, "https://arxiv.org/abs/2311.14646"),
            "theory", List.of("random features", "kernel ridge regression", "eigenframework", "fitting ratio"),
            "Random-feature and kernel ridge regression on a power-law task and Fashion-MNIST: optimal-ridge test MSE "
                    + "falls with features and samples, the optimal fitting ratio is ≪ 1, and the omniscient risk "
                    + "estimate predicts both.");

    /**
     * The methods section's plots (i)–(vi); theory curves are drawn dashed in the colour of what they predict, the
     * optimum of a ridge path as a point on it. R lies in [0, 1] and is drawn on a linear axis, as in the paper.
     */
    private static final List<PlotSpec> PLOTS = List.of(
            PlotSpec.line("mse-vs-features", "(i) Test MSE vs features N at the optimal ridge (synthetic, A1)").logLog()
                    .dashed("omniscient"),
            PlotSpec.line("mse-vs-samples", "(i) Test MSE vs samples n at the optimal ridge (synthetic, A2)").logLog()
                    .dashed("omniscient"),
            PlotSpec.heatmap("mse-heatmap", "(ii) Test MSE over ridge δ and features N, with the optimal ridge (A1)"),
            PlotSpec.line("optimal-ridge-vs-features", "Optimal ridge δ* vs features N (A1)").logLog().dashed("theory"),
            PlotSpec.line("mse-vs-fitting-ratio*", "(iii) Test MSE vs fitting ratio R along the ridge path")
                    .dashed("theory").marked("optimum"),
            PlotSpec.line("rstar-vs-noise", "(iv) Optimal fitting ratio R* vs relative label noise").dashed("theory"),
            PlotSpec.line("fmnist-mse-vs-features", "(v) Fashion-MNIST: test MSE vs ReLU features N, with the KRR limit")
                    .logLog(),
            PlotSpec.line("fmnist-krr-learning-curve", "(v) Fashion-MNIST: KRR learning curve").logLog(),
            PlotSpec.line("fmnist-rstar-vs-noise", "Fashion-MNIST trouser vs bag: R* vs relative label noise"),
            PlotSpec.line("fmnist-mse-vs-fitting-ratio", "Fashion-MNIST trouser vs bag: test MSE vs fitting ratio R"),
            PlotSpec.line("spectrum", "(vi) Kernel eigenvalues and target tail power, with fitted slopes α, β").logLog()
                    .dashed("fit"));

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public List<PlotSpec> plots() {
        return PLOTS;
    }

    @Override
    public List<ParamSpec<?>> params() {
        return PARAMS;
    }

    @Override
    public void validate(ParamValues values) {
        logGrid(values.param(A_RIDGES), values.param(A_RIDGE_RANGE), false);
        logGrid(values.param(B_RIDGES), values.param(B_RIDGE_RANGE), true);
        pairs(values.param(B_EXPONENTS));
        if (values.param(B_TRIALS).size() != values.param(B_SAMPLES).size()) {
            throw new ParamException("b.trials needs one entry per entry of b.samples ("
                    + values.param(B_SAMPLES).size() + "), got " + values.param(B_TRIALS).size());
        }
    }

    @Override
    public Result run(RunContext ctx) {
        Result.Builder out = Result.builder();
        SyntheticScaling.Settings a = new SyntheticScaling.Settings(ctx.param(MODES), ctx.param(A_ALPHA), ctx.param(A_BETA),
                ctx.param(TEST_POINTS), ctx.param(A_TRIALS), logGrid(ctx.param(A_RIDGES), ctx.param(A_RIDGE_RANGE), false),
                ctx.param(A1_SAMPLES), ints(ctx.param(A1_FEATURES)), ctx.param(A2_FEATURES), ints(ctx.param(A2_SAMPLES)));
        ObligatoryOverfitting.Settings b = new ObligatoryOverfitting.Settings(ctx.param(MODES), ctx.param(TEST_POINTS),
                pairs(ctx.param(B_EXPONENTS)), ints(ctx.param(B_SAMPLES)), ints(ctx.param(B_TRIALS)),
                doubles(ctx.param(B_NOISE)), logGrid(ctx.param(B_RIDGES), ctx.param(B_RIDGE_RANGE), true));
        FashionMnistStudy.Settings c = new FashionMnistStudy.Settings(ctx.param(C_TRAIN), ctx.param(C_TEST),
                ints(ctx.param(C_FEATURES)), ctx.param(C_SEEDS), ints(ctx.param(C_CURVE)), ints(ctx.param(C_BINARY)),
                doubles(ctx.param(C_NOISE)), b.ridges());

        long units = (long) a.trials() * (a.a1Features().length + a.a2Samples().length)
                + (long) b.exponents().length * java.util.Arrays.stream(b.trials()).sum()
                + (long) c.features().length * c.seeds() + c.curveSamples().length + 1
                + (long) c.binarySamples().length * c.seeds();
        ProgressCounter progress = new ProgressCounter(ctx, units);

        long start = System.nanoTime();
        SyntheticScaling.Findings scaling = SyntheticScaling.run(a, ctx, progress, out);
        ctx.log().info("A (synthetic scaling) took {} s", seconds(start));
        start = System.nanoTime();
        ObligatoryOverfitting.Findings overfitting = ObligatoryOverfitting.run(b, ctx, progress, out);
        ctx.log().info("B (fitting ratio) took {} s", seconds(start));
        start = System.nanoTime();
        FashionMnistStudy.Findings images = FashionMnistStudy.run(c, ctx, progress, out);
        ctx.log().info("C (Fashion-MNIST) took {} s", seconds(start));

        claimMoreFeatures(scaling.a1(), out);
        claimMoreData(scaling.a2(), out);
        claimInfiniteWidth(scaling.a1(), out);
        claimTheoryMatchesExperiment(scaling, out);
        claimNoiselessOverfitting(overfitting.cells(), out);
        claimNearNoiseless(overfitting.cells(), out);
        claimRatioIndependentOfN(overfitting.cells(), out);
        claimFashionMnistFeatures(images, out);
        claimFashionMnistData(images, out);
        claimRealTaskIsPowerLaw(images, out);

        // The smoke invariants, recorded on every run.
        out.metric("check.krrSolverResidualOverN", Math.max(scaling.maxSolverResidual(), overfitting.maxSolverResidual()));
        out.metric("check.rfTheoryAtMillionVsKrrTheory", scaling.rfVsKrrAtMillion());
        out.metric("check.eigenSweepVsCholesky", scaling.sweepVsCholesky());
        out.metric("check.ridgelessTrainMinusTest", Math.max(scaling.maxRidgelessTrainExcess(),
                Math.max(overfitting.maxRidgelessTrainExcess(), images.maxRidgelessTrainExcess())));
        out.metric("check.minMse", Math.min(scaling.minMse(), Math.min(overfitting.minMse(), images.minMse())));
        out.metric("check.allMseFinite", scaling.allFinite() && overfitting.allFinite() && images.allFinite() ? 1 : 0);
        out.metric("check.arcCosineMinEigenvalue", images.minArcCosineEigenvalue());
        int largestGram = java.util.Arrays.stream(c.binarySamples()).max().orElseThrow();
        out.table(new Table("scale", List.of("quantity", "value"), List.of(
                List.of("largest Gram matrix eigendecomposed (trouser vs bag, spectrum fit)", Integer.toString(largestGram)),
                List.of("n capped at 1536 for EJML speed", "no (EJML decomposes 2048×2048 in ≈ 8 s on the reference machine)"))));
        return out.build();
    }

    private static void claimMoreFeatures(SyntheticScaling.Slice a1, Result.Builder out) {
        Monotone m = Monotone.of(a1.points(), a1.empirical(), 32);
        out.claim(new ClaimCheck("1-more-features",
                "Synthetic task, n fixed: optimal-ridge test MSE (trial mean) never rises by > 2 % between consecutive N "
                        + "and falls by ≥ 50 % from N = 32 to the largest N",
                "max rise ≤ 2 %, fall ≥ 50 %", m.describe(), m.maxRise <= 0.02 && m.fall >= 0.5));
    }

    private static void claimMoreData(SyntheticScaling.Slice a2, Result.Builder out) {
        Monotone m = Monotone.of(a2.points(), a2.empirical(), 32);
        out.claim(new ClaimCheck("2-more-data",
                "Synthetic task, N fixed: optimal-ridge test MSE (trial mean) never rises by > 2 % between consecutive n "
                        + "and falls by ≥ 50 % from n = 32 to the largest n",
                "max rise ≤ 2 %, fall ≥ 50 %", m.describe(), m.maxRise <= 0.02 && m.fall >= 0.5));
    }

    private static void claimInfiniteWidth(SyntheticScaling.Slice a1, Result.Builder out) {
        double bestFinite = java.util.Arrays.stream(a1.empirical()).min().orElseThrow();
        double kernel = a1.kernel()[0];
        ClaimCheck c = ClaimCheck.atMost("3-infinite-width-is-best",
                "KRR optimal test MSE ≤ 1.01 × the best finite-N optimal test MSE at the same n (ratio shown)",
                kernel / bestFinite, 1.01);
        out.claim(new ClaimCheck(c.id(), c.statement(), c.expected(), c.measured() + " (KRR " + fmt(kernel)
                + " vs best RF " + fmt(bestFinite) + ")", c.held()));
    }

    private static void claimNoiselessOverfitting(List<ObligatoryOverfitting.Cell> cells, Result.Builder out) {
        double worstRidge = 0;
        double worstRatio = 0;
        for (ObligatoryOverfitting.Cell cell : cells) {
            if (cell.noiseLevel() == 0) {
                worstRidge = Math.max(worstRidge, cell.theoryRidge() / cell.meanKernelDiagonal());
                worstRatio = Math.max(worstRatio, cell.empiricalRatio());
            }
        }
        out.claim(new ClaimCheck("5-overfitting-obligatory-noiseless",
                "Noiseless power-law tasks, every (α, β) and n: the theory's optimal ridge is at the bottom of the grid "
                        + "(δ* ≤ 1e-6·tr(K)/n) and the empirical optimal fitting ratio R* ≤ 0.01",
                "max δ*/(tr(K)/n) ≤ 1e-6, max R* ≤ 0.01",
                "max δ*/(tr(K)/n) = " + fmt(worstRidge) + ", max R* = " + fmt(worstRatio),
                worstRidge <= 1e-6 && worstRatio <= 0.01));
    }

    private static void claimNearNoiseless(List<ObligatoryOverfitting.Cell> cells, Result.Builder out) {
        double theory = 0;
        double empirical = 0;
        for (ObligatoryOverfitting.Cell cell : cells) {
            if (cell.noiseLevel() == 0.1 && cell.alpha() == 1.5 && cell.beta() == 1.5) {
                theory = Math.max(theory, cell.theoryRatio());
                empirical = Math.max(empirical, cell.empiricalRatio());
            }
        }
        List<String> falls = new ArrayList<>();
        for (ObligatoryOverfitting.Cell cell : cells) {
            for (ObligatoryOverfitting.Cell next : cells) {
                if (next.alpha() == cell.alpha() && next.beta() == cell.beta() && next.n() == cell.n()
                        && next.noiseLevel() > cell.noiseLevel() && !between(cells, cell, next)) {
                    if (next.theoryRatio() < cell.theoryRatio() - ROUND_OFF) {
                        falls.add("theory " + ObligatoryOverfitting.tag(cell.alpha(), cell.beta(), cell.n()) + " at noise " + fmt(next.noiseLevel()));
                    }
                    if (next.empiricalRatio() < cell.empiricalRatio() - ROUND_OFF) {
                        falls.add("empirical " + ObligatoryOverfitting.tag(cell.alpha(), cell.beta(), cell.n()) + " at noise " + fmt(next.noiseLevel()));
                    }
                }
            }
        }
        out.claim(new ClaimCheck("6-near-noiseless",
                "At relative noise 0.1 with α = β = 1.5 (both n): theory R* ≤ 0.02 and empirical R* ≤ 0.05; R* (theory and "
                        + "empirical) is non-decreasing in the noise level for every (α, β) and n",
                "theory R* ≤ 0.02, empirical R* ≤ 0.05, no decrease (beyond round-off 1e-12)",
                "theory R* = " + fmt(theory) + ", empirical R* = " + fmt(empirical) + ", decreases: "
                        + (falls.isEmpty() ? "none" : String.join("; ", falls)),
                theory <= 0.02 && empirical <= 0.05 && falls.isEmpty()));
    }

    /** Whether some cell of the same (α, β, n) lies strictly between the two noise levels. */
    private static boolean between(List<ObligatoryOverfitting.Cell> cells, ObligatoryOverfitting.Cell lo, ObligatoryOverfitting.Cell hi) {
        return cells.stream().anyMatch(c -> c.alpha() == lo.alpha() && c.beta() == lo.beta() && c.n() == lo.n()
                && c.noiseLevel() > lo.noiseLevel() && c.noiseLevel() < hi.noiseLevel());
    }

    private static void claimTheoryMatchesExperiment(SyntheticScaling.Findings scaling, Result.Builder out) {
        double worst = -1;
        String where = "";
        for (SyntheticScaling.Slice slice : List.of(scaling.a1(), scaling.a2())) {
            String name = slice == scaling.a1() ? "A1, N = " : "A2, n = ";
            for (int k = 0; k < slice.points().length; k++) {
                double gap = Math.abs(slice.theory()[k] - slice.empirical()[k]) / slice.empirical()[k];
                if (gap > worst || Double.isNaN(gap)) {   // a NaN cell must fail the claim, not vanish
                    worst = gap;
                    where = " at " + name + slice.points()[k] + " (theory " + fmt(slice.theory()[k]) + ", measured "
                            + fmt(slice.empirical()[k]) + ")";
                }
            }
        }
        out.claim(new ClaimCheck("4-theory-matches-experiment",
                "In every cell of A1 and A2, |theory optimum − empirical optimum| / empirical optimum ≤ 0.15 (max shown)",
                "≤ 0.15", fmt(worst) + where, worst <= 0.15));
    }

    private static void claimRatioIndependentOfN(List<ObligatoryOverfitting.Cell> cells, Result.Builder out) {
        int smallest = cells.stream().mapToInt(ObligatoryOverfitting.Cell::n).min().orElseThrow();
        int largest = cells.stream().mapToInt(ObligatoryOverfitting.Cell::n).max().orElseThrow();
        double worst = 0;
        String where = "";
        for (ObligatoryOverfitting.Cell small : cells) {
            for (ObligatoryOverfitting.Cell large : cells) {
                if (small.n() == smallest && large.n() == largest && small.alpha() == large.alpha()
                        && small.beta() == large.beta() && small.noiseLevel() == large.noiseLevel()) {
                    double gap = Math.abs(small.theoryRatio() - large.theoryRatio());
                    if (gap >= worst || Double.isNaN(gap)) {
                        worst = gap;
                        where = String.format(Locale.ROOT, " at α = %s, β = %s, noise %s (R* %s vs %s)", fmt(small.alpha()),
                                fmt(small.beta()), fmt(small.noiseLevel()), fmt(small.theoryRatio()), fmt(large.theoryRatio()));
                    }
                }
            }
        }
        boolean held = worst <= 0.03;
        out.claim(new ClaimCheck("7-rstar-independent-of-n",
                "For each noise level and (α, β): |R*_theory(n = " + smallest + ") − R*_theory(n = " + largest + ")| ≤ 0.03 (max shown)",
                "≤ 0.03", fmt(worst) + where, held));
    }

    private static void claimFashionMnistFeatures(FashionMnistStudy.Findings c, Result.Builder out) {
        Monotone m = Monotone.of(c.features(), c.rfOptimal(), c.features()[0]);
        double last = c.rfOptimal()[c.rfOptimal().length - 1];
        double ratio = c.kernelAtRfSamples() / last;
        boolean held = m.strictlyDecreasing && m.fall >= 0.3 && ratio <= 1.01;
        out.claim(new ClaimCheck("8-fmnist-more-features",
                "Fashion-MNIST ReLU RF: optimal-ridge test MSE (seed mean) decreases at every step of N and falls by ≥ 30 % "
                        + "from the smallest to the largest N; arc-cosine KRR ≤ 1.01 × the largest-N RF",
                "strictly decreasing, fall ≥ 30 %, KRR/RF ≤ 1.01",
                m.describe() + ", KRR " + fmt(c.kernelAtRfSamples()) + " / RF " + fmt(last) + " = " + fmt(ratio), held));
    }

    private static void claimFashionMnistData(FashionMnistStudy.Findings c, Result.Builder out) {
        Monotone m = Monotone.of(c.curveSamples(), c.curveOptimal(), c.curveSamples()[0]);
        out.claim(new ClaimCheck("9-fmnist-more-data",
                "Fashion-MNIST arc-cosine KRR: optimal test MSE decreases at every step of n",
                "strictly decreasing", m.describe(), m.strictlyDecreasing));
    }

    private static void claimRealTaskIsPowerLaw(FashionMnistStudy.Findings c, Result.Builder out) {
        double cleanRatio = 0;
        List<String> notIncreasing = new ArrayList<>();
        for (int k = 0; k < c.binarySamples().length; k++) {
            for (int l = 0; l < c.binaryNoise().length; l++) {
                if (c.binaryNoise()[l] == 0) {
                    cleanRatio = Math.max(cleanRatio, c.binaryRatio()[k][l]);
                }
                if (l > 0 && !(c.binaryRatio()[k][l] > c.binaryRatio()[k][l - 1])) {
                    notIncreasing.add("n = " + c.binarySamples()[k] + " at noise " + fmt(c.binaryNoise()[l]));
                }
            }
        }
        double alpha = c.alpha().mean();
        double beta = c.beta().mean();
        boolean held = cleanRatio <= 0.05 && notIncreasing.isEmpty() && alpha >= 1.0 && alpha <= 2.0 && beta < alpha + 1;
        out.claim(new ClaimCheck("10-real-task-obligatory-overfitting",
                "Trouser vs bag: clean-label R* ≤ 0.05 at every n; R* strictly increases with relative noise at every n; "
                        + "fitted exponents 1 ≤ α ≤ 2 and β < α + 1 (seed means)",
                "max clean R* ≤ 0.05, strictly increasing, α ∈ [1, 2], β < α + 1",
                "max clean R* = " + fmt(cleanRatio) + ", not increasing: " + (notIncreasing.isEmpty() ? "none" : String.join("; ", notIncreasing))
                        + ", α = " + c.alpha() + ", β = " + c.beta(), held));
    }

    /** Consecutive changes of a curve that should fall: the largest relative rise and the total fall. */
    private record Monotone(int[] points, double[] values, double maxRise, double fall, boolean strictlyDecreasing, int from) {

        static Monotone of(int[] points, double[] values, int reference) {
            double rise = Double.NEGATIVE_INFINITY;
            boolean strict = true;
            for (int k = 1; k < values.length; k++) {
                rise = Math.max(rise, values[k] / values[k - 1] - 1);
                strict &= values[k] < values[k - 1];
            }
            int from = 0;
            for (int k = 0; k < points.length; k++) {
                if (points[k] == reference) {
                    from = k;
                }
            }
            double fall = 1 - values[values.length - 1] / values[from];
            return new Monotone(points, values, rise, fall, strict, from);
        }

        String describe() {
            StringBuilder curve = new StringBuilder();
            for (int k = 0; k < values.length; k++) {
                curve.append(k == 0 ? "" : " → ").append(fmt(values[k]));
            }
            return String.format(Locale.ROOT, "max rise %.1f %%, fall %.1f %% (%d → %d); curve %s", 100 * maxRise, 100 * fall,
                    points[from], points[points.length - 1], curve);
        }
    }

    /** n log-spaced ridges over [range₀, range₁], with δ = 0 in front when {@code withZero}. */
    static double[] logGrid(int count, List<Double> range, boolean withZero) {
        if (range.size() != 2 || !(range.get(0) < range.get(1))) {
            throw new ParamException("a ridge range is two increasing numbers, got " + range);
        }
        double lo = Math.log10(range.get(0));
        double hi = Math.log10(range.get(1));
        int offset = withZero ? 1 : 0;
        double[] grid = new double[count + offset];
        for (int k = 0; k < count; k++) {
            grid[k + offset] = Math.pow(10, lo + (hi - lo) * k / (count - 1));
        }
        return grid;
    }

    private static double[][] pairs(List<Double> flat) {
        if (flat.size() % 2 != 0) {
            throw new ParamException("b.exponents lists (α, β) pairs; got an odd count " + flat.size());
        }
        double[][] out = new double[flat.size() / 2][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {flat.get(2 * i), flat.get(2 * i + 1)};
        }
        return out;
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String fmt(double v) {
        return ClaimCheck.format(v);
    }

    private static String seconds(long start) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9);
    }
}
