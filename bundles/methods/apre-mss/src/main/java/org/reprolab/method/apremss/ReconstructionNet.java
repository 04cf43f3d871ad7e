package org.reprolab.method.apremss;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.nn.ReLU;
import org.reprolab.tensor.nn.Sequential;

/**
 * The auto-encoder of the paper in its two forms: the plain AE (linear output μ, trained by mean squared error) and
 * the probabilistic AE (PAE), whose last layer emits 2d values split into a mean μ and a raw variance s with
 * σ² = softplus(s) + 1e-5 per coordinate, trained by the probabilistic reconstruction error PRE (Gaussian negative
 * log-likelihood up to constants). Every hidden layer, the code included, is followed by a ReLU.
 */
final class ReconstructionNet extends Module {

    /** The variance floor added after the softplus, as in the authors' code. */
    static final double VARIANCE_FLOOR = 1e-5;

    private final int dims;
    private final boolean probabilistic;
    private final Sequential layers;

    /** A network for d-dimensional inputs; {@code probabilistic} adds the per-coordinate variance head. */
    ReconstructionNet(int dims, boolean probabilistic, Generator init) {
        this.dims = dims;
        this.probabilistic = probabilistic;
        int[] widths = Architecture.widths(dims);
        Sequential net = new Sequential();
        for (int i = 0; i + 1 < widths.length; i++) {
            boolean last = i + 2 == widths.length;
            net.add(new Linear(widths[i], last && probabilistic ? 2 * widths[i + 1] : widths[i + 1], init));
            if (!last) {
                net.add(new ReLU());
            }
        }
        this.layers = child("layers", net);
    }

    /** μ(x) and, for the PAE, σ²(x); both [n, d]. */
    record Output(Tensor mean, Tensor variance) {
    }

    boolean probabilistic() {
        return probabilistic;
    }

    @Override
    public Tensor forward(Tensor x) {
        return layers.forward(x);
    }

    /** The reconstruction of a batch x [n, d]. */
    Output reconstruct(Tensor x) {
        if (x.rank() != 2 || x.size(1) != dims) {
            throw new IllegalArgumentException("expected inputs [n, " + dims + "], got " + java.util.Arrays.toString(x.shape()));
        }
        Tensor out = forward(x);
        if (!probabilistic) {
            return new Output(out, null);
        }
        Tensor[] parts = out.split(1, dims, dims);
        return new Output(parts[0], parts[1].softplus().add(VARIANCE_FLOOR));
    }

    /** The training loss on a batch: MSE for the AE, PRE (α = β = 1) for the PAE, both averaged over coordinates. */
    Tensor trainingLoss(Tensor x) {
        Output o = reconstruct(x);
        Tensor squared = x.sub(o.mean()).square();
        return probabilistic ? squared.div(o.variance()).add(o.variance().log()).mean() : squared.mean();
    }
}
