package org.reprolab.tensor.nn;

import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Shapes;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;

/**
 * Batch normalisation per channel (dimension 1). Training mode normalises with batch statistics and updates
 * the running mean and (unbiased) variance with the momentum; eval mode uses the running statistics. The
 * buffers carry PyTorch's names (running_mean, running_var, num_batches_tracked) so state dicts line up.
 */
public abstract class BatchNorm extends Module {
    private final int channels;
    private final double eps;
    private final double momentum;
    private final Tensor weight;
    private final Tensor bias;

    protected BatchNorm(int channels, double eps, double momentum, boolean affine) {
        this.channels = channels;
        this.eps = eps;
        this.momentum = momentum;
        this.weight = affine ? parameter("weight", Tensor.ones(channels)) : null;
        this.bias = affine ? parameter("bias", Tensor.zeros(channels)) : null;
        buffer("running_mean", Tensor.zeros(channels));
        buffer("running_var", Tensor.ones(channels));
        buffer("num_batches_tracked", Tensor.zeros(DType.INT32));
    }

    /** Whether this variant accepts an input of the given rank. */
    protected abstract boolean acceptsRank(int rank);

    /** The accepted layouts, for error messages, e.g. "[N, C] or [N, C, L]". */
    protected abstract String layouts();

    @Override
    public Tensor forward(Tensor x) {
        if (!acceptsRank(x.rank()) || x.size(1) != channels) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "(" + channels + "): input of shape "
                    + Shapes.format(x.shape()) + " needs " + layouts() + " with C = " + channels);
        }
        if (isTraining()) {
            Tensor count = buffer("num_batches_tracked");
            try (var ignored = Autograd.noGrad()) {
                count.addInPlace(Tensor.ofInts(new int[] {1}).to(count.backend()));
            }
        }
        return Functional.batchNorm(x, runningMean(), runningVar(), weight, bias, isTraining(), momentum, eps);
    }

    public Tensor runningMean() {
        return buffer("running_mean");
    }

    public Tensor runningVar() {
        return buffer("running_var");
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }
}
