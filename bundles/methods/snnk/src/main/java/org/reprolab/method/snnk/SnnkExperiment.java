package org.reprolab.method.snnk;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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
import org.reprolab.api.Series;
import org.reprolab.api.Table;
import org.reprolab.data.Datasets;
import org.reprolab.theory.common.SeedSummary;

/**
 * Sehanobish, Choromanski, Zhao, Dubey and Likhosherstov, "Scalable Neural Network Kernels" (ICLR 2024): a neuron
 * f(wᵀx) is rewritten as Ψ(w)ᵀΦ(x) with random feature maps that separate inputs from weights. A checks that the
 * maps (positive features for exp, the complex Gaussian trick for cos/sin, universal random features for sinc and
 * the Gaussian bump, ReLU-SNNK for the arc-cosine kernel) are unbiased with error ∝ 1/m; B trains an SNNK layer by
 * backprop in place of a ReLU layer; C bundles the two-layer network into y = MᵀΦ(x) and solves M in closed form.
 */
@Component(service = Experiment.class)
public final class SnnkExperiment implements Experiment {

    static final ParamSpec<Integer> A_DIM = ParamSpec.ofInt("a.dim", 8, 16, "A: dimension d of the (x, w) pairs").range(1, 10_000);
    static final ParamSpec<Integer> A_PAIRS = ParamSpec.ofInt("a.pairs", 20, 200, "A: random (x, w) pairs per function").range(2, 100_000);
    static final ParamSpec<List<Integer>> A_FEATURES = ParamSpec.ofIntList("a.features", List.of(64, 256),
            List.of(16, 64, 256, 1024, 4096), "A: random feature counts m").range(1, 1_000_000);
    static final ParamSpec<Integer> A_DRAWS = ParamSpec.ofInt("a.draws", 10, 50, "A: independent feature draws per m").range(2, 10_000);
    static final ParamSpec<Integer> A_UNBIASED_AT = ParamSpec.ofInt("a.unbiasedAt", 256, 256,
            "A: the m at which unbiasedness is tested (must be one of a.features)").range(1, 1_000_000);
    static final ParamSpec<Boolean> A_ORTHOGONAL = ParamSpec.ofBoolean("a.orthogonal", false, false,
            "A: draw ω in orthogonal blocks instead of i.i.d.");
    static final ParamSpec<Integer> A_CHECK_FEATURES = ParamSpec.ofInt("a.checkFeatures", 100_000, 100_000,
            "A: m of the single-draw exp check against e^{wᵀx}").range(1, 10_000_000);
    static final ParamSpec<Integer> TRAIN_IMAGES = ParamSpec.ofInt("images.train", 500, 20_000, "B, C: training images").range(10, 55_000);
    static final ParamSpec<Integer> VALIDATION_IMAGES = ParamSpec.ofInt("images.validation", 200, 5_000,
            "C: validation images (disjoint from the training images) that choose λ").range(10, 50_000);
    static final ParamSpec<Integer> TEST_IMAGES = ParamSpec.ofInt("images.test", 500, 10_000, "B, C: test images").range(10, 10_000);
    static final ParamSpec<Integer> B_HIDDEN = ParamSpec.ofInt("b.hidden", 256, 256, "B: hidden width l of the MLP and of the SNNK layer").range(1, 100_000);
    static final ParamSpec<Integer> B_FEATURES = ParamSpec.ofInt("b.features", 128, 512, "B: random features m of the SNNK layer").range(1, 100_000);
    static final ParamSpec<Integer> B_SEEDS = ParamSpec.ofInt("b.seeds", 1, 2, "B: training seeds (initialisation, G, batch order)").range(1, 100);
    static final ParamSpec<Integer> B_EPOCHS = ParamSpec.ofInt("b.epochs", 1, 5, "B: epochs").range(1, 1000);
    static final ParamSpec<Integer> B_BATCH = ParamSpec.ofInt("b.batch", 128, 128, "B: batch size").range(1, 100_000);
    static final ParamSpec<Double> B_LEARNING_RATE = ParamSpec.ofDouble("b.learningRate", 1e-3, 1e-3, "B: Adam learning rate").range(1e-8, 10);
    static final ParamSpec<List<Integer>> C_FEATURES = ParamSpec.ofIntList("c.features", List.of(64, 128), List.of(1024, 4096),
            "C: random features m of the bundled network (increasing)").range(1, 100_000);
    static final ParamSpec<Integer> C_SEEDS = ParamSpec.ofInt("c.seeds", 1, 2, "C: draws of G").range(1, 100);
    static final ParamSpec<List<Double>> C_RIDGES = ParamSpec.ofDoubleList("c.ridgeFactors", List.of(1e-4, 1e-3, 1e-2, 1e-1),
            List.of(1e-4, 1e-3, 1e-2, 1e-1), "C: ridge grid λ as multiples of tr(ΦᵀΦ)/m").range(1e-10, 1e6);

