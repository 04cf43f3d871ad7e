package org.reprolab.method.pvrnn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;

/**
 * The adaptive vectors A: free parameters, one set per sequence, time step and layer, that define PV-RNN's
 * approximate posterior μ_q = tanh(A^μ_t), σ_q = exp(A^σ_t). Layer l's store is the [sequences, T, 2z_l] tensor of
 * the paper, held as T leaf tensors [sequences, 2z_l] so that a time window can be optimised on its own. All start
 * at 0 (the posterior N(0, 1)).
 */
final class AdaptiveVectors {

    private final int[] z;
    private final List<List<Tensor>> store = new ArrayList<>();

    /** Zero vectors for {@code sequences} sequences of {@code steps} steps and the layers' latent sizes. */
    AdaptiveVectors(int sequences, int steps, List<LayerSize> sizes) {
        this.z = sizes.stream().mapToInt(LayerSize::z).toArray();
        for (int width : z) {
            List<Tensor> layer = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                layer.add(Tensor.zeros(DType.FLOAT64, sequences, 2 * width).requiresGrad(true));
            }
            store.add(layer);
        }
    }

    int steps() {
        return store.get(0).size();
    }

    /** The posterior q(z_t) of one layer at absolute step t. */
    Gaussian posterior(int layer, int t) {
        return Gaussian.fromRaw(store.get(layer).get(t), z[layer]);
    }

    /** Every vector of steps [from, to), all layers: the parameters error regression optimises. */
    List<Tensor> window(int from, int to) {
        List<Tensor> out = new ArrayList<>();
        for (List<Tensor> layer : store) {
            out.addAll(layer.subList(from, to));
        }
        return out;
    }

    /** All vectors: trained with the weights. */
    List<Tensor> all() {
        return window(0, steps());
    }

    /**
     * Reads z from the posterior: sampled by reparameterisation with noise from {@code rng}, or (rng null) its mean.
     */
    LatentSource source(RandomGenerator rng) {
        return (layer, t, prior, previousD) -> {
            Gaussian q = posterior(layer, t);
            Tensor zt = rng == null ? q.mean() : q.sample(Noise.normal(rng, q.mean().shape()));
            return new LatentSource.Latent(zt, q);
        };
    }
}
