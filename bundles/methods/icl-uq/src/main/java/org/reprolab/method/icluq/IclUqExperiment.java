package org.reprolab.method.icluq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.reprolab.data.synthetic.LinearRegressionPrompts.Prompts;

/**
 * Liu, Cai, Chen &amp; Li (2024), "Towards Better Understanding of In-Context Learning Ability from In-Context
 * Uncertainty Quantification": transformers trained in context on linear-regression prompts whose noise level
 * varies from task to task output both a mean and a variance for every label, trained with the Gaussian NLL.
 * The NLL's population minimiser is the Bayes posterior predictive under the training task distribution, so a
 * well-trained model is near Bayes in distribution and visibly uses its prior; under shift (noise levels
 * outside the prior) its variance head exposes in-weight learning of that prior; removing positional encodings
 * helps length generalisation and meta-training over input scales helps covariate shift.
 *
 * <p>The run trains NoPE, PE and NoPE-meta transformers on fresh prompts, computes the closed-form Bayes
 * references (training prior, vague prior, σ-oracle), scores all six per position on four evaluation sets,
 * and checks the spec's six claims.
 */
@Component(service = Experiment.class)
public final class IclUqExperiment implements Experiment {

    static final ParamSpec<Integer> DIM = ParamSpec.ofInt("dim", 2, 4, "input dimension d of the regression task").range(1, 64);
    static final ParamSpec<Integer> PAIRS = ParamSpec.ofInt("pairs", 6, 16,
            "T, (x, y) pairs per training prompt (2T tokens)").range(2, 256);
    static final ParamSpec<List<Double>> SIGMAS = ParamSpec.ofDoubleList("trainSigmas", List.of(0.1, 0.2, 0.4, 0.7, 1.0),
            List.of(0.1, 0.2, 0.4, 0.7, 1.0), "noise levels σ of the training prior, drawn uniformly per prompt").range(1e-4, 100);
    static final ParamSpec<Double> META_MIN = ParamSpec.ofDouble("meta.scaleMin", 0.5, 0.5,
            "NoPE-meta's input scale s ~ U[scaleMin, scaleMax] per prompt (x ~ N(0, s²I))").range(1e-3, 100);
    static final ParamSpec<Double> META_MAX = ParamSpec.ofDouble("meta.scaleMax", 2.0, 2.0,
            "upper end of NoPE-meta's input scale").range(1e-3, 100);
    static final ParamSpec<Integer> D_MODEL = ParamSpec.ofInt("dModel", 16, 64, "transformer width").range(1, 4096);
    static final ParamSpec<Integer> LAYERS = ParamSpec.ofInt("layers", 1, 3, "pre-LN transformer blocks").range(1, 64);
    static final ParamSpec<Integer> HEADS = ParamSpec.ofInt("heads", 2, 4, "attention heads (must divide dModel)").range(1, 64);
    static final ParamSpec<Integer> FFN = ParamSpec.ofInt("ffn", 64, 256, "MLP width of each block").range(1, 16384);
    static final ParamSpec<Integer> STEPS = ParamSpec.ofInt("steps", 50, 2500, "training steps per transformer").range(2, 1_000_000);
    static final ParamSpec<Integer> BATCH = ParamSpec.ofInt("batch", 32, 64, "fresh prompts per training step").range(1, 4096);
    static final ParamSpec<Double> LR = ParamSpec.ofDouble("lr", 1e-3, 1e-3, "AdamW peak learning rate").range(1e-6, 1);
    static final ParamSpec<Integer> WARMUP = ParamSpec.ofInt("warmup", 5, 200,
            "linear warm-up steps before the cosine decay (must be < steps)").range(0, 1_000_000);
    static final ParamSpec<Double> MIN_LR = ParamSpec.ofDouble("minLr", 0.0, 0.0, "learning rate the cosine ends at").range(0, 1);
    static final ParamSpec<Double> WEIGHT_DECAY = ParamSpec.ofDouble("weightDecay", 0.01, 0.01,
            "AdamW decoupled weight decay (matrices and embeddings only)").range(0, 1);
    static final ParamSpec<Double> CLIP = ParamSpec.ofDouble("clip", 1.0, 1.0,
            "global gradient-norm clip (0 = none)").range(0, 1e6);
    static final ParamSpec<Integer> EVAL_PROMPTS = ParamSpec.ofInt("eval.prompts", 200, 2000,
            "prompts per evaluation set").range(10, 1_000_000);
    static final ParamSpec<Integer> LENGTH_PAIRS = ParamSpec.ofInt("lengthShift.pairs", 12, 32,
            "T_test of the length-shift set (must exceed pairs)").range(3, 1024);
    static final ParamSpec<List<Double>> NOISE_SHIFT = ParamSpec.ofDoubleList("noiseShift.sigmas", List.of(1.5, 2.0),
            List.of(1.5, 2.0), "σ_test of the noise-shift sets; claim C4 reads the largest").range(1e-4, 100);
    static final ParamSpec<Double> COVARIATE_SCALE = ParamSpec.ofDouble("covariateShift.scale", 2.0, 2.0,
            "input scale of the covariate-shift set, x ~ N(0, scale²·I)").range(1e-3, 100);

