package org.reprolab.method.pvrnn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.optim.Adam;

/**
 * Full-batch training by Adam with full-length BPTT on the meta-prior-weighted lower bound
 * loss = mean over sequences of Σ_t [(1/D_x)·½‖x_t − x̂_t‖² + w·Σ_l (1/D_z,l)·KL(q_t ‖ p_t)]. The same loop trains
 * PV-RNN (posterior from the adaptive vectors, trained jointly) and the VRNN (posterior from its encoder).
 */
final class Training {

    /** Loss terms per epoch: reconstruction and each layer's KL, both summed over time and averaged over sequences. */
    record History(double[] reconstruction, double[][] kl) {

        /** The loss at epoch e. */
        double loss(double w, int e) {
            double loss = reconstruction[e];
            for (double[] layer : kl) {
                loss += w * layer[e];
            }
            return loss;
        }

        /**
         * The mean loss over the first tenth of the epochs minus that over the last tenth (at least one epoch each):
         * positive when training lowered the (noisy, sampled) loss.
         */
        double lossDrop(double w) {
            int n = reconstruction.length;
            int k = Math.max(1, n / 10);
            double first = 0;
            double last = 0;
            for (int i = 0; i < k; i++) {
                first += loss(w, i) / k;
                last += loss(w, n - 1 - i) / k;
            }
            return first - last;
        }
    }

    private Training() {
    }

    /**
     * Trains {@code net} and {@code extra} (adaptive vectors or encoder weights) on {@code data} [T, batch, 2] for
     * {@code epochs} epochs; {@code source} gives the posterior for a noise stream. {@code onEpoch} runs after each
     * epoch (progress, cancellation checks).
     */
    static History train(PvRnn net, List<Tensor> extra, Function<RandomGenerator, LatentSource> source, Tensor data,
                         double w, int epochs, double lr, RandomGenerator noise, Runnable onEpoch) {
        List<Tensor> params = new ArrayList<>(net.parameters());
        params.addAll(extra);
        Adam adam = new Adam(params, lr);
        int layers = net.layerCount();
        double[] rec = new double[epochs];
        double[][] kl = new double[layers][epochs];
        int steps = data.size(0);
        int batch = data.size(1);
        for (int epoch = 0; epoch < epochs; epoch++) {
            adam.zeroGrad();
            Rollout r = net.rollout(NetState.zeros(net, batch), 0, steps, source.apply(noise));
            Tensor recon = r.reconstruction(data).mean();
            Tensor loss = recon;
            for (int l = 0; l < layers; l++) {
                Tensor k = r.kl(l).mean();
                kl[l][epoch] = k.item();
                loss = loss.add(k.mul(w));
            }
            rec[epoch] = recon.item();
            if (!Double.isFinite(loss.item())) {
                throw new IllegalStateException("training diverged at epoch " + epoch + " (w = " + w + ", loss " + loss.item() + ")");
            }
            loss.backward();
            adam.step();
            onEpoch.run();
        }
        return new History(rec, kl);
    }
}
