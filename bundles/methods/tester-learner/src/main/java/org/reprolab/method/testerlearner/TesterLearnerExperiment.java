package org.reprolab.method.testerlearner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Experiment;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.Paper;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.method.testerlearner.Setting.Family;

/**
 * Gollakota, Klivans, Stavropoulos &amp; Vasilyan (2023), "An Efficient Tester-Learner for Halfspaces": a learner
 * (projected SGD on the sphere on the smoothed sigmoid surrogate L_σ) paired with a tester that looks at the labelled
 * sample and the learned direction w and either rejects or accepts; when it accepts, the learner's error is
 * certified to be opt + 0.02, whatever the true distribution was; Gaussian data must be accepted.
 *
 * <p>Each run trains and tests on fresh samples of every distribution (Gaussian with Massart noise at three rates,
 * Gaussian with agnostic noise, and three non-Gaussian distributions built to fool the learner or the moment
 * tests), compares the tester with the untested learner and a label-oblivious moment tester, and checks the
 * specification's six claims.
 */
@Component(service = Experiment.class)
public final class TesterLearnerExperiment implements Experiment {

    static final ParamSpec<Integer> DIMENSION = ParamSpec.ofInt("d", 5, 10, "dimension d of the inputs").range(2, 1000);
    static final ParamSpec<Integer> TRAIN_POINTS = ParamSpec.ofInt("n", 3000, 20_000,
            "training points per run; the tester inspects the same sample").range(100, 10_000_000);
    static final ParamSpec<Integer> TEST_POINTS = ParamSpec.ofInt("testN", 10_000, 100_000,
            "fresh test points per run, on which err and opt are measured").range(100, 10_000_000);
    static final ParamSpec<Integer> RUNS = ParamSpec.ofInt("runs", 2, 10,
            "independent runs per distribution and noise level").range(1, 1000);
    static final ParamSpec<Integer> STEPS = ParamSpec.ofInt("steps", 500, 3000, "PSGD steps per restart").range(1, 1_000_000);
    static final ParamSpec<Integer> BATCH = ParamSpec.ofInt("batch", 256, 256, "PSGD mini-batch size").range(1, 100_000);
    static final ParamSpec<Double> STEP_SIZE = ParamSpec.ofDouble("stepSize", 0.05, 0.05, "PSGD step size").range(1e-6, 100);
    static final ParamSpec<Double> SIGMA = ParamSpec.ofDouble("sigma", 0.1, 0.1,
            "smoothing σ of the surrogate L_σ(w) = E[S(−y⟨w,x⟩/σ)]").range(1e-4, 10);
    static final ParamSpec<Integer> RESTARTS = ParamSpec.ofInt("restarts", 3, 3,
            "random restarts; the candidate with the lowest training error is the output").range(1, 100);
    static final ParamSpec<Integer> TRACE_EVERY = ParamSpec.ofInt("traceEvery", 25, 25,
            "the PSGD iterate is recorded every this many steps (angle plot)").range(1, 1_000_000);
    static final ParamSpec<List<Double>> MASSART_RATES = ParamSpec.ofDoubleList("massart.etaMax", List.of(0.2),
            List.of(0.1, 0.2, 0.3), "η_max of the Gaussian Massart distributions (flip rate in |x₁| < 1)").range(0, 0.49);
    static final ParamSpec<Boolean> AGNOSTIC = ParamSpec.ofBoolean("agnostic", false, true,
            "run G-agnostic (Gaussian, labels flipped in 0 < x₁ < 0.3, x₂ > 0)");
    static final ParamSpec<Boolean> CUBE = ParamSpec.ofBoolean("cube", true, true,
            "run U-cube (uniform on [−√3, √3]^d, Massart labels with η_max 0.2)");
    static final ParamSpec<Boolean> TWO_CLUSTERS = ParamSpec.ofBoolean("twoClusters", false, true,
            "run two-clusters (80 % Gaussian, 20 % in two boundary clusters labelled against w*)");
    static final ParamSpec<Boolean> THINNED_BAND = ParamSpec.ofBoolean("thinnedBand", false, true,
            "run thinned-band (Gaussian with half of |x₁| < 0.1 removed, Massart η_max 0.2)");