    private static final Paper PAPER = new Paper(
            "Towards Better Understanding of In-Context Learning Ability from In-Context Uncertainty Quantification",
            "Shang Liu, Zhongze Cai, Guanting Chen, Xiaocheng Li", 2024, "https://arxiv.org/abs/2405.15115");

    private static final ExperimentInfo INFO = new ExperimentInfo("icl-uq",
            "In-context uncertainty quantification: transformers vs Bayes on noisy linear regression", PAPER, "theory",
            List.of("in-context-learning", "transformer", "uncertainty", "bayes", "linear-regression"),
            "Pre-LN causal transformers (NoPE, PE, NoPE-meta) trained with the Gaussian NLL on fresh linear-regression "
                    + "prompts with a σ mixture; closed-form mixture-over-σ, vague-prior and σ-oracle Bayes references; "
                    + "noise, covariate and length shift.");

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(DIM, PAIRS, SIGMAS, META_MIN, META_MAX, D_MODEL, LAYERS, HEADS, FFN, STEPS, BATCH, LR, WARMUP, MIN_LR,
                WEIGHT_DECAY, CLIP, EVAL_PROMPTS, LENGTH_PAIRS, NOISE_SHIFT, COVARIATE_SCALE);
    }

    @Override
    public List<PlotSpec> plots() {
        return Figures.PLOTS;
    }

    @Override
    public void validate(ParamValues v) {
        if (v.param(D_MODEL) % v.param(HEADS) != 0) {
            throw new ParamException("dModel (" + v.param(D_MODEL) + ") must be a multiple of heads (" + v.param(HEADS) + ")");
        }
        if (v.param(WARMUP) >= v.param(STEPS)) {
            throw new ParamException("warmup (" + v.param(WARMUP) + ") must be below steps (" + v.param(STEPS) + ")");
        }
        if (v.param(LENGTH_PAIRS) <= v.param(PAIRS)) {
            throw new ParamException("lengthShift.pairs (" + v.param(LENGTH_PAIRS) + ") must exceed pairs (" + v.param(PAIRS) + ")");
        }
        if (v.param(PAIRS) < v.param(DIM)) {
            throw new ParamException("pairs (" + v.param(PAIRS) + ") must be ≥ dim (" + v.param(DIM)
                    + ") for the least-squares check");
        }
        if (v.param(META_MAX) < v.param(META_MIN)) {
            throw new ParamException("meta.scaleMax (" + v.param(META_MAX) + ") must be ≥ meta.scaleMin (" + v.param(META_MIN) + ")");
        }
        if (v.param(SIGMAS).isEmpty() || v.param(NOISE_SHIFT).isEmpty()) {
            throw new ParamException("trainSigmas and noiseShift.sigmas need at least one value");
        }
    }

    @Override
    public Result run(RunContext ctx) {
        validate(ctx);
        StudyPlan plan = plan(ctx);
        List<ModelVariant> variants = plan.variants();
        long total = (long) variants.size() * plan.training().steps() + Evaluations.sets(plan).size();
        long[] done = {0};

        // Train each transformer on fresh prompts with the Gaussian NLL (mean and variance heads together).
        List<InContextTraining.Trained> models = new ArrayList<>();
        for (ModelVariant variant : variants) {
            models.add(InContextTraining.train(variant, plan.architecture(variant.positions()), plan.training(), ctx,
                    (v, step, loss) -> {
                        ctx.metric("train/nll/" + v.name(), step, loss);
                        ctx.progress(++done[0], total, String.format(Locale.ROOT, "%s step %d/%d, loss %.3f", v.label(),
                                step + 1, plan.training().steps(), loss));
                    }));
        }
        // Score the transformers and the closed-form Bayes references position by position on every set.
        Evaluations.Scores scores = Evaluations.score(plan, models, ctx, () -> ctx.progress(++done[0], total, "evaluating"));

        Map<String, double[]> losses = new LinkedHashMap<>();
        models.forEach(m -> losses.put(m.variant().name(), m.loss()));
        Measurements m = new Measurements(plan, scores, losses, checks(plan, models, scores, ctx));
        Result.Builder result = Result.builder();
        Figures.addTo(result, m);
        List<ClaimCheck> claims = PaperClaims.evaluate(m);
        claims.forEach(result::claim);
        checkMetrics(result, m.checks());
        ctx.log().info("icl-uq: {} of {} claims held", claims.stream().filter(ClaimCheck::held).count(), claims.size());
        return result.build();
    }

    private static StudyPlan plan(RunContext ctx) {
        TrainingSettings training = new TrainingSettings(ctx.param(STEPS), ctx.param(BATCH), ctx.param(LR), ctx.param(WARMUP),
                ctx.param(MIN_LR), ctx.param(WEIGHT_DECAY), ctx.param(CLIP));
        return new StudyPlan(ctx.param(DIM), ctx.param(PAIRS), ctx.param(SIGMAS), ctx.param(META_MIN), ctx.param(META_MAX),
                ctx.param(D_MODEL), ctx.param(LAYERS), ctx.param(HEADS), ctx.param(FFN), training, ctx.param(EVAL_PROMPTS),
                ctx.param(LENGTH_PAIRS), ctx.param(NOISE_SHIFT), ctx.param(COVARIATE_SCALE));
    }

    /** The smoke profile's invariants, measured on this run's models and references. */
    private static Measurements.Checks checks(StudyPlan plan, List<InContextTraining.Trained> models, Evaluations.Scores scores,
                                              RunContext ctx) {
        Prompts probe = plan.task().withPairs(plan.lengthShiftPairs()).sample(8, ctx.random("checks/causal"));
        double leak = 0;
        Map<String, Double> first = new LinkedHashMap<>();
        Map<String, Double> last = new LinkedHashMap<>();
        for (InContextTraining.Trained m : models) {
            leak = Math.max(leak, CausalityCheck.maxLeak(m.model(), PromptTokens.encode(probe), plan.pairs(),
                    ctx.random("checks/causal-noise/" + m.variant().name())));
            double[] loss = m.loss();
            int tail = Math.max(1, loss.length / 10);
            first.put(m.variant().name(), loss[0]);
            last.put(m.variant().name(), PositionMetrics.average(loss, loss.length - tail, loss.length));
        }
        Prompts conjugate = plan.task().sample(50, ctx.random("checks/conjugate"));
        double agreement = BayesSanityChecks.singleSigmaAgreement(conjugate, plan.sigmas()[0]);
        double[] ols = new double[Measurements.OLS_SIGMAS.size()];
        for (int k = 0; k < ols.length; k++) {
            ols[k] = BayesSanityChecks.bayesOverOlsMse(plan.task(), plan.pairs(), Measurements.OLS_SIGMAS.get(k), 200,
                    ctx.random("checks/ols"));
        }
        return new Measurements.Checks(leak, scores.minModelVariance(), first, last, agreement, ols);
    }

    private static void checkMetrics(Result.Builder result, Measurements.Checks c) {
        result.metric("check/causal_max_leak", c.causalLeak());
        result.metric("check/min_model_variance", c.minModelVariance());
        c.firstLoss().forEach((k, v) -> result.metric("check/train_loss_step0/" + k, v));
        c.lastLoss().forEach((k, v) -> result.metric("check/train_loss_last_tenth/" + k, v));
        result.metric("check/single_sigma_vs_conjugate_max_rel_error", c.singleSigmaAgreement());
        for (int k = 0; k < c.bayesOverOls().length; k++) {
            result.metric("check/bayes_over_ols_mse/sigma-" + Measurements.OLS_SIGMAS.get(k), c.bayesOverOls()[k]);
        }
    }
}
