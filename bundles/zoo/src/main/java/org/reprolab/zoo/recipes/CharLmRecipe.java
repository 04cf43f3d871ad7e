package org.reprolab.zoo.recipes;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.reprolab.data.text.CharTokenizer;
import org.reprolab.data.text.TextCorpus;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.nn.Module;
import org.reprolab.zoo.BuildContext;
import org.reprolab.zoo.ZooConfig;
import org.reprolab.zoo.ZooRecipe;
import org.reprolab.zoo.models.GptLM;

/**
 * A character-level {@link GptLM} trained on the text corpus's train split (methods/quantization.md,
 * {@code tiny-lm-char}). Settings:
 * <ul>
 * <li>{@code arch.vocab|d|layers|heads|ffn|context}: the {@link GptLM.Config}.</li>
 * <li>{@code train.steps}, {@code train.batch}: updates, each on {@code batch} windows of {@code context}
 * characters (see {@link CharWindows}) starting at positions drawn uniformly from the train split.</li>
 * <li>{@code train.lr} (peak), {@code train.warmup} (linear warm-up steps), {@code train.min_lr} (the cosine's
 * end at the last step), {@code train.beta1|beta2}, {@code train.weight_decay} (on matrices only),
 * {@code train.grad_clip} (global L2 norm): the zoo LMs' shared loop, {@code LmTraining}.</li>
 * <li>{@code eval.windows}: the val loss is the mean over this many windows spread evenly over the val split.</li>
 * </ul>
 * Metrics: {@code val_loss} (nats/char) and {@code train_loss}, the mean of the last 50 steps.
 * The config's data is {@link #corpusData} of the corpus it trains on, so another corpus gives another entry.
 */
public final class CharLmRecipe implements ZooRecipe {

    private static final int EVAL_BATCH = 32;

    private final ZooConfig config;
    private final String description;
    private final TextCorpus corpus;

    /** A recipe whose config (with the corpus's identity as its data) comes from the corpus. */
    public CharLmRecipe(TextCorpus corpus, String description, Function<String, ZooConfig> configForData) {
        this.corpus = corpus;
        this.description = description;
        this.config = configForData.apply(corpusData(corpus));
        if (!config.data().equals(corpusData(corpus))) {
            throw new IllegalArgumentException("zoo config " + config.name() + ": data must be '" + corpusData(corpus) + "'");
        }
    }

    /** How a config names the corpus it trains on: its SHA-256 and the splits used. */
    public static String corpusData(TextCorpus corpus) {
        return "text-corpus sha256:" + corpus.sha256() + " chars, train split, val split for the check";
    }

    @Override
    public ZooConfig config() {
        return config;
    }

    @Override
    public String description() {
        return description;
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
        int context = config.getInt("arch.context");
        int[] train = CharTokenizer.encode(corpus, TextCorpus.Split.TRAIN);
        int[] val = CharTokenizer.encode(corpus, TextCorpus.Split.VAL);
        int batch = config.getInt("train.batch");
        Generator windows = ctx.generator("batches");
        double trainLoss = LmTraining.train(model, ctx, step ->
                CharWindows.batch(train, windows.randint(0, train.length - context + 1, batch).toIntArray(), context));
        int[] starts = CharWindows.evenStarts(val.length, config.getInt("eval.windows"), context);
        double valLoss = CharWindows.meanLoss(model, val, starts, context, EVAL_BATCH);
        ctx.log().info("{}: val loss {} nats/char", config.name(), String.format(Locale.ROOT, "%.4f", valLoss));
        return Map.of("val_loss", valLoss, "train_loss", trainLoss);
    }
}
