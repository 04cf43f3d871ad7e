package org.reprolab.method.pvrnn;

import java.util.random.RandomGenerator;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Tensor;

/**
 * The generation modes of a trained PV-RNN and the twin-trajectory test for deterministic chaos. Everything runs
 * without gradients, in double precision.
 */
final class Generation {

    /** A batch of generated sequences [n][steps][2] and the network state after the last step. */
    record Generated(double[][][] sequences, NetState end, Rollout rollout) {
    }

    private Generation() {
    }

    /** Posterior reconstruction of the training sequences: z = μ_q of the trained adaptive vectors. */
    static Generated posterior(PvRnn net, AdaptiveVectors vectors, int sequences) {
        return run(net, NetState.zeros(net, sequences), vectors.steps(), vectors.source(null));
    }

    /**
     * Free generation aligned with the training sequences: z_1 = μ_q,1 (the same initial latent state as the posterior
     * reconstruction), then z_t sampled from the prior.
     */
    static Generated alignedFree(PvRnn net, AdaptiveVectors vectors, int sequences, RandomGenerator rng) {
        LatentSource posterior = vectors.source(null);
        LatentSource prior = LatentSource.priorSample(rng);
        return run(net, NetState.zeros(net, sequences), vectors.steps(),
                (layer, t, p, d) -> t == 0 ? new LatentSource.Latent(posterior.draw(layer, t, p, d).z(), null) : prior.draw(layer, t, p, d));
    }

    /** Free generation from d₀ = 0 with every z sampled from the prior. */
    static Generated free(PvRnn net, int sequences, int steps, RandomGenerator rng) {
        return run(net, NetState.zeros(net, sequences), steps, LatentSource.priorSample(rng));
    }

    /**
     * Mean-prior generation: z_1 is drawn once from the unit-Gaussian prior of the first step (it is what makes the
     * sequences differ), and every later z_t = μ_p — a deterministic dynamical system from then on.
     */
    static Generated meanPrior(PvRnn net, int sequences, int steps, RandomGenerator rng) {
        LatentSource sample = LatentSource.priorSample(rng);
        LatentSource mean = LatentSource.priorMean();
        return run(net, NetState.zeros(net, sequences), steps, (layer, t, p, d) -> t == 0 ? sample.draw(layer, t, p, d) : mean.draw(layer, t, p, d));
    }

    /**
     * Twin trajectories: from {@code start} (at absolute step {@code t0}) and from the same state with 1e-6 (or
     * {@code delta}) added to the top layer's h, both under mean-prior dynamics; returns the output distance
     * ‖x̂ − x̂′‖ per pair and step, [pairs][steps].
     */
    static double[][] twinDistances(PvRnn net, NetState start, int t0, int steps, double delta) {
        Generated a = run(net, start, t0, steps, LatentSource.priorMean());
        Generated b = run(net, start.perturbed(net.layerCount() - 1, delta), t0, steps, LatentSource.priorMean());
        double[][] out = new double[a.sequences.length][steps];
        for (int s = 0; s < out.length; s++) {
            for (int t = 0; t < steps; t++) {
                out[s][t] = Math.hypot(a.sequences[s][t][0] - b.sequences[s][t][0], a.sequences[s][t][1] - b.sequences[s][t][1]);
            }
        }
        return out;
    }

    private static Generated run(PvRnn net, NetState start, int steps, LatentSource source) {
        return run(net, start, 0, steps, source);
    }

    private static Generated run(PvRnn net, NetState start, int t0, int steps, LatentSource source) {
        try (var ignored = Autograd.noGrad()) {
            Rollout r = net.rollout(start, t0, steps, source);
            return new Generated(r.outputArrays(), r.end(), r);
        }
    }

    /** The mean squared error per coordinate between two sets of sequences of equal shape. */
    static double mse(double[][][] a, double[][][] b) {
        double sum = 0;
        long n = 0;
        for (int s = 0; s < a.length; s++) {
            for (int t = 0; t < a[s].length; t++) {
                for (int c = 0; c < a[s][t].length; c++) {
                    double e = a[s][t][c] - b[s][t][c];
                    sum += e * e;
                    n++;
                }
            }
        }
        return sum / n;
    }

    /** σ_p of one layer averaged over sequences and units, per step from the second on: [steps − 1]. */
    static double[] priorSigmaOverTime(Rollout r, int layer) {
        Tensor sigma = r.priorSigma(layer);
        double[] flat = sigma.contiguous().toDoubleArray();
        int steps = sigma.size(0);
        int per = flat.length / steps;
        double[] out = new double[steps - 1];
        for (int t = 1; t < steps; t++) {
            double sum = 0;
            for (int i = 0; i < per; i++) {
                sum += flat[t * per + i];
            }
            out[t - 1] = sum / per;
        }
        return out;
    }
}
