package org.reprolab.tensor.nn;

/** Batch normalisation of [N, C, H, W] inputs. */
public class BatchNorm2d extends BatchNorm {

    public BatchNorm2d(int channels, double eps, double momentum, boolean affine) {
        super(channels, eps, momentum, affine);
    }

    /** eps 1e-5, momentum 0.1, affine: PyTorch's defaults. */
    public BatchNorm2d(int channels) {
        this(channels, 1e-5, 0.1, true);
    }

    @Override
    protected boolean acceptsRank(int rank) {
        return rank == 4;
    }

    @Override
    protected String layouts() {
        return "[N, C, H, W]";
    }
}
