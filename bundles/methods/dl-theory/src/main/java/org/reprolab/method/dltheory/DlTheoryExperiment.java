package org.reprolab.method.dltheory;

import org.reprolab.api.ProgressCounter;

import java.util.List;
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

/**
 * Roberts, Yaida &amp; Hanin (2022), "The Principles of Deep Learning Theory": a deep MLP at initialisation and in
 * training is a nearly-Gaussian system whose deviations from the infinite-width Gaussian process are set by the
 * depth-to-width ratio L/n. Three parts, each on real random (or trained) networks beside the book's prediction:
 * A — the kernel recursion and criticality (signals and gradients neither explode nor vanish only at C_W = 2 for
 * ReLU, C_W = 1 for tanh); B — the output's excess kurtosis, 3[(1 + 5/n)^{L−1} − 1] ≈ 15(L − 1)/n for ReLU and
 * ≈ 2L/n for tanh (universality classes); C — the NTK moves during training by O(L/n).
 */
@Component(service = Experiment.class)
public final class DlTheoryExperiment implements Experiment {

    static final ParamSpec<Integer> INPUT_DIM = ParamSpec.ofInt("inputDim", 16, 16,
            "input dimension n₀ of every network").range(1, 4096);
    static final ParamSpec<Integer> A_WIDTH = ParamSpec.ofInt("criticality.width", 16, 256,
            "A: hidden width n of the explicit-weight networks").range(1, 4096);
    static final ParamSpec<Integer> A_DEPTH = ParamSpec.ofInt("criticality.depth", 6, 30,
            "A: depth L (layers 1 … L all of width n)").range(2, 500);
    static final ParamSpec<Integer> A_NETWORKS = ParamSpec.ofInt("criticality.networks", 40, 200,
            "A: independent networks per initialisation").range(2, 1_000_000);
    static final ParamSpec<Integer> A_INPUTS = ParamSpec.ofInt("criticality.inputs", 4, 4,
            "A: inputs per network (random directions; ‖x‖² = n₀ for ReLU, ‖x‖ = 1 for tanh)").range(1, 1000);
    static final ParamSpec<List<Double>> A_RELU_CW = ParamSpec.ofDoubleList("criticality.reluWeightVariances",
            List.of(1.8, 2.0, 2.2), List.of(1.8, 2.0, 2.2), "A: ReLU weight variances C_W (2 is critical)").range(0.01, 100);
    static final ParamSpec<List<Double>> A_TANH_CW = ParamSpec.ofDoubleList("criticality.tanhWeightVariances",
            List.of(1.0, 1.5), List.of(1.0, 1.5), "A: tanh weight variances C_W (1 is critical)").range(0.01, 100);
    static final ParamSpec<List<Integer>> B_WIDTHS = ParamSpec.ofIntList("kurtosis.widths", List.of(16),
            List.of(16, 32, 64, 128), "B: widths n of the kurtosis grid").range(1, 100_000);
    static final ParamSpec<List<Integer>> B_DEPTHS = ParamSpec.ofIntList("kurtosis.depths", List.of(1, 2, 4),
            List.of(2, 4, 8, 16, 32), "B: depths L of the kurtosis grid (L − 1 hidden layers, one output)").range(1, 10_000);
    static final ParamSpec<Double> B_MAX_RATIO = ParamSpec.ofDouble("kurtosis.maxDepthToWidth", 0.5, 0.5,
            "B: the grid keeps cells with L/n at most this").range(0, 100);
    static final ParamSpec<Integer> B_NETWORKS = ParamSpec.ofInt("kurtosis.networks", 2000, 20_000,
            "B: independent networks S per cell").range(2, 100_000_000);
    static final ParamSpec<Integer> B_CHUNK = ParamSpec.ofInt("kurtosis.chunk", 1000, 5000,
            "B: networks per chunk (one random stream and one parallel task each)").range(1, 100_000_000);
    static final ParamSpec<Integer> B_CHECK_WIDTH = ParamSpec.ofInt("crossCheck.width", 16, 64,
            "B: width of the cell where the shortcut is checked against explicit weights").range(1, 4096);
    static final ParamSpec<Integer> B_CHECK_DEPTH = ParamSpec.ofInt("crossCheck.depth", 4, 16,
            "B: depth of the cross-check cell").range(1, 1000);
    static final ParamSpec<Integer> B_CHECK_NETWORKS = ParamSpec.ofInt("crossCheck.networks", 2000, 2000,
            "B: explicit-weight networks of the cross-check").range(2, 10_000_000);
    static final ParamSpec<List<Integer>> C_DEPTHS = ParamSpec.ofIntList("ntk.depths", List.of(2), List.of(2, 4, 8),
            "C: depths L of the NTK networks (L − 1 hidden layers)").range(1, 100);
    static final ParamSpec<List<Integer>> C_WIDTHS = ParamSpec.ofIntList("ntk.widths", List.of(32),
            List.of(32, 64, 128, 256), "C: widths n of the NTK networks").range(1, 8192);
    static final ParamSpec<Integer> C_SEEDS = ParamSpec.ofInt("ntk.seeds", 2, 8,
            "C: independent networks (and data draws) per (L, n)").range(1, 1000);
    static final ParamSpec<Integer> C_SAMPLES = ParamSpec.ofInt("ntk.samples", 16, 16,
            "C: training inputs m (unit-sphere points, ±1 targets)").range(2, 1000);
    static final ParamSpec<Double> C_INPUT_NORM = ParamSpec.ofDouble("ntk.inputNorm", 1.0, 1.0,
            "C: norm ‖x‖ of the training inputs (random directions; 1 = the unit sphere of the spec)").range(1e-6, 1e6);
    static final ParamSpec<Integer> C_MAX_STEPS = ParamSpec.ofInt("ntk.maxSteps", 50, 1000,
            "C: gradient-descent step budget").range(1, 1_000_000);
    static final ParamSpec<Double> C_TARGET_MSE = ParamSpec.ofDouble("ntk.targetMse", 1e-4, 1e-4,
            "C: training stops once the train MSE is below this").range(0, 100);

