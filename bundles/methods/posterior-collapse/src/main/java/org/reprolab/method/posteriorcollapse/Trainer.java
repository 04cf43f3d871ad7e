package org.reprolab.method.posteriorcollapse;

import java.util.List;
import java.util.random.RandomGenerator;
import org.reprolab.api.RunContext;
import org.reprolab.data.batch.MiniBatches;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.optim.Adam;

/** Adam over shuffled minibatches (epoch after epoch, the last short batch dropped) for a fixed number of steps. */
final class Trainer {

    /** The loss of one minibatch (row indices into the training set). */
    interface BatchLoss {
        Tensor loss(int[] rows);
    }

    private Trainer() {
    }

    /** Trains and returns the loss of every step. */
    static double[] train(List<Tensor> parameters, double lr, int n, int batchSize, int steps, RandomGenerator rng,
                          RunContext ctx, BatchLoss objective) {
        int batch = Math.min(batchSize, n);
        Adam adam = new Adam(parameters, lr);
        double[] curve = new double[steps];
        int step = 0;
        while (step < steps) {
            for (int[] rows : MiniBatches.shuffledEpoch(n, batch, true, rng)) {
                if (step == steps) {
                    break;
                }
                if (step % 25 == 0) {
                    ctx.checkCancelled();
                }
                adam.zeroGrad();
                Tensor loss = objective.loss(rows);
                loss.backward();
                adam.step();
                curve[step++] = loss.item();
            }
        }
        return curve;
    }

    /** Steps in {@code epochs} passes over n examples. */
    static int steps(int epochs, int n, int batchSize) {
        return epochs * Math.max(1, n / Math.min(batchSize, n));
    }

    /** The mean of the first or last {@code k} entries of a curve. */
    static double mean(double[] curve, int from, int k) {
        double s = 0;
        int m = Math.min(k, curve.length - from);
        for (int i = 0; i < m; i++) {
            s += curve[from + i];
        }
        return s / m;
    }
}