    private static final List<ParamSpec<?>> PARAMS = List.of(A_DIM, A_PAIRS, A_FEATURES, A_DRAWS, A_UNBIASED_AT, A_ORTHOGONAL,
            A_CHECK_FEATURES, TRAIN_IMAGES, VALIDATION_IMAGES, TEST_IMAGES, B_HIDDEN, B_FEATURES, B_SEEDS, B_EPOCHS, B_BATCH,
            B_LEARNING_RATE, C_FEATURES, C_SEEDS, C_RIDGES);

    private static final ExperimentInfo INFO = new ExperimentInfo("snnk", "Scalable neural network kernels",
            new Paper("Scalable Neural Network Kernels",
                    "Arijit Sehanobish, Krzysztof Choromanski, Yunfan Zhao, Avinava Dubey, Valerii Likhosherstov", 2024,
                    "https://arxiv.org/abs/2310.13225"),
            "theory", List.of("random features", "kernel", "SNNK", "bundling", "closed-form training"),
            "Neurons f(wᵀx) as dot products Ψ(w)ᵀΦ(x) of random feature maps: unbiased estimators with 1/m error for exp, "
                    + "cos, sin, sinc, the Gaussian bump and the ReLU kernel; an SNNK layer trained by backprop on "
                    + "Fashion-MNIST; and the bundled network y = MᵀΦ(x) solved in closed form without backprop.");

    private static final List<PlotSpec> PLOTS = List.of(
            PlotSpec.line("relative-mse-vs-features", "A: relative MSE of the kernel estimate vs random features m").logLog()
                    .dashed("guide"),
            PlotSpec.scatter("estimate-vs-exact-*", "A: one draw's estimate vs the exact value"),
            PlotSpec.scatter("accuracy-vs-parameters", "Fashion-MNIST test accuracy vs trainable parameters").logX(),
            PlotSpec.bar("training-time", "Training time per model (seconds, seed mean)"));

    private final Datasets datasets;

