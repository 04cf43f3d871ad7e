package org.reprolab.method.raescore;

import java.util.random.RandomGenerator;
import org.reprolab.api.RunContext;
import org.reprolab.data.synthetic.GaussianMixture;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.optim.Adam;

/** Trains a regularised auto-encoder with Adam on fresh samples of the data distribution at every step. */
final class AutoEncoderTraining {

    /**
     * @param steps     Adam steps
     * @param batch     fresh data points per step
     * @param learningRate Adam's step size
     */
    record Settings(int steps, int batch, double learningRate) {
    }

    private AutoEncoderTraining() {
    }

    /**
     * Trains {@code model} in place and returns the criterion's value averaged over the last tenth of the steps.
     *
     * @param data  the data distribution (sampled afresh each step)
     * @param rng   the source of the data samples and of the corruption noise
     * @param ctx   the run (cancellation)
     * @param tag   the metric series the training curve is recorded under
     */
    static double train(RegularizedAutoEncoder model, GaussianMixture data, Settings settings, RandomGenerator rng,
                        RunContext ctx, String tag) {
        Adam adam = new Adam(model.parameters(), settings.learningRate());
        int tail = Math.max(1, settings.steps() / 10);
        double tailSum = 0;
        double running = Double.NaN;
        for (int step = 0; step < settings.steps(); step++) {
            if (step % 50 == 0) {
                ctx.checkCancelled();
            }
            Tensor x = model.points(data.sample(settings.batch(), rng).x());
            adam.zeroGrad();
            Tensor loss = model.criterion(x, rng);
            loss.backward();
            adam.step();
            double value = loss.item();
            running = Double.isNaN(running) ? value : 0.98 * running + 0.02 * value;
            if (step >= settings.steps() - tail) {
                tailSum += value;
            }
            if ((step + 1) % 100 == 0 || step + 1 == settings.steps()) {
                ctx.metric(tag, step + 1, running);
            }
        }
        return tailSum / tail;
    }
}
