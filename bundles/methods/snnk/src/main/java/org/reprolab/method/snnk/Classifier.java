package org.reprolab.method.snnk;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.reprolab.api.RunContext;
import org.reprolab.data.batch.MiniBatches;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.nn.Losses;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.optim.Adam;
import org.reprolab.tensor.optim.Optimizer;

/**
 * Trains a classifier by Adam on softmax cross-entropy, and measures its accuracy. The model is given as its
 * parameters plus a map from a batch of stored inputs (raw pixels, or precomputed SNNK features) to logits.
 */
final class Classifier {

    private static final int EVAL_BATCH = 1000;

    record Schedule(int epochs, int batch, double learningRate) {
    }

    private Classifier() {
    }

    /** Runs the schedule; returns the last epoch's mean training loss. */
    static double train(Module model, UnaryOperator<Tensor> logits, Tensor inputs, int[] labels, Schedule s,
                        RandomGenerator order, RunContext ctx, String name) {
        Optimizer opt = new Adam(model.parameters(), s.learningRate());
        double epochLoss = Double.NaN;
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            double sum = 0;
            int batches = 0;
            for (int[] rows : MiniBatches.shuffledEpoch(labels.length, s.batch(), false, order)) {
                ctx.checkCancelled();
                int[] y = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    y[i] = labels[rows[i]];
                }
                opt.zeroGrad();
                Tensor loss = Losses.crossEntropy(logits.apply(inputs.indexSelect(0, Tensor.ofInts(rows, rows.length))),
                        Tensor.ofInts(y, y.length));
                loss.backward();
                opt.step();
                sum += loss.item();
                batches++;
            }
            epochLoss = sum / batches;
            ctx.log().info("{}: epoch {}/{} mean training loss {}", name, epoch + 1, s.epochs(),
                    String.format(Locale.ROOT, "%.4f", epochLoss));
        }
        return epochLoss;
    }

    /** The fraction of inputs whose arg-max logit is their label. */
    static double accuracy(UnaryOperator<Tensor> logits, Tensor inputs, int[] labels) {
        long correct = 0;
        try (var ignored = Autograd.noGrad()) {
            for (int at = 0; at < labels.length; at += EVAL_BATCH) {
                int len = Math.min(EVAL_BATCH, labels.length - at);
                Tensor predicted = logits.apply(inputs.narrow(0, at, len)).argmax(1);
                Tensor truth = Tensor.ofInts(Arrays.copyOfRange(labels, at, at + len), len);
                correct += (long) predicted.eq(truth).to(DType.INT32).sum().item();
            }
        }
        return correct / (double) labels.length;
    }

    /** The number of trainable scalars. */
    static long trainableParameters(Module model) {
        return model.parameters().stream().mapToLong(Tensor::numel).sum();
    }
}