    /** η_max of the Massart labels on U-cube and thinned-band (the spec fixes 0.2 for thinned-band). */
    static final double ADVERSARIAL_MASSART_RATE = 0.2;

    private static final Paper PAPER = new Paper("An Efficient Tester-Learner for Halfspaces",
            "Aravind Gollakota, Adam R. Klivans, Konstantinos Stavropoulos, Arsen Vasilyan", 2023,
            "https://arxiv.org/abs/2302.14853");

    private static final ExperimentInfo INFO = new ExperimentInfo("tester-learner",
            "Testable learning of halfspaces: PSGD learner with a label-aware tester", PAPER, "theory",
            List.of("testable-learning", "halfspaces", "massart-noise", "non-convex-sgd", "synthetic"),
            "Projected SGD on the smoothed sigmoid surrogate plus tests T1–T5 around the learned direction; "
                    + "completeness on Gaussian Massart/agnostic data, soundness on cube, two-cluster and thinned-band "
                    + "distributions; against the untested learner and a label-oblivious moment tester.");

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(DIMENSION, TRAIN_POINTS, TEST_POINTS, RUNS, STEPS, BATCH, STEP_SIZE, SIGMA, RESTARTS, TRACE_EVERY,
                MASSART_RATES, AGNOSTIC, CUBE, TWO_CLUSTERS, THINNED_BAND);
    }

    @Override
    public List<PlotSpec> plots() {
        return Figures.PLOTS;
    }

    @Override
    public Result run(RunContext ctx) {
        ProjectedSgd.Settings learner = new ProjectedSgd.Settings(ctx.param(SIGMA), ctx.param(BATCH), ctx.param(STEP_SIZE),
                ctx.param(STEPS), ctx.param(RESTARTS), ctx.param(TRACE_EVERY));
        Study study = new Study(ctx.param(DIMENSION), ctx.param(TRAIN_POINTS), ctx.param(TEST_POINTS), ctx.param(RUNS),
                learner, settings(ctx));

        // Learn on each distribution, then run the tester on the learned w, the baseline tester on the sample, and
        // measure err and opt on a fresh test sample.
        Map<Setting, List<Trial.Outcome>> outcomes = study.run(ctx);
        SanityChecks sanity = SanityChecks.measure(ctx, study.d(), learner.sigma(), outcomes.values());

        Result.Builder result = Result.builder();
        Figures.addTo(result, outcomes);
        List<ClaimCheck> claims = PaperClaims.evaluate(outcomes);
        claims.forEach(result::claim);
        result.metric("check/max_norm_deviation", sanity.maxNormDeviation());
        result.metric("check/gradient_max_error", sanity.gradientMaxError());
        result.metric("check/gaussian_band_mass_ratio", sanity.gaussianBandMassRatio());
        result.metric("check/gaussian_isotropy_ratio", sanity.gaussianIsotropyRatio());
        result.metric("check/target_noiseless_error", sanity.targetNoiselessError());
        ctx.log().info("tester-learner: {} of {} claims held", claims.stream().filter(ClaimCheck::held).count(), claims.size());
        return result.build();
    }

    /** The distributions this run covers, in display order. */
    private static List<Setting> settings(RunContext ctx) {
        List<Setting> settings = new ArrayList<>();
        for (double eta : ctx.param(MASSART_RATES).stream().distinct().toList()) {
            settings.add(new Setting(Family.GAUSSIAN_MASSART, eta));
        }
        if (ctx.param(AGNOSTIC)) {
            settings.add(new Setting(Family.GAUSSIAN_AGNOSTIC, 0));
        }
        if (ctx.param(CUBE)) {
            settings.add(new Setting(Family.UNIFORM_CUBE, ADVERSARIAL_MASSART_RATE));
        }
        if (ctx.param(TWO_CLUSTERS)) {
            settings.add(new Setting(Family.TWO_CLUSTERS, 0));
        }
        if (ctx.param(THINNED_BAND)) {
            settings.add(new Setting(Family.THINNED_BAND, ADVERSARIAL_MASSART_RATE));
        }
        return settings;
    }
}
