package org.reprolab.method.latentquantization;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Module;

/**
 * The VQ-VAE-style alternative to QLAE: one shared codebook of K vectors of size n_z; the whole code z_c is replaced
 * by its nearest vector (straight-through), so the latent space holds only K points instead of n_v^{n_z}.
 */
final class GlobalCodebook extends Module {

    private final Tensor codes;

    GlobalCodebook(int dims, int size, Generator init) {
        if (dims < 1 || size < 2) {
            throw new IllegalArgumentException("need ≥ 1 latent dimension and ≥ 2 codes, got " + dims + " and " + size);
        }
        this.codes = parameter("codes", init.uniform(-0.5, 0.5, size, dims));
    }

    @Override
    public Tensor forward(Tensor continuous) {
        return quantise(continuous).straightThrough();
    }

    /** Quantises z_c [B, n_z] to its nearest code vector. */
    Quantised quantise(Tensor continuous) {
        Tensor index = continuous.detach().unsqueeze(1).sub(codes.detach().unsqueeze(0)).square().sum(2).argmin(1); // [B]
        return new Quantised(continuous, codes.indexSelect(0, index), index);
    }
}
