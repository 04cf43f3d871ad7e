package org.reprolab.method.latentquantization;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.reprolab.api.RunContext;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.optim.AdamW;
import org.reprolab.tensor.optim.GradClip;

/**
 * Trains one model: minibatches drawn uniformly from the training images, AdamW (decoupled weight decay on every
 * parameter — weights, biases and codebooks — or none), global gradient-norm clipping; then evaluates the latent on
 * every image and the reconstruction BCE on the held-out ones.
 */
final class Training {

    /** Optimisation settings shared by every model. */
    record Settings(int steps, int batch, double learningRate, double weightDecay, double clipNorm) {
    }

    /**
     * A trained model and its evaluation.
     *
     * @param latents          [n][n_z] the latent the decoder sees, for every image
     * @param heldOutBce       mean reconstruction BCE per held-out image (nats)
     * @param firstLoss        mean training loss over the first 10 % of steps
     * @param lastLoss         mean training loss over the last 10 % of steps
     * @param codebookHistory  QLAE only: codebook snapshots [snapshot][n_z][n_v], with their steps
     */
    record Trained(QuantisedAutoEncoder model, double[][] latents, double heldOutBce, double firstLoss, double lastLoss,
                   List<float[][]> codebookHistory, List<Integer> snapshotSteps) {
    }

    private static final int SNAPSHOTS = 40;
    private static final int EVAL_CHUNK = 512;

    private Training() {
    }

    static Trained run(Variant variant, SpriteData data, QuantisedAutoEncoder.Settings model, Settings settings, long seed,
                       RunContext ctx, Runnable tick) {
        Generator init = new Generator(seed);
        RandomGenerator batches = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        QuantisedAutoEncoder net = new QuantisedAutoEncoder(variant, data.pixelCount(), model, init);
        AdamW optimiser = new AdamW(net.parameters(), settings.learningRate()).weightDecay(variant.weightDecay ? settings.weightDecay() : 0);
        int window = Math.max(1, settings.steps() / 10);
        double first = 0;
        double last = 0;
        List<float[][]> history = new ArrayList<>();
        List<Integer> snapshotSteps = new ArrayList<>();
        int snapshotEvery = Math.max(1, settings.steps() / SNAPSHOTS);
        int[] train = data.train();
        int[] idx = new int[settings.batch()];
        for (int step = 1; step <= settings.steps(); step++) {
            if (net.scalarCodebooks() != null && (step == 1 || step % snapshotEvery == 0)) {
                history.add(codebook(net));
                snapshotSteps.add(step - 1);
            }
            for (int b = 0; b < idx.length; b++) {
                idx[b] = train[batches.nextInt(train.length)];
            }
            optimiser.zeroGrad();
            QuantisedAutoEncoder.Loss loss = net.loss(data.batch(idx));
            loss.total().backward();
            GradClip.clipNorm(net.parameters(), settings.clipNorm());
            optimiser.step();
            double value = loss.total().item();
            if (!Double.isFinite(value)) {
                throw new IllegalStateException(variant.label + " diverged at step " + step + " (loss " + value + ")");
            }
            if (step <= window) {
                first += value / window;
            }
            if (step > settings.steps() - window) {
                last += value / window;
            }
            if (step % 50 == 0) {
                ctx.checkCancelled();
            }
            if (step % 100 == 0) {
                tick.run();
            }
        }
        if (net.scalarCodebooks() != null) {
            history.add(codebook(net));
            snapshotSteps.add(settings.steps());
        }
        net.eval();
        try (var ignored = Autograd.noGrad()) {
            double[][] latents = new double[data.count()][];
            for (int from = 0; from < data.count(); from += EVAL_CHUNK) {
                int to = Math.min(data.count(), from + EVAL_CHUNK);
                int[] chunk = new int[to - from];
                for (int t = 0; t < chunk.length; t++) {
                    chunk[t] = from + t;
                }
                Tensor z = net.latent(data.batch(chunk));
                int nz = z.size(1);
                double[] flat = z.contiguous().toDoubleArray();
                for (int t = 0; t < chunk.length; t++) {
                    latents[from + t] = java.util.Arrays.copyOfRange(flat, t * nz, (t + 1) * nz);
                }
            }
            Tensor held = data.batch(data.heldOut());
            double bce = QuantisedAutoEncoder.reconstructionBce(net.forward(held), held).item();
            return new Trained(net, latents, bce, first, last, history, snapshotSteps);
        }
    }

    private static float[][] codebook(QuantisedAutoEncoder net) {
        Tensor v = net.scalarCodebooks().values();
        int nz = v.size(0);
        int nv = v.size(1);
        float[] flat = v.detach().contiguous().toFloatArray();
        float[][] out = new float[nz][];
        for (int j = 0; j < nz; j++) {
            out[j] = java.util.Arrays.copyOfRange(flat, j * nv, (j + 1) * nv);
        }
        return out;
    }
}
