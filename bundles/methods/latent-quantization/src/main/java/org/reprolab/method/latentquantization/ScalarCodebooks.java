package org.reprolab.method.latentquantization;

import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Module;

/**
 * QLAE's latent quantiser (paper §3): dimension j of the continuous code z_c has its own learnable scalar codebook
 * v_j ∈ R^{n_v}, initialised evenly on [−0.5, 0.5]; each z_c,j is replaced by its nearest value of v_j, and the
 * decoder sees z = z_c + sg(z_q − z_c) (straight-through: z_q forwards, the identity gradient reaches z_c).
 */
final class ScalarCodebooks extends Module {

    private final Tensor values;

    ScalarCodebooks(int dims, int valuesPerDim) {
        if (dims < 1 || valuesPerDim < 2) {
            throw new IllegalArgumentException("need ≥ 1 latent dimension and ≥ 2 values per codebook, got " + dims + " and " + valuesPerDim);
        }
        float[] init = new float[dims * valuesPerDim];
        for (int j = 0; j < dims; j++) {
            for (int v = 0; v < valuesPerDim; v++) {
                init[j * valuesPerDim + v] = (float) (-0.5 + (double) v / (valuesPerDim - 1));
            }
        }
        this.values = parameter("values", Tensor.of(init, dims, valuesPerDim));
    }

    /** The codebooks, [n_z, n_v]. */
    Tensor values() {
        return values;
    }

    @Override
    public Tensor forward(Tensor continuous) {
        return quantise(continuous).straightThrough();
    }

    /** Quantises z_c [B, n_z]. */
    Quantised quantise(Tensor continuous) {
        int b = continuous.size(0);
        int dims = values.size(0);
        int n = values.size(1);
        if (continuous.rank() != 2 || continuous.size(1) != dims) {
            throw new IllegalArgumentException("expected codes [B, " + dims + "], got " + java.util.Arrays.toString(continuous.shape()));
        }
        Tensor index = continuous.detach().unsqueeze(2).sub(values.detach().unsqueeze(0)).abs().argmin(2); // [B, n_z]
        Tensor quantised = values.unsqueeze(0).expand(b, dims, n).gather(2, index.unsqueeze(2)).squeeze(2);
        return new Quantised(continuous, quantised, index);
    }
}
