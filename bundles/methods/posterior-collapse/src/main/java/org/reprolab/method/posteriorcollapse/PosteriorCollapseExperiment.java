package org.reprolab.method.posteriorcollapse;

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
import org.reprolab.api.Heatmap;
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

/**
 * Dang, Tran, Nguyen and Ho, "Beyond Vanilla Variational Autoencoders: Detecting Posterior Collapse in
 * Conditional and Hierarchical Variational Autoencoders" (ICLR 2024). The linear CVAE's optimum collapses latent i
 * exactly when the i-th eigenvalue θ_i of the residual covariance of y given x is at most βη_dec², so correlation
 * between x and y (which shrinks θ) and larger β cause collapse (A); in the linear MHVAE a learnable second-level
 * encoder variance collapses z₂ (B); and the linear theory predicts what ReLU models do (C).
 */
@Component(service = Experiment.class)
public final class PosteriorCollapseExperiment implements Experiment {

    static final ParamSpec<Integer> A_N = ParamSpec.ofInt("a.n", 2000, 20_000, "A: samples of synthetic (a)").range(100, 1_000_000);
    static final ParamSpec<Integer> A_STEPS = ParamSpec.ofInt("a.steps", 200, 3000, "A: Adam steps per linear CVAE").range(1, 1_000_000);
    static final ParamSpec<Integer> A_SEEDS = ParamSpec.ofInt("a.seeds", 1, 2, "A: training seeds (fresh data and model) per setting").range(1, 20);
    static final ParamSpec<List<Double>> A_RHOS = ParamSpec.ofDoubleList("a.rhos", List.of(0.0, 0.25, 0.5, 0.75, 0.9),
            List.of(0.0, 0.25, 0.5, 0.75, 0.9), "A: correlations ρ at β = 1 (increasing)").range(0, 0.999);
    static final ParamSpec<List<Double>> A_BETAS = ParamSpec.ofDoubleList("a.betas", List.of(0.25, 0.5, 1.0, 2.0, 4.0),
            List.of(0.25, 0.5, 1.0, 2.0, 4.0), "A: KL weights β at ρ = 0.5 (increasing)").range(1e-3, 100);
    static final ParamSpec<Double> A_ETA_DEC = ParamSpec.ofDouble("a.etaDec", 0.5, 0.5, "A: decoder standard deviation η_dec").range(1e-3, 100);
    static final ParamSpec<Double> LR_LINEAR = ParamSpec.ofDouble("linear.lr", 1e-2, 1e-2, "A and B: Adam learning rate").range(1e-6, 1);
    static final ParamSpec<Integer> BATCH_LINEAR = ParamSpec.ofInt("linear.batch", 512, 512, "A and B: minibatch size").range(1, 100_000);
    static final ParamSpec<List<Double>> B_THETA = ParamSpec.ofDoubleList("b.theta", List.of(2.0, 1.2, 0.7, 0.3),
            List.of(2.0, 1.2, 0.7, 0.3), "B: standard deviations θ of the 4-D Gaussian data").range(1e-3, 100);
    static final ParamSpec<Integer> B_RESTARTS = ParamSpec.ofInt("b.restarts", 1, 4, "B: L-BFGS random starts per setting").range(1, 100);
    static final ParamSpec<Integer> B_N = ParamSpec.ofInt("b.n", 2000, 20_000, "B: samples for the SGD-trained MHVAE").range(100, 1_000_000);
    static final ParamSpec<Integer> B_STEPS = ParamSpec.ofInt("b.steps", 200, 3000, "B: Adam steps per SGD-trained MHVAE").range(1, 1_000_000);
    static final ParamSpec<Integer> B_MONTE_CARLO = ParamSpec.ofInt("b.monteCarlo", 100_000, 100_000,
            "B: samples of the Monte-Carlo check of the analytic loss").range(1000, 10_000_000);
    static final ParamSpec<Integer> C_PER_CLASS = ParamSpec.ofInt("c.perClassTrain", 100, 3000, "C: Fashion-MNIST training images per class").range(20, 6000);
    static final ParamSpec<Integer> C_PER_CLASS_TEST = ParamSpec.ofInt("c.perClassTest", 100, 1000, "C: held-out images per class for active units").range(10, 1000);
    static final ParamSpec<Integer> C_EPOCHS = ParamSpec.ofInt("c.epochs", 1, 10, "C: epochs per Fashion-MNIST ReLU CVAE").range(1, 1000);
    static final ParamSpec<Integer> C_WIDTH = ParamSpec.ofInt("c.width", 64, 256, "C: hidden width of the ReLU CVAE branches").range(4, 4096);
    static final ParamSpec<Integer> C_TARGET = ParamSpec.ofInt("c.targetActive", 16, 16,
            "C: active count the linear theory predicts on the pooled set at the calibrated η_dec").range(1, 31);
    static final ParamSpec<Integer> C_SYNTH_N = ParamSpec.ofInt("c.synthN", 500, 5000, "C: samples of synthetic (c)").range(100, 1_000_000);
    static final ParamSpec<Integer> C_SYNTH_EPOCHS = ParamSpec.ofInt("c.synthEpochs", 1, 10, "C: epochs on synthetic (c)").range(1, 1000);
    static final ParamSpec<Integer> C_MHVAE_IMAGES = ParamSpec.ofInt("c.mhvaeImages", 500, 10_000, "C: pooled training images of the ReLU MHVAE").range(100, 60_000);
    static final ParamSpec<Integer> C_MHVAE_EPOCHS = ParamSpec.ofInt("c.mhvaeEpochs", 1, 8, "C: epochs per ReLU MHVAE").range(1, 1000);
    static final ParamSpec<Double> C_MHVAE_ETA_DEC = ParamSpec.ofDouble("c.mhvaeEtaDec", 1.0, 1.0, "C: η_dec of the ReLU MHVAE").range(1e-3, 100);

