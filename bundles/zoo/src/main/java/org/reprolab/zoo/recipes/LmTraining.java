package org.reprolab.zoo.recipes;

import java.util.Locale;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Losses;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.optim.AdamW;
import org.reprolab.tensor.optim.GradClip;
import org.reprolab.tensor.optim.LrScheduler;
import org.reprolab.tensor.optim.Schedule;
import org.reprolab.tensor.optim.Schedules;
import org.reprolab.zoo.BuildContext;
import org.reprolab.zoo.ZooConfig;
import org.reprolab.zoo.models.GptLM;

/**
 * The next-token training loop the zoo's language models share ({@link CharLmRecipe}, {@link TokFsmLmRecipe}):
 * cross-entropy on every target position, AdamW with weight decay on matrices, linear warm-up then cosine decay,
 * global-norm gradient clipping; also the {@link GptLM} of the {@code arch.*} settings. The loop reads the config's settings {@code train.steps}, {@code train.lr} (peak),
 * {@code train.warmup} (linear warm-up steps; 0 for none), {@code train.min_lr} (the cosine's end at the last
 * step), {@code train.beta1|beta2}, {@code train.weight_decay} and {@code train.grad_clip} (global L2 norm).
 */
final class LmTraining {

    /** The training loss reported is the mean over this many last steps. */
    static final int TAIL = 50;
    private static final int LOG_EVERY = 100;

    /** The batches a loop trains on. */
    @FunctionalInterface
    interface Batches {
        /** {inputs, targets}, both INT32 [batch, time], for a step (called once per step, in order). */
        Tensor[] next(int step);
    }

    private LmTraining() {
    }

    /** The {@link GptLM.Config} of a config's settings {@code arch.vocab|d|layers|heads|ffn|context}. */
    static GptLM.Config architecture(ZooConfig config) {
        return new GptLM.Config(config.getInt("arch.vocab"), config.getInt("arch.d"), config.getInt("arch.layers"),
                config.getInt("arch.heads"), config.getInt("arch.ffn"), config.getInt("arch.context"));
    }

    /** Trains the LM (ids [B, T] → logits [B, T, V]) and returns its train loss, the mean of the last steps. */
    static double train(Module model, BuildContext ctx, Batches batches) {
        ZooConfig config = ctx.config();
        int steps = config.getInt("train.steps");
        double clip = config.getDouble("train.grad_clip");
        AdamW opt = Optimizers.adamWOnMatrices(model, config.getDouble("train.lr"),
                config.getDouble("train.weight_decay"), config.getDouble("train.beta1"), config.getDouble("train.beta2"));
        LrScheduler schedule = new LrScheduler(opt, schedule(config, steps));
        model.train();
        double[] recent = new double[TAIL];
        for (int step = 0; step < steps; step++) {
            ctx.checkCancelled();
            Tensor[] io = batches.next(step);
            opt.zeroGrad();
            Tensor logits = model.forward(io[0]);
            Tensor loss = Losses.crossEntropy(logits.reshape(-1, logits.size(-1)), io[1].reshape(-1));
            loss.backward();
            GradClip.clipNorm(model.parameters(), clip);
            opt.step();
            schedule.step();
            recent[step % TAIL] = loss.item();
            ctx.progress(step + 1, steps, String.format(Locale.ROOT, "step %d/%d, loss %.3f", step + 1, steps,
                    recent[step % TAIL]));
            if ((step + 1) % LOG_EVERY == 0) {
                ctx.log().info("{}: step {}/{} loss {}", config.name(), step + 1, steps,
                        String.format(Locale.ROOT, "%.4f", recent[step % TAIL]));
            }
        }
        int kept = Math.min(steps, TAIL);
        double trainLoss = 0;
        for (int i = 0; i < kept; i++) {
            trainLoss += recent[i] / kept;
        }
        return trainLoss;
    }

    private static Schedule schedule(ZooConfig config, int steps) {
        int warmup = config.getInt("train.warmup");
        double minLr = config.getDouble("train.min_lr");
        if (warmup < 0) {
            throw new IllegalArgumentException("zoo config " + config.name() + ": train.warmup must be ≥ 0, got " + warmup);
        }
        return warmup == 0 ? Schedules.cosine(steps, minLr) : Schedules.warmupCosine(warmup, steps, minLr);
    }

    /**
     * Mean next-token cross-entropy (nats/token) of an LM over batches of equal-length sequences, in eval mode
     * without gradients; the model's training mode is restored.
     */
    static double meanLoss(Module lm, Iterable<Tensor[]> batches) {
        boolean training = lm.isTraining();
        lm.eval();
        double sum = 0;
        long rows = 0;
        try (var ignored = Autograd.noGrad()) {
            for (Tensor[] io : batches) {
                Tensor logits = lm.forward(io[0]);
                int n = io[0].size(0);
                sum += Losses.crossEntropy(logits.reshape(-1, logits.size(-1)), io[1].reshape(-1)).item() * n;
                rows += n;
            }
        } finally {
            if (training) {
                lm.train();
            }
        }
        if (rows == 0) {
            throw new IllegalArgumentException("mean loss over no sequences");
        }
        return sum / rows;
    }
}