    /** The experiment reading Fashion-MNIST from the given data service. */
    @Activate
    public SnnkExperiment(@Reference Datasets datasets) {
        this.datasets = datasets;
    }

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
        if (!values.param(A_FEATURES).contains(values.param(A_UNBIASED_AT))) {
            throw new ParamException("a.unbiasedAt (" + values.param(A_UNBIASED_AT) + ") must be one of a.features "
                    + values.param(A_FEATURES));
        }
        if (values.param(A_FEATURES).size() < 2) {
            throw new ParamException("a.features needs at least two feature counts to fit a slope, got " + values.param(A_FEATURES));
        }
        List<Integer> bundled = values.param(C_FEATURES);
        for (int k = 1; k < bundled.size(); k++) {
            if (bundled.get(k) <= bundled.get(k - 1)) {
                throw new ParamException("c.features must increase, got " + bundled);
            }
        }
    }

    @Override
    public Result run(RunContext ctx) {
        Result.Builder out = Result.builder();
        PointwiseEstimation.Settings a = new PointwiseEstimation.Settings(ctx.param(A_DIM), ctx.param(A_PAIRS),
                ints(ctx.param(A_FEATURES)), ctx.param(A_DRAWS), ctx.param(A_UNBIASED_AT), ctx.param(A_ORTHOGONAL),
                ctx.param(A_CHECK_FEATURES));
        BackpropStudy.Settings b = new BackpropStudy.Settings(ctx.param(B_HIDDEN), ctx.param(B_FEATURES), ctx.param(B_SEEDS),
                new Classifier.Schedule(ctx.param(B_EPOCHS), ctx.param(B_BATCH), ctx.param(B_LEARNING_RATE)));
        BundlingStudy.Settings c = new BundlingStudy.Settings(ints(ctx.param(C_FEATURES)), ctx.param(C_SEEDS),
                ctx.param(C_RIDGES).stream().mapToDouble(Double::doubleValue).toArray());
        ProgressCounter progress = new ProgressCounter(ctx, (long) KernelFunction.values().length * a.features().length
                + 2L * b.seeds() + (long) c.features().length * c.seeds());

        long start = System.nanoTime();
        PointwiseEstimation.Findings estimation = PointwiseEstimation.run(a, ctx, progress, out);
        ctx.log().info("A (pointwise estimation) took {} s", seconds(start));
        ImageData images = ImageData.load(datasets.fashionMnist(), ctx.param(TRAIN_IMAGES), ctx.param(VALIDATION_IMAGES),
                ctx.param(TEST_IMAGES), ctx.random("images"));
        start = System.nanoTime();
        BackpropStudy.Findings backprop = BackpropStudy.run(b, images, ctx, progress);
        ctx.log().info("B (SNNK layer by backprop) took {} s", seconds(start));
        start = System.nanoTime();
        BundlingStudy.Findings bundling = BundlingStudy.run(c, images, ctx, progress);
        ctx.log().info("C (bundled closed form) took {} s", seconds(start));

        claimUnbiased(estimation, a.unbiasedAt(), out);
        claimVarianceDecay(estimation, out);
        SeedSummary mlp = SeedSummary.of(backprop.mlpAccuracy());
        claimDropIn(backprop, mlp, out);
        claimBypassBackprop(bundling, backprop, mlp, out);
        claimMoreFeatures(bundling, out);
        reportModels(backprop, bundling, out);

        // The smoke invariants, recorded on every run.
        out.metric("check.minPositiveFeature", estimation.minPositiveFeature());
        out.metric("check.expLargeMRelativeError", estimation.expLargeMRelativeError());
        out.metric("check.precomputedVsRecomputed", backprop.precomputedVsRecomputed());
        out.metric("check.weightGradientNorm", backprop.weightGradientNorm());
        out.metric("check.ridgeRelativeGradient", bundling.maxRelativeGradient());
        return out.build();
    }

    private static void claimUnbiased(PointwiseEstimation.Findings a, int m, Result.Builder out) {
        List<String> parts = new ArrayList<>();
        boolean held = true;
        for (PointwiseEstimation.FunctionResult r : a.functions()) {
            parts.add(r.function().label() + " " + fmt(r.withinThreeStandardErrors()));
            held &= r.withinThreeStandardErrors() >= 0.95;
        }
        out.claim(new ClaimCheck("1-unbiased", "For every function at m = " + m + ", the mean estimate over the draws lies "
                + "within 3 standard errors of the exact value for ≥ 95 % of the pairs", "fraction ≥ 0.95 for every function",
                String.join(", ", parts), held));
    }

    private static void claimVarianceDecay(PointwiseEstimation.Findings a, Result.Builder out) {
        List<String> parts = new ArrayList<>();
        boolean held = true;
        for (PointwiseEstimation.FunctionResult r : a.functions()) {
            parts.add(r.function().label() + " " + fmt(r.slope()));
            held &= r.slope() >= -1.15 && r.slope() <= -0.85;
        }
        out.claim(new ClaimCheck("2-variance-decays-as-1-over-m", "For every function, the least-squares slope of "
                + "log(mean squared error) vs log m lies in [−1.15, −0.85]", "slope ∈ [−1.15, −0.85] for every function",
                String.join(", ", parts), held));
    }

    private static void claimDropIn(BackpropStudy.Findings b, SeedSummary mlp, Result.Builder out) {
        SeedSummary snnk = SeedSummary.of(b.snnkAccuracy());
        double gap = 100 * (snnk.mean() - mlp.mean());
        out.claim(new ClaimCheck("3-snnk-layer-drop-in", "The SNNK-MLP's test accuracy (seed mean) is ≥ the MLP's − 3 points",
                "SNNK − MLP ≥ −3 points", String.format(Locale.ROOT, "SNNK-MLP %s, MLP %s, difference %.2f points",
                percent(snnk), percent(mlp), gap), gap >= -3));
    }

    private static void claimBypassBackprop(BundlingStudy.Findings c, BackpropStudy.Findings b, SeedSummary mlp, Result.Builder out) {
        int last = c.features().length - 1;
        SeedSummary bundled = SeedSummary.of(c.testAccuracies(last));
        double gap = 100 * (bundled.mean() - mlp.mean());
        long parameters = c.fits().get(last)[0].trainableParameters();
        double fewer = b.mlpParameters() / (double) parameters;
        out.claim(new ClaimCheck("4-bypassing-backprop", "The bundled closed-form model with m = " + c.features()[last]
                + " reaches test accuracy ≥ the MLP's − 3 points with ≥ 4.9× fewer trainable parameters",
                "bundled − MLP ≥ −3 points, MLP/bundled parameters ≥ 4.9",
                String.format(Locale.ROOT, "bundled %s, MLP %s, difference %.2f points; parameters %d vs %d (%.2f× fewer)",
                        percent(bundled), percent(mlp), gap, parameters, b.mlpParameters(), fewer),
                gap >= -3 && fewer >= 4.9));
    }

    private static void claimMoreFeatures(BundlingStudy.Findings c, Result.Builder out) {
        int last = c.features().length - 1;
        SeedSummary small = SeedSummary.of(c.testAccuracies(0));
        SeedSummary large = SeedSummary.of(c.testAccuracies(last));
        double gain = 100 * (large.mean() - small.mean());
        out.claim(new ClaimCheck("5-more-features-help-bundling", "Bundled model: accuracy(m = " + c.features()[last]
                + ") ≥ accuracy(m = " + c.features()[0] + ") + 1 point (seed means)", "gain ≥ 1 point",
                String.format(Locale.ROOT, "%s → %s, gain %.2f points", percent(small), percent(large), gain), gain >= 1));
    }

    /** Accuracy vs trainable parameters, training times, and the per-model table (G counted as fixed everywhere). */
    private static void reportModels(BackpropStudy.Findings b, BundlingStudy.Findings c, Result.Builder out) {
        List<List<String>> rows = new ArrayList<>();
        addModel("MLP (backprop)", b.mlpParameters(), 0, b.mlpAccuracy(), b.mlpSeconds(), "mlp", rows, out);
        addModel("SNNK-MLP (backprop)", b.snnkParameters(), b.snnkFixedParameters(), b.snnkAccuracy(), b.snnkSeconds(),
                "snnk", rows, out);
        for (int k = 0; k < c.features().length; k++) {
            BundledNetwork.Fit[] fits = c.fits().get(k);
            int m = c.features()[k];
            double[] seconds = Arrays.stream(fits).mapToDouble(BundledNetwork.Fit::seconds).toArray();
            addModel("bundled m = " + m + " (closed form)", fits[0].trainableParameters(), (long) m * 784,
                    c.testAccuracies(k), seconds, "bundled.m" + m, rows, out);
            out.metric("c.bundled.m" + m + ".validationAccuracy", SeedSummary.of(Arrays.stream(fits)
                    .mapToDouble(BundledNetwork.Fit::validationAccuracy).toArray()).mean());
        }
        out.table(new Table("models", List.of("model", "trainable parameters", "fixed random parameters",
                "test accuracy (seed mean ± std)", "training seconds (seed mean)"), rows));
        List<List<String>> timing = new ArrayList<>();
        for (int k = 0; k < c.features().length; k++) {
            for (int s = 0; s < c.fits().get(k).length; s++) {
                BundledNetwork.Fit f = c.fits().get(k)[s];
                timing.add(List.of(Integer.toString(f.features()), Integer.toString(s), fmt(f.ridge()), fmt(f.validationAccuracy()),
                        fmt(f.testAccuracy()), String.format(Locale.ROOT, "%.2f", f.featureSeconds()),
                        String.format(Locale.ROOT, "%.2f", f.gramSeconds()), String.format(Locale.ROOT, "%.2f", f.ridgeSeconds()),
                        fmt(f.relativeGradient())));
            }
        }
        out.table(new Table("bundled-closed-form", List.of("m", "draw of G", "chosen λ", "validation accuracy", "test accuracy",
                "feature seconds", "Gram seconds (float32 GEMM)", "Cholesky seconds over the λ grid (EJML)",
                "|∇ ridge loss| / |ΦᵀY|"), timing));
    }

    private static void addModel(String name, long trainable, long fixed, double[] accuracy, double[] seconds, String key,
                                 List<List<String>> rows, Result.Builder out) {
        SeedSummary acc = SeedSummary.of(accuracy);
        double time = SeedSummary.of(seconds).mean();
        out.metric("accuracy." + key, acc.mean());
        out.metric("parameters." + key, trainable);
        out.series(new Series("accuracy-vs-parameters", name, "trainable parameters", "test accuracy",
                new double[] {trainable}, new double[] {acc.mean()}, new double[] {acc.std()}));
        out.series(Series.of("training-time", name, "", "seconds", new double[] {1}, new double[] {time}));
        rows.add(List.of(name, Long.toString(trainable), Long.toString(fixed), percent(acc),
                String.format(Locale.ROOT, "%.1f", time)));
    }

    private static String percent(SeedSummary s) {
        return String.format(Locale.ROOT, "%.2f %% ± %.2f", 100 * s.mean(), 100 * s.std());
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String fmt(double v) {
        return ClaimCheck.format(v);
    }

    private static String seconds(long start) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9);
    }
}
