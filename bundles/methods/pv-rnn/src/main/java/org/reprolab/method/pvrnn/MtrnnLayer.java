package org.reprolab.method.pvrnn;

import java.util.random.RandomGenerator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.nn.Module;

/**
 * One PV-RNN layer: a multiple-timescale leaky-integrator RNN with deterministic units d_t and stochastic units z_t.
 * The prior over z_t is computed from the layer's previous deterministic state, μ_p = tanh(W_μ d_{t−1}),
 * σ_p = exp(W_σ d_{t−1}); the internal state integrates with time constant τ,
 * h_t = (1 − 1/τ) h_{t−1} + (1/τ)(W_dd d_{t−1} + W_dz z_t + W_top d^{higher}_{t−1} + b), d_t = tanh(h_t).
 * The three input matrices are stored as one [d_{t−1} | z_t | d^{higher}_{t−1}] → d matrix.
 */
final class MtrnnLayer extends Module {

    private final LayerSize size;
    private final int higher;
    private final Tensor input;
    private final Tensor bias;
    private final Tensor prior;

    /**
     * A layer of the given size receiving the previous deterministic state of a layer with {@code higher} units
     * (0 for the top layer). Weights are uniform in ±1/√fan-in, biases zero, all in double precision.
     */
    MtrnnLayer(LayerSize size, int higher, RandomGenerator init) {
        this.size = size;
        this.higher = higher;
        int fanIn = size.d() + size.z() + higher;
        this.input = parameter("input", uniform(init, 1 / Math.sqrt(fanIn), fanIn, size.d()));
        this.bias = parameter("bias", Tensor.zeros(DType.FLOAT64, size.d()));
        this.prior = parameter("prior", uniform(init, 1 / Math.sqrt(size.d()), size.d(), 2 * size.z()));
    }

    static Tensor uniform(RandomGenerator rng, double bound, int rows, int cols) {
        double[] w = new double[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = (2 * rng.nextDouble() - 1) * bound;
        }
        return Tensor.of(w, rows, cols);
    }

    LayerSize size() {
        return size;
    }

    /** The prior p(z_t | d_{t−1}); a unit Gaussian at the first step (t = 0 here). */
    Gaussian prior(int t, Tensor previousD) {
        if (t == 0) {
            return Gaussian.standard(previousD.size(0), size.z());
        }
        return Gaussian.fromRaw(previousD.matmul(prior), size.z());
    }

    /** The next internal state h_t from h_{t−1}, d_{t−1}, z_t and the higher layer's d_{t−1} (null for the top). */
    Tensor integrate(Tensor previousH, Tensor previousD, Tensor z, Tensor higherD) {
        Tensor in = higher == 0 ? Tensor.cat(1, previousD, z) : Tensor.cat(1, previousD, z, higherD);
        Tensor drive = in.matmul(input).add(bias);
        double leak = 1 / size.tau();
        return previousH.mul(1 - leak).add(drive.mul(leak));
    }

    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("an MTRNN layer is stepped by PvRnn.rollout");
    }
}
