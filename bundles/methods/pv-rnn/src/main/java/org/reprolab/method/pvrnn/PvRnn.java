package org.reprolab.method.pvrnn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Module;

/**
 * The PV-RNN generative model: a stack of MTRNN layers (index 0 = bottom) with top-down connections from each
 * layer's d_{t−1} into the layer below, and the output x̂_t = tanh(W_out d^{bottom}_t). The model itself has no
 * encoder: where z comes from is decided by a {@link LatentSource}.
 */
final class PvRnn extends Module {

    /** Dimensions of the observations (2-D trajectories). */
    static final int OUTPUT = 2;

    private final List<MtrnnLayer> layers = new ArrayList<>();
    private final Tensor output;

    /** A network with the given layers, bottom first, initialised from {@code init}. */
    PvRnn(List<LayerSize> sizes, RandomGenerator init) {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("PV-RNN needs at least one layer");
        }
        for (int l = 0; l < sizes.size(); l++) {
            int higher = l + 1 < sizes.size() ? sizes.get(l + 1).d() : 0;
            layers.add(child("layer" + l, new MtrnnLayer(sizes.get(l), higher, init)));
        }
        int bottom = sizes.get(0).d();
        output = parameter("output", MtrnnLayer.uniform(init, 1 / Math.sqrt(bottom), bottom, OUTPUT));
    }

    int layerCount() {
        return layers.size();
    }

    MtrnnLayer layer(int l) {
        return layers.get(l);
    }

    List<LayerSize> sizes() {
        return layers.stream().map(MtrnnLayer::size).toList();
    }

    /**
     * Runs {@code steps} steps from {@code start}, the first one being absolute step {@code t0} (the prior is a unit
     * Gaussian at absolute step 0), drawing every z from {@code source}.
     */
    Rollout rollout(NetState start, int t0, int steps, LatentSource source) {
        int count = layers.size();
        Tensor[] h = start.h().clone();
        Tensor[] d = start.d().clone();
        Rollout out = new Rollout(count);
        for (int step = 0; step < steps; step++) {
            int t = t0 + step;
            Tensor[] nextH = new Tensor[count];
            Tensor[] nextD = new Tensor[count];
            Gaussian[] priors = new Gaussian[count];
            Gaussian[] posteriors = new Gaussian[count];
            for (int l = 0; l < count; l++) {
                MtrnnLayer layer = layers.get(l);
                priors[l] = layer.prior(t, d[l]);
                LatentSource.Latent latent = source.draw(l, t, priors[l], d[l]);
                posteriors[l] = latent.posterior();
                nextH[l] = layer.integrate(h[l], d[l], latent.z(), l + 1 < count ? d[l + 1] : null);
                nextD[l] = nextH[l].tanh();
            }
            h = nextH;
            d = nextD;
            out.add(d[0].matmul(output).tanh(), priors, posteriors);
        }
        out.finish(new NetState(h, d));
        return out;
    }

    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("PV-RNN is run by rollout(start, t0, steps, source)");
    }
}
