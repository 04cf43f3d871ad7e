package org.reprolab.tensor.nn;

import org.reprolab.tensor.Conv;
import org.reprolab.tensor.Tensor;

/** Average pooling to a fixed output size whatever the input size ({@link Conv#adaptiveAvgPool2d}). */
public final class AdaptiveAvgPool2d extends Module {
    private final int outH;
    private final int outW;

    public AdaptiveAvgPool2d(int outH, int outW) {
        this.outH = outH;
        this.outW = outW;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Conv.adaptiveAvgPool2d(input, outH, outW);
    }
}
