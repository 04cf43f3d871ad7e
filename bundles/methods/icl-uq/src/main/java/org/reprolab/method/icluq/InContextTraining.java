package org.reprolab.method.icluq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.reprolab.api.RunContext;
import org.reprolab.data.synthetic.LinearRegressionPrompts.Prompts;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.optim.AdamW;
import org.reprolab.tensor.optim.GradClip;
import org.reprolab.tensor.optim.LrScheduler;
import org.reprolab.tensor.optim.ParamGroup;
import org.reprolab.tensor.optim.Schedules;

/**
 * Trains a transformer to output the predictive mean and variance of every label of its prompt by minimising
 * the Gaussian NLL on fresh prompts each step (the infinite-task regime: no prompt is seen twice).
 */
final class InContextTraining {

    private static final int LOG_EVERY = 250;

    /** A trained model and its per-step training loss ½·log v + (y − μ)²/(2v) (mean over the batch's positions). */
    record Trained(ModelVariant variant, UncertaintyTransformer model, double[] loss) {
    }

    /** Reports a finished step. */
    @FunctionalInterface
    interface StepListener {
        void stepDone(ModelVariant variant, int step, double loss);
    }

    private InContextTraining() {
    }

    static Trained train(ModelVariant variant, UncertaintyTransformer.Config architecture, TrainingSettings settings,
                         RunContext ctx, StepListener listener) {
        Generator init = new Generator(ctx.random("init/" + variant.name()).nextLong());
        UncertaintyTransformer model = new UncertaintyTransformer(architecture, init);
        RandomGenerator prompts = ctx.random("train-prompts/" + variant.name());
        AdamW opt = adamW(model, settings);
        LrScheduler schedule = new LrScheduler(opt, Schedules.warmupCosine(settings.warmup(), settings.steps(),
                settings.minLr()));
        double[] losses = new double[settings.steps()];
        model.train();
        for (int step = 0; step < settings.steps(); step++) {
            ctx.checkCancelled();
            Prompts batch = variant.task().sample(settings.batch(), prompts);
            opt.zeroGrad();
            Tensor loss = GaussianNll.loss(model.predict(PromptTokens.encode(batch)), PromptTokens.labels(batch));
            loss.backward();
            if (settings.clip() > 0) {
                GradClip.clipNorm(model.parameters(), settings.clip());
            }
            opt.step();
            schedule.step();
            losses[step] = loss.item();
            if (!Double.isFinite(losses[step])) {
                throw new IllegalStateException(variant.label() + ": training loss became " + losses[step] + " at step " + step);
            }
            listener.stepDone(variant, step, losses[step]);
            if ((step + 1) % LOG_EVERY == 0) {
                ctx.log().info("icl-uq {}: step {}/{} NLL {}", variant.name(), step + 1, settings.steps(),
                        String.format(Locale.ROOT, "%.4f", losses[step]));
            }
        }
        model.eval();
        return new Trained(variant, model, losses);
    }

    /** AdamW with weight decay on weight matrices and embeddings only (not on biases and LayerNorm gains). */
    private static AdamW adamW(Module model, TrainingSettings settings) {
        List<Tensor> decay = new ArrayList<>();
        List<Tensor> noDecay = new ArrayList<>();
        for (Tensor p : model.parameters()) {
            (p.rank() >= 2 ? decay : noDecay).add(p);
        }
        return new AdamW(settings.lr(), new ParamGroup(decay).set(ParamGroup.WEIGHT_DECAY, settings.weightDecay()),
                new ParamGroup(noDecay).set(ParamGroup.WEIGHT_DECAY, 0));
    }
}
