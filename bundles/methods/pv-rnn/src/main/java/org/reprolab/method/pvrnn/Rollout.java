package org.reprolab.method.pvrnn;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.tensor.Tensor;

/**
 * What one rollout of {@link PvRnn} produced: the outputs x̂_t [batch, 2], every layer's prior and (where z came from
 * one) posterior per step, and the state after the last step. Gives the two terms of the lower bound per sequence.
 */
final class Rollout {

    private final List<Tensor> outputs = new ArrayList<>();
    private final List<List<Gaussian>> priors = new ArrayList<>();
    private final List<List<Gaussian>> posteriors = new ArrayList<>();
    private NetState end;

    Rollout(int layers) {
        for (int l = 0; l < layers; l++) {
            priors.add(new ArrayList<>());
            posteriors.add(new ArrayList<>());
        }
    }

    void add(Tensor output, Gaussian[] stepPriors, Gaussian[] stepPosteriors) {
        outputs.add(output);
        for (int l = 0; l < stepPriors.length; l++) {
            priors.get(l).add(stepPriors[l]);
            posteriors.get(l).add(stepPosteriors[l]);
        }
    }

    void finish(NetState state) {
        end = state;
    }

    NetState end() {
        return end;
    }

    int steps() {
        return outputs.size();
    }

    /** x̂ as [steps, batch, 2]. */
    Tensor outputs() {
        return Tensor.stack(0, outputs.toArray(Tensor[]::new));
    }

    /** x̂ as plain arrays [batch][steps][2]. */
    double[][][] outputArrays() {
        Tensor all = outputs();
        double[] flat = all.contiguous().toDoubleArray();
        int steps = all.size(0);
        int batch = all.size(1);
        double[][][] out = new double[batch][steps][PvRnn.OUTPUT];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                for (int k = 0; k < PvRnn.OUTPUT; k++) {
                    out[b][t][k] = flat[(t * batch + b) * PvRnn.OUTPUT + k];
                }
            }
        }
        return out;
    }

    /** Σ_t (1/D_x)·½‖x_t − x̂_t‖² per sequence, [batch]; {@code target} is [steps, batch, 2]. */
    Tensor reconstruction(Tensor target) {
        return target.sub(outputs()).square().sum(2).sum(0).mul(0.5 / PvRnn.OUTPUT);
    }

    /** Σ_t (1/D_z)·KL(q_t ‖ p_t) of one layer per sequence, [batch]; needs a posterior at every step. */
    Tensor kl(int layer) {
        List<Gaussian> q = posteriors.get(layer);
        if (q.contains(null)) {
            throw new IllegalStateException("layer " + layer + " drew some z from the prior: no KL term");
        }
        Gaussian p = stack(priors.get(layer));
        Tensor perUnit = stack(q).klTo(p);
        return perUnit.sum(2).sum(0).div(perUnit.size(2));
    }

    /** σ_p of one layer, [steps, batch, z]. */
    Tensor priorSigma(int layer) {
        return stack(priors.get(layer)).sigma();
    }

    private static Gaussian stack(List<Gaussian> g) {
        return new Gaussian(Tensor.stack(0, g.stream().map(Gaussian::mean).toArray(Tensor[]::new)),
                Tensor.stack(0, g.stream().map(Gaussian::logSigma).toArray(Tensor[]::new)));
    }
}
