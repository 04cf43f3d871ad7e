package org.reprolab.tensor.nn;

import org.reprolab.tensor.Conv;
import org.reprolab.tensor.Tensor;

/** Max pooling over k×k windows ({@link Conv#maxPool2d}); the stride defaults to the kernel size. */
public final class MaxPool2d extends Module {
    private final int kernel;
    private final int stride;
    private final int padding;

    public MaxPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    public MaxPool2d(int kernel, int stride, int padding) {
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Conv.maxPool2d(input, kernel, stride, padding);
    }
}
