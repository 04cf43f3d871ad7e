package org.reprolab.tensor.nn;

import org.reprolab.tensor.Conv;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * A 2-d convolution layer, {@link Conv#conv2d} with a learned weight [out, in/groups, k, k] and bias [out].
 * Initialised as PyTorch's: weight and bias uniform in ±1/√fan_in, fan_in = in/groups·k·k (Kaiming-uniform
 * with a = √5).
 */
public final class Conv2d extends ConvLayer {
    private final int stride;
    private final int padding;
    private final int dilation;
    private final int groups;

    public Conv2d(int inChannels, int outChannels, int kernel, Generator gen) {
        this(inChannels, outChannels, kernel, 1, 0, gen);
    }

    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, Generator gen) {
        this(inChannels, outChannels, kernel, stride, padding, 1, 1, true, gen);
    }

    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, int dilation, int groups,
                  boolean bias, Generator gen) {
        checkGroups("Conv2d", inChannels, outChannels, groups);
        super(new int[] {outChannels, inChannels / groups, kernel, kernel}, outChannels, bias, gen);
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.groups = groups;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Conv.conv2d(input, weight(), bias(), stride, stride, padding, padding, dilation, dilation, groups);
    }
}
