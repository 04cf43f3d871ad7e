package org.reprolab.method.pvrnn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.nn.Module;

/**
 * The VRNN baseline's amortised inference (Chung et al.): per layer, a one-hidden-layer MLP (64 tanh units) maps
 * [x_t, d_{t−1}] to the raw posterior, μ_q = tanh(·), σ_q = exp(·) — the same parameterisation as PV-RNN's adaptive
 * vectors, but computed from the observation instead of being free per-sequence parameters.
 */
final class Encoder extends Module {

    /** Hidden units of each layer's encoder MLP. */
    static final int HIDDEN = 64;

    private final int[] z;
    private final List<Tensor[]> weights = new ArrayList<>();

    Encoder(List<LayerSize> sizes, RandomGenerator init) {
        z = sizes.stream().mapToInt(LayerSize::z).toArray();
        for (int l = 0; l < sizes.size(); l++) {
            int in = PvRnn.OUTPUT + sizes.get(l).d();
            weights.add(new Tensor[] {
                parameter("w1_" + l, MtrnnLayer.uniform(init, 1 / Math.sqrt(in), in, HIDDEN)),
                parameter("b1_" + l, Tensor.zeros(DType.FLOAT64, HIDDEN)),
                parameter("w2_" + l, MtrnnLayer.uniform(init, 1 / Math.sqrt(HIDDEN), HIDDEN, 2 * z[l])),
                parameter("b2_" + l, Tensor.zeros(DType.FLOAT64, 2 * z[l]))});
        }
    }

    /** q(z_t | x_t, d_{t−1}) of one layer. */
    Gaussian posterior(int layer, Tensor x, Tensor previousD) {
        Tensor[] w = weights.get(layer);
        Tensor hidden = Tensor.cat(1, x, previousD).matmul(w[0]).add(w[1]).tanh();
        return Gaussian.fromRaw(hidden.matmul(w[2]).add(w[3]), z[layer]);
    }

    /**
     * Reads z from the encoder's posterior given the observations {@code data} [T, batch, 2] (absolute steps):
     * sampled with noise from {@code rng}, or (rng null) its mean.
     */
    LatentSource source(Tensor data, RandomGenerator rng) {
        return (layer, t, prior, previousD) -> {
            Gaussian q = posterior(layer, data.select(0, t), previousD);
            Tensor zt = rng == null ? q.mean() : q.sample(Noise.normal(rng, q.mean().shape()));
            return new LatentSource.Latent(zt, q);
        };
    }

    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("the encoder is used through source(data, rng)");
    }
}
