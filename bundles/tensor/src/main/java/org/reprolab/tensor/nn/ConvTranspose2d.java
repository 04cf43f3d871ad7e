package org.reprolab.tensor.nn;

import org.reprolab.tensor.Conv;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * A transposed 2-d convolution layer (learned upsampling), {@link Conv#convTranspose2d} with a weight
 * [in, out, k, k] and bias [out]. Initialised as PyTorch's, whose fan_in for this weight layout is out·k·k:
 * uniform in ±1/√fan_in.
 */
public final class ConvTranspose2d extends ConvLayer {
    private final int stride;
    private final int padding;
    private final int outputPadding;

    public ConvTranspose2d(int inChannels, int outChannels, int kernel, int stride, Generator gen) {
        this(inChannels, outChannels, kernel, stride, 0, 0, true, gen);
    }

    public ConvTranspose2d(int inChannels, int outChannels, int kernel, int stride, int padding, int outputPadding,
                           boolean bias, Generator gen) {
        super(new int[] {inChannels, outChannels, kernel, kernel}, outChannels, bias, gen);
        this.stride = stride;
        this.padding = padding;
        this.outputPadding = outputPadding;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Conv.convTranspose2d(input, weight(), bias(), stride, padding, outputPadding);
    }
}