    private static final List<ParamSpec<?>> PARAMS = List.of(A_N, A_STEPS, A_SEEDS, A_RHOS, A_BETAS, A_ETA_DEC, LR_LINEAR,
            BATCH_LINEAR, B_THETA, B_RESTARTS, B_N, B_STEPS, B_MONTE_CARLO, C_PER_CLASS, C_PER_CLASS_TEST, C_EPOCHS, C_WIDTH,
            C_TARGET, C_SYNTH_N, C_SYNTH_EPOCHS, C_MHVAE_IMAGES, C_MHVAE_EPOCHS, C_MHVAE_ETA_DEC);

    /** The fixed constants of the specification. */
    static final int A_DIMS = 16;
    static final double ETA_ENC = 1;
    static final double BETA_SWEEP_RHO = 0.5;
    static final double SIGMA1 = 0.5;
    static final double FIXED_SIGMA2 = 0.5;
    static final double[] B_BETA2 = {0.5, 1, 2};
    static final double[] B_ETA_DEC = {0.5, 1};
    static final double SINGULAR_CUT = 0.05;
    static final double[] C_COUPLINGS = {0, 0.25, 0.5, 1};
    static final double[] C_BETA2 = {1, 2};

    private static final ExperimentInfo INFO = new ExperimentInfo("posterior-collapse",
            "Posterior collapse in conditional and hierarchical VAEs",
            new Paper("Beyond Vanilla Variational Autoencoders: Detecting Posterior Collapse in Conditional and Hierarchical Variational Autoencoders",
                    "Hien Dang, Tho Tran, Tan Nguyen, Nhat Ho", 2024, "https://arxiv.org/abs/2306.05023"),
            "autoencoders", List.of("VAE", "posterior collapse", "CVAE", "hierarchical VAE", "linear theory"),
            "Linear CVAEs collapse exactly where the residual spectrum of y given x falls below βη_dec²; a learnable "
                    + "second-level encoder variance collapses a linear MHVAE's z₂; the linear theory predicts ReLU models.");

