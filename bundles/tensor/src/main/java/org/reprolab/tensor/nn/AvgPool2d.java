package org.reprolab.tensor.nn;

import org.reprolab.tensor.Conv;
import org.reprolab.tensor.Tensor;

/** Average pooling over k×k windows, padding counted ({@link Conv#avgPool2d}); the stride defaults to k. */
public final class AvgPool2d extends Module {
    private final int kernel;
    private final int stride;
    private final int padding;

    public AvgPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    public AvgPool2d(int kernel, int stride, int padding) {
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Conv.avgPool2d(input, kernel, stride, padding);
    }
}
