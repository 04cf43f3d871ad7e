package org.reprolab.method.latentquantization;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.reprolab.api.Experiment;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.Paper;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;

/**
 * Hsu, Dorrell, Whittington, Wu and Finn, "Disentanglement via Latent Quantization" (NeurIPS 2023): QLAE — an
 * auto-encoder whose latent dimensions are each quantised onto their own small learnable scalar codebook, trained with
 * strong weight decay — against a plain AE, an AE with the same weight decay, a β-VAE, QLAE without weight decay and a
 * global-codebook VQ-AE on dSprites-like images, all scored by InfoMEC and held-out reconstruction.
 */
@Component(service = Experiment.class)
public final class LatentQuantizationExperiment implements Experiment {

    static final ParamSpec<Integer> RESOLUTION = ParamSpec.ofInt("resolution", 8, 32, "image side in pixels (≥ 16, or a divisor of 16)").range(1, 64);
    static final ParamSpec<Integer> IMAGES = ParamSpec.ofInt("images", 200, 0, "images drawn uniformly; 0 = every factor combination once").range(0, 1_000_000);
    static final ParamSpec<Double> HELD_OUT = ParamSpec.ofDouble("heldOut", 0.1, 0.1, "share of images held out for the reconstruction BCE").range(0.01, 0.5);
    static final ParamSpec<Integer> LATENT_DIMS = ParamSpec.ofInt("latentDims", 4, 10, "latent dimensions n_z").range(1, 256);
    static final ParamSpec<Integer> CODEBOOK_VALUES = ParamSpec.ofInt("codebookValues", 10, 10, "values per scalar codebook n_v (and codes of the VQ-AE's global codebook)").range(2, 256);
    static final ParamSpec<Integer> STEPS = ParamSpec.ofInt("steps", 50, 4000, "training steps per model").range(1, 1_000_000);
    static final ParamSpec<Integer> BATCH = ParamSpec.ofInt("batch", 64, 64, "minibatch size").range(1, 4096);
    static final ParamSpec<Double> LEARNING_RATE = ParamSpec.ofDouble("lr", 1e-3, 1e-3, "AdamW learning rate").range(1e-6, 1);
    static final ParamSpec<Double> WEIGHT_DECAY = ParamSpec.ofDouble("weightDecay", 0.1, 0.1, "AdamW decoupled weight decay of the WD variants, on every parameter").range(0, 10);
    static final ParamSpec<Double> LAMBDA_Q = ParamSpec.ofDouble("lambdaQuantise", 0.01, 0.01, "weight λ_q of the quantisation (codebook) term").range(0, 100);
    static final ParamSpec<Double> LAMBDA_C = ParamSpec.ofDouble("lambdaCommit", 0.01, 0.01, "weight λ_c of the commitment term").range(0, 100);
    static final ParamSpec<Double> BETA = ParamSpec.ofDouble("beta", 4.0, 4.0, "β of the β-VAE").range(0, 1000);
    static final ParamSpec<Double> CLIP = ParamSpec.ofDouble("clipNorm", 1.0, 1.0, "global gradient-norm clip").range(1e-6, 1e6);
    static final ParamSpec<Integer> MAIN_SEEDS = ParamSpec.ofInt("mainSeeds", 2, 2, "trainings of QLAE and of the AE (the ablations and baselines get one)").range(1, 20);

    private static final List<ParamSpec<?>> PARAMS = List.of(RESOLUTION, IMAGES, HELD_OUT, LATENT_DIMS, CODEBOOK_VALUES, STEPS,
            BATCH, LEARNING_RATE, WEIGHT_DECAY, LAMBDA_Q, LAMBDA_C, BETA, CLIP, MAIN_SEEDS);

    private static final ExperimentInfo INFO = new ExperimentInfo("latent-quantization",
            "Disentanglement via latent quantization (QLAE) and InfoMEC",
            new Paper("Disentanglement via Latent Quantization", "Kyle Hsu, Will Dorrell, James C. R. Whittington, Jiajun Wu, Chelsea Finn",
                    2023, "https://arxiv.org/abs/2305.18378"),
            "autoencoders", List.of("disentanglement", "auto-encoder", "quantization", "weight decay", "mutual information"),
            "QLAE (per-dimension scalar codebooks, straight-through, weight decay 0.1) vs AE, AE + WD, β-VAE, QLAE w/o WD "
                    + "and a global-codebook VQ-AE on dSprites-like images; InfoM, InfoC, InfoE and held-out reconstruction BCE.");

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
    public Result run(RunContext ctx) {
        SpriteData data = SpriteData.render(ctx.param(RESOLUTION), ctx.param(IMAGES), ctx.param(HELD_OUT), ctx.random("data"));
        QuantisedAutoEncoder.Settings model = new QuantisedAutoEncoder.Settings(ctx.param(LATENT_DIMS), ctx.param(CODEBOOK_VALUES),
                ctx.param(LAMBDA_Q), ctx.param(LAMBDA_C), ctx.param(BETA));
        Training.Settings training = new Training.Settings(ctx.param(STEPS), ctx.param(BATCH), ctx.param(LEARNING_RATE),
                ctx.param(WEIGHT_DECAY), ctx.param(CLIP));
        int mainSeeds = ctx.param(MAIN_SEEDS);
        Map<Variant, Integer> seeds = new EnumMap<>(Variant.class);
        for (Variant v : Variant.values()) {
            seeds.put(v, v == Variant.QLAE || v == Variant.AE ? mainSeeds : 1);
        }
        long units = seeds.values().stream().mapToLong(s -> s * (long) (training.steps() / 100 + 1)).sum();
        long[] done = {0};
        Runnable tick = () -> ctx.progress(Math.min(++done[0], units), units, "training");

        Map<Variant, List<Evaluated>> results = new EnumMap<>(Variant.class);
        for (Variant v : Variant.values()) {
            List<Evaluated> runs = new ArrayList<>();
            for (int s = 0; s < seeds.get(v); s++) {
                long started = System.nanoTime();
                Training.Trained trained = Training.run(v, data, model, training, ctx.random("model/" + v.key() + "/" + s).nextLong(), ctx, tick);
                InfoMec.Scores scores = InfoMec.of(data.sources(), data.sizes(), trained.latents(), v.latent.discrete());
                ctx.log().info("{} #{}: InfoM {} InfoC {} InfoE {} held-out BCE {} ({} s)", v.label, s,
                        Figures.fmt(scores.infoM()), Figures.fmt(scores.infoC()), Figures.fmt(scores.infoE()),
                        Figures.fmt(trained.heldOutBce()), Figures.fmt((System.nanoTime() - started) / 1e9));
                runs.add(new Evaluated(trained, scores));
            }
            results.put(v, runs);
        }
        InfoMec.Scores randomFloor = randomEncoderFloor(data, model, ctx);

        Result.Builder out = Result.builder();
        Figures.report(results, randomFloor, data, out);
        PaperClaims.report(results, out);
        return out.build();
    }

    /** InfoMEC of an untrained continuous encoder: what the metrics give a latent that learnt nothing. */
    private static InfoMec.Scores randomEncoderFloor(SpriteData data, QuantisedAutoEncoder.Settings model, RunContext ctx) {
        Training.Trained untrained = Training.run(Variant.AE, data, model, new Training.Settings(0, 1, 1e-3, 0, 1), ctx.random("model/random").nextLong(), ctx, () -> { });
        return InfoMec.of(data.sources(), data.sizes(), untrained.latents(), false);
    }

    /** One trained model with its InfoMEC. */
    record Evaluated(Training.Trained trained, InfoMec.Scores scores) {
    }
}