    private static final List<PlotSpec> PLOTS = List.of(
            PlotSpec.line("active-vs-rho", "A: active latents vs correlation ρ (β = 1), trained vs theory").dashed("theory"),
            PlotSpec.line("active-vs-beta", "A: active latents vs β (ρ = 0.5), trained vs theory").logX().dashed("theory"),
            PlotSpec.scatter("singular-values", "A: learned decoder singular values vs theoretical ω (all settings)"),
            PlotSpec.line("theta-spectrum-*", "Residual spectrum θ_i with the collapse threshold βη_dec²").logY().dashed("threshold"),
            PlotSpec.heatmap("mhvae-active-z2-*", "B: active z₂ directions over (β₂, η_dec)"),
            PlotSpec.bar("fmnist-per-class", "C: per Fashion-MNIST class, linear-theory count vs ReLU CVAE active units"),
            PlotSpec.imageGrid("fmnist-reconstructions", "C: y given x for the most collapsed and the least collapsed class"),
            PlotSpec.line("synthetic-c-active", "C: ReLU CVAE active units on synthetic (c) vs the coupling c of x to y"),
            PlotSpec.bar("relu-mhvae-active-z2", "C: ReLU MHVAE active z₂ units, learnable vs fixed Σ₂"));

    private final Datasets datasets;

