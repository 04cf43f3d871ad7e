package org.reprolab.tensor.nn;

/** Batch normalisation of [N, C] or [N, C, L] inputs. */
public class BatchNorm1d extends BatchNorm {

    public BatchNorm1d(int channels, double eps, double momentum, boolean affine) {
        super(channels, eps, momentum, affine);
    }

    /** eps 1e-5, momentum 0.1, affine: PyTorch's defaults. */
    public BatchNorm1d(int channels) {
        this(channels, 1e-5, 0.1, true);
    }

    @Override
    protected boolean acceptsRank(int rank) {
        return rank == 2 || rank == 3;
    }

    @Override
    protected String layouts() {
        return "[N, C] or [N, C, L]";
    }
}
