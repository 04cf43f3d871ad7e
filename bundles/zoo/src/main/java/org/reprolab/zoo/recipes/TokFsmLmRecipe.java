package org.reprolab.zoo.recipes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.reprolab.data.synthetic.TokFsm;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Module;
import org.reprolab.zoo.BuildContext;
import org.reprolab.zoo.ZooConfig;
import org.reprolab.zoo.ZooRecipe;
import org.reprolab.zoo.models.GptLM;

/**
 * A {@link GptLM} trained on TokFSM walks (methods/quantization.md, {@code tokfsm-lm}, the codebook-features
 * starting point). Settings:
 * <ul>
 * <li>{@code fsm.states|successors|seed}: the automaton ({@link TokFsm}).</li>
 * <li>{@code data.states}: states per sequence; a sequence is BOS plus that many states of {@link TokFsm#digits()}
 * tokens, fed without its last token and scored on every digit (all tokens after BOS).</li>
 * <li>{@code arch.*}: the {@link GptLM.Config} ({@code arch.vocab} must be {@link TokFsm#VOCABULARY}).</li>
 * <li>{@code train.steps}, {@code train.batch}: updates, each on {@code batch} fresh walks from uniform start
 * states; {@code train.lr|warmup|min_lr|beta1|beta2|weight_decay|grad_clip} as in the zoo LMs' shared loop
 * ({@code LmTraining}).</li>
 * <li>{@code eval.sequences}: held-out walks (their own random stream) for the val loss;
 * {@code eval.prompts}, {@code eval.sample_states}, {@code eval.temperature}: the {@link TransitionAccuracy}
 * sampling.</li>
 * </ul>
 * Metrics: {@code transition_accuracy} and {@code well_formed_states} (of the sampled continuations),
 * {@code val_loss} (nats/token), {@code val_loss_floor} (the walks' entropy per scored token, the least loss any
 * model can reach) and {@code train_loss} (mean of the last 50 steps).
 */
public final class TokFsmLmRecipe implements ZooRecipe {

    /** The random streams of a build: training walks, held-out walks, and the transition-accuracy sampling. */
    public static final String TRAIN_STREAM = "walks";
    public static final String VAL_STREAM = "val walks";
    public static final String SAMPLING_STREAM = "transition sampling";

    private static final int EVAL_BATCH = 32;

    private final ZooConfig config;
    private final String description;
    private final TokFsm fsm;

    /** A recipe over the automaton its config's {@code fsm.*} settings name; the sizes are checked here. */
    public TokFsmLmRecipe(ZooConfig config, String description) {
        this.config = config;
        this.description = description;
        this.fsm = new TokFsm(config.getInt("fsm.states"), config.getInt("fsm.successors"), config.getInt("fsm.seed"));
        GptLM.Config arch = architecture();
        if (arch.vocab() != TokFsm.VOCABULARY) {
            throw new IllegalArgumentException("zoo config " + config.name() + ": arch.vocab must be "
                    + TokFsm.VOCABULARY + " (ten digits and BOS), got " + arch.vocab());
        }
        need("data.states", config.getInt("data.states") * fsm.digits(), arch.context());
        need("eval.sample_states", (1 + config.getInt("eval.sample_states")) * fsm.digits(), arch.context());
    }

    private void need(String setting, int inputLength, int context) {
        if (inputLength > context) {
            throw new IllegalArgumentException("zoo config " + config.name() + ": " + setting + " = "
                    + config.get(setting) + " makes inputs of " + inputLength + " tokens, more than arch.context = "
                    + context);
        }
    }

    @Override
    public ZooConfig config() {
        return config;
    }

    @Override
    public String description() {
        return description;
    }

    /** The automaton of the config. */
    public TokFsm fsm() {
        return fsm;
    }

    /** The architecture of the config's {@code arch.*} settings. */
    public GptLM.Config architecture() {
        return LmTraining.architecture(config);
    }

    @Override
    public Module newModel(Generator gen) {
        return new GptLM(architecture(), gen);
    }

    @Override
    public Map<String, Double> train(Module model, BuildContext ctx) {
        int batch = config.getInt("train.batch");
        SplittableRandom walks = new SplittableRandom(ctx.generator(TRAIN_STREAM).seed());
        double trainLoss = LmTraining.train(model, ctx, step -> batch(walks, batch));
        Map<String, Double> metrics = new HashMap<>(evaluate(model, ctx.generator(VAL_STREAM),
                ctx.generator(SAMPLING_STREAM)));
        metrics.put("train_loss", trainLoss);
        ctx.log().info("{}: val loss {} nats/token (floor {}), transition accuracy {}", config.name(),
                String.format(Locale.ROOT, "%.4f", metrics.get("val_loss")),
                String.format(Locale.ROOT, "%.4f", metrics.get("val_loss_floor")),
                String.format(Locale.ROOT, "%.4f", metrics.get("transition_accuracy")));
        return Map.copyOf(metrics);
    }

    /**
     * The evaluation of a trained model: val loss on {@code eval.sequences} walks drawn from {@code valStream}
     * and the transition accuracy of {@code eval.prompts} continuations sampled with {@code samplingStream}.
     * A build passes {@code ctx.generator(VAL_STREAM)} and {@code ctx.generator(SAMPLING_STREAM)}.
     */
    public Map<String, Double> evaluate(Module model, Generator valStream, Generator samplingStream) {
        SplittableRandom val = new SplittableRandom(valStream.seed());
        List<Tensor[]> batches = new ArrayList<>();
        for (int left = config.getInt("eval.sequences"); left > 0; left -= EVAL_BATCH) {
            batches.add(batch(val, Math.min(EVAL_BATCH, left)));
        }
        double valLoss = LmTraining.meanLoss(model, batches);
        TransitionAccuracy acc = TransitionAccuracy.sample(model, fsm, config.getInt("eval.prompts"),
                config.getInt("eval.sample_states"), config.getDouble("eval.temperature"), samplingStream);
        return Map.of("val_loss", valLoss, "val_loss_floor", lossFloor(),
                "transition_accuracy", acc.accuracy(), "well_formed_states", acc.wellFormedFraction());
    }

    /** {inputs, targets} of {@code count} fresh walks: BOS and the digits but the last, scored on all digits. */
    private Tensor[] batch(SplittableRandom rng, int count) {
        int states = config.getInt("data.states");
        int length = states * fsm.digits();
        int[] tokens = fsm.sequences(count, states, rng);
        int[] in = new int[count * length];
        int[] target = new int[count * length];
        for (int i = 0; i < count; i++) {
            System.arraycopy(tokens, i * (length + 1), in, i * length, length);
            System.arraycopy(tokens, i * (length + 1) + 1, target, i * length, length);
        }
        return new Tensor[] {Tensor.ofInts(in, count, length), Tensor.ofInts(target, count, length)};
    }

    /**
     * The entropy of a walk per scored token: the uniform start state carries ln N nats and every later state
     * ln k (its k successors are distinct and equally likely), spread over the walk's digits.
     */
    public double lossFloor() {
        int states = config.getInt("data.states");
        double nats = Math.log(fsm.states()) + (states - 1) * Math.log(config.getInt("fsm.successors"));
        return nats / (states * fsm.digits());
    }
}