    @Activate
    public PosteriorCollapseExperiment(@Reference Datasets datasets) {
        this.datasets = datasets;
    }

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
        return PLOTS;
    }

    @Override
    public void validate(ParamValues values) {
        increasing("a.rhos", values.param(A_RHOS));
        increasing("a.betas", values.param(A_BETAS));
        if (!values.param(A_BETAS).contains(1.0) || !values.param(A_RHOS).contains(BETA_SWEEP_RHO)) {
            throw new ParamException("a.betas must contain 1 and a.rhos 0.5: the two sweeps share that setting");
        }
        if (values.param(B_THETA).size() < 2) {
            throw new ParamException("b.theta needs at least 2 standard deviations, got " + values.param(B_THETA));
        }
        if (values.param(C_TARGET) >= 32) {
            throw new ParamException("c.targetActive must be below the 32 latents, got " + values.param(C_TARGET));
        }
    }

    private static void increasing(String name, List<Double> v) {
        for (int i = 1; i < v.size(); i++) {
            if (!(v.get(i) > v.get(i - 1))) {
                throw new ParamException(name + " must be strictly increasing, got " + v);
            }
        }
    }

    @Override
    public Result run(RunContext ctx) {
        Result.Builder out = Result.builder();
        LinearCvaeStudy.Settings a = new LinearCvaeStudy.Settings(ctx.param(A_N), A_DIMS, A_DIMS, ETA_ENC, ctx.param(A_ETA_DEC),
                doubles(ctx.param(A_RHOS)), doubles(ctx.param(A_BETAS)), BETA_SWEEP_RHO, ctx.param(A_STEPS), ctx.param(BATCH_LINEAR),
                ctx.param(LR_LINEAR), ctx.param(A_SEEDS));
        MhvaeStudy.Settings b = new MhvaeStudy.Settings(doubles(ctx.param(B_THETA)), SIGMA1, FIXED_SIGMA2, 1, B_BETA2, B_ETA_DEC,
                ETA_ENC, ctx.param(B_RESTARTS), ctx.param(B_N), ctx.param(B_STEPS), ctx.param(BATCH_LINEAR), ctx.param(LR_LINEAR),
                SINGULAR_CUT, ctx.param(B_MONTE_CARLO));
        NonlinearStudy.Settings c = new NonlinearStudy.Settings(32, ctx.param(C_WIDTH), 1, ETA_ENC, ctx.param(C_TARGET),
                ctx.param(C_PER_CLASS), ctx.param(C_PER_CLASS_TEST), ctx.param(C_EPOCHS), 128, 1e-3, ctx.param(C_SYNTH_N), 1000, 64,
                0.5, C_COUPLINGS, ctx.param(C_SYNTH_EPOCHS), ctx.param(C_MHVAE_IMAGES), 1000, 16, ctx.param(C_MHVAE_EPOCHS),
                ctx.param(C_MHVAE_ETA_DEC), FIXED_SIGMA2, C_BETA2);
        int aCells = a.rhos().length + a.betas().length - 1;
        ProgressCounter progress = new ProgressCounter(ctx, (long) aCells * a.seeds() + 2L * B_BETA2.length * B_ETA_DEC.length + 10
                + C_COUPLINGS.length + 2L * C_BETA2.length);

        long start = System.nanoTime();
        LinearCvaeStudy.Findings linear = LinearCvaeStudy.run(a, ctx, progress);
        ctx.log().info("A (linear CVAE) took {} s", seconds(start));
        start = System.nanoTime();
        MhvaeStudy.Findings hierarchical = MhvaeStudy.run(b, ctx, progress);
        ctx.log().info("B (linear MHVAE) took {} s", seconds(start));
        start = System.nanoTime();
        NonlinearStudy.Findings nonlinear = NonlinearStudy.run(c, datasets.fashionMnist(), ctx, progress);
        ctx.log().info("C (ReLU models) took {} s", seconds(start));

        Claims.report(a, linear, hierarchical, nonlinear, out);
        Figures.report(a, linear, hierarchical, nonlinear, out);
        checks(linear, hierarchical, out);
        out.metric("c.etaDec", nonlinear.fashion().etaDec());
        out.metric("c.pooledPredictedActive", nonlinear.fashion().pooledPredicted());
        return out.build();
    }

    /** The smoke invariants, recorded on every run. */
    private static void checks(LinearCvaeStudy.Findings a, MhvaeStudy.Findings b, Result.Builder out) {
        out.metric("check.residualCovarianceAsymmetry", a.asymmetry());
        out.metric("check.residualCovarianceMinEigenvalue", a.psdMinEigen());
        out.metric("check.closedFormKlAnalytic", a.klAnalytic());
        out.metric("check.closedFormKlSampled", a.klSampled());
        out.metric("check.closedFormKlStandardError", a.klStandardError());
        out.metric("check.collapsedPosteriorVarianceError", a.collapsedVarianceError());
        out.metric("check.collapsedOmega", a.collapsedOmega());
        double minKl = Double.POSITIVE_INFINITY;
        double worstElboGain = Double.POSITIVE_INFINITY;
        double worstKlChange = 0;
        for (LinearCvaeStudy.Cell cell : a.cells().values()) {
            minKl = Math.min(minKl, cell.minKl());
            for (int s = 0; s < cell.firstLoss().length; s++) {
                worstElboGain = Math.min(worstElboGain, cell.firstLoss()[s] - cell.lastLoss()[s]);
                worstKlChange = Math.max(worstKlChange, cell.lastKlChange()[s]);
            }
        }
        out.metric("check.minPerDimensionKl", minKl);
        out.metric("check.minElboGain", worstElboGain);
        out.metric("a.maxRelativeKlChangeLastTenth", worstKlChange);
        out.metric("check.mhvaeAnalyticElbo", b.analyticElbo());
        out.metric("check.mhvaeMonteCarloElbo", b.monteCarloElbo());
        out.metric("check.mhvaeMonteCarloStandardError", b.monteCarloStandardError());
        out.table(new Table("smoke-checks", List.of("check", "value"), List.of(
                List.of("closed-form KL: analytic vs sampled (± SE)", fmt(a.klAnalytic()) + " vs " + fmt(a.klSampled()) + " ± " + fmt(a.klStandardError())),
                List.of("MHVAE negative ELBO: analytic vs Monte Carlo", fmt(b.analyticElbo()) + " vs " + fmt(b.monteCarloElbo())),
                List.of("smallest eigenvalue of E", fmt(a.psdMinEigen())),
                List.of("largest relative change of the KL term over the last tenth of training", fmt(worstKlChange)))));
    }

    private static double[] doubles(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String fmt(double v) {
        return ClaimCheck.format(v);
    }

    private static String seconds(long start) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9);
    }
}