    private static final Paper PAPER = new Paper("The Principles of Deep Learning Theory",
            "Daniel A. Roberts, Sho Yaida, Boris Hanin", 2022, "https://arxiv.org/abs/2106.10165");

    private static final ExperimentInfo INFO = new ExperimentInfo("dl-theory",
            "Deep MLPs at finite width: criticality, the 1/n non-Gaussianity and the moving NTK", PAPER, "theory",
            List.of("criticality", "kernel-recursion", "finite-width", "kurtosis", "ntk", "universality"),
            "Random ReLU/tanh MLPs: kernel recursion and criticality, output excess kurtosis vs L/n against "
                    + "3[(1+5/n)^(L−1)−1] and 15(L−1)/n, and the relative NTK change under gradient descent vs width and depth.");

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(INPUT_DIM, A_WIDTH, A_DEPTH, A_NETWORKS, A_INPUTS, A_RELU_CW, A_TANH_CW, B_WIDTHS, B_DEPTHS,
                B_MAX_RATIO, B_NETWORKS, B_CHUNK, B_CHECK_WIDTH, B_CHECK_DEPTH, B_CHECK_NETWORKS, C_DEPTHS, C_WIDTHS,
                C_SEEDS, C_SAMPLES, C_INPUT_NORM, C_MAX_STEPS, C_TARGET_MSE);
    }

    @Override
    public void validate(ParamValues values) {
        double ratio = values.param(B_MAX_RATIO);
        List<Integer> depths = values.param(B_DEPTHS);
        if (values.param(B_WIDTHS).stream().noneMatch(n -> depths.stream().anyMatch(l -> l <= ratio * n))) {
            throw new ParamException("parameters 'kurtosis.widths', 'kurtosis.depths' and 'kurtosis.maxDepthToWidth' leave "
                    + "no cell (n, L) with L/n ≤ " + ratio);
        }
    }

    @Override
    public List<PlotSpec> plots() {
        return Figures.PLOTS;
    }

    @Override
    public Result run(RunContext ctx) {
        Plan plan = plan(ctx);
        ProgressCounter progress = new ProgressCounter(ctx, plan.progressUnits());

        // A: the kernel recursion and criticality on explicit-weight networks.
        long start = System.nanoTime();
        var kernels = new CriticalityStudy(ctx, plan, progress).run();
        ctx.log().info("dl-theory: part A (criticality) done after {} s", seconds(start));
        // B: the output's excess kurtosis over the (n, L) grid, and the shortcut's cross-check.
        NonGaussianityStudy nonGaussianity = new NonGaussianityStudy(ctx, plan, progress);
        var cells = nonGaussianity.grid();
        var crossCheck = nonGaussianity.crossCheck(cells);
        ctx.log().info("dl-theory: part B (non-Gaussianity) done after {} s", seconds(start));
        // C: the relative NTK change of trained networks vs width and depth.
        NtkStudy ntkStudy = new NtkStudy(ctx, plan, progress);
        var jacobianCheck = ntkStudy.jacobianCheck();
        var ntk = ntkStudy.run();
        ctx.log().info("dl-theory: part C (NTK) done after {} s", seconds(start));

        Measurements m = new Measurements(plan, kernels, cells, crossCheck, ntk, jacobianCheck,
                nonGaussianity.firstKernel(Activation.RELU), new KernelRecursion());
        Result.Builder result = Result.builder();
        Figures.addTo(result, m);
        Checks.addTo(result, m);
        List<ClaimCheck> claims = PaperClaims.evaluate(m);
        claims.forEach(result::claim);
        ctx.log().info("dl-theory: {} of {} claims held", claims.stream().filter(ClaimCheck::held).count(), claims.size());
        return result.build();
    }

    private static long seconds(long start) {
        return (System.nanoTime() - start) / 1_000_000_000L;
    }

    private static Plan plan(RunContext ctx) {
        return new Plan(ctx.param(INPUT_DIM),
                new Plan.Criticality(ctx.param(A_WIDTH), ctx.param(A_DEPTH), ctx.param(A_NETWORKS), ctx.param(A_INPUTS),
                        ctx.param(A_RELU_CW), ctx.param(A_TANH_CW)),
                new Plan.Kurtosis(ctx.param(B_WIDTHS), ctx.param(B_DEPTHS), ctx.param(B_MAX_RATIO), ctx.param(B_NETWORKS),
                        ctx.param(B_CHUNK), ctx.param(B_CHECK_WIDTH), ctx.param(B_CHECK_DEPTH), ctx.param(B_CHECK_NETWORKS)),
                new Plan.Ntk(ctx.param(C_DEPTHS), ctx.param(C_WIDTHS), ctx.param(C_SEEDS), ctx.param(C_SAMPLES),
                        ctx.param(C_INPUT_NORM), ctx.param(C_MAX_STEPS), ctx.param(C_TARGET_MSE)));
    }
}
