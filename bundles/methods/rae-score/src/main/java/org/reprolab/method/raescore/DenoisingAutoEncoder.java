package org.reprolab.method.raescore;

import java.util.random.RandomGenerator;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.nn.MLP;
import org.reprolab.tensor.nn.Tanh;

/**
 * The denoising auto-encoder (Section 3.2 of the paper): an MLP d → hidden → hidden → d with tanh units trained on
 * E_{x, ε~N(0,σ²I)} ‖r(x + ε) − x‖². Its exact optimum is r(x̃) = x̃ + σ²∇log p_σ(x̃), with p_σ = p ∗ N(0, σ²I).
 */
final class DenoisingAutoEncoder extends RegularizedAutoEncoder {

    private final MLP net;

    DenoisingAutoEncoder(int dim, int hidden, double sigma, Generator init) {
        super(dim, sigma, DType.FLOAT32);
        this.net = child("net", new MLP(new int[] {dim, hidden, hidden, dim}, Tanh::new, init));
    }

    @Override
    public Tensor forward(Tensor x) {
        return net.forward(x);
    }

    @Override
    Tensor criterion(Tensor clean, RandomGenerator noise) {
        Tensor corrupted = clean.add(gaussianNoise(clean.size(0), noise));
        return forward(corrupted).sub(clean).square().sum(1).mean();
    }
}
