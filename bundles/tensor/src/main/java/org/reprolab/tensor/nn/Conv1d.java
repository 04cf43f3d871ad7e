package org.reprolab.tensor.nn;

import org.reprolab.tensor.Conv;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * A 1-d convolution layer over [N, C, L], {@link Conv#conv1d} with a learned weight [out, in/groups, k] and
 * bias [out]; initialised as PyTorch's (uniform in ±1/√fan_in, fan_in = in/groups·k).
 */
public final class Conv1d extends ConvLayer {
    private final int stride;
    private final int padding;
    private final int dilation;
    private final int groups;

    public Conv1d(int inChannels, int outChannels, int kernel, Generator gen) {
        this(inChannels, outChannels, kernel, 1, 0, 1, 1, true, gen);
    }

    public Conv1d(int inChannels, int outChannels, int kernel, int stride, int padding, int dilation, int groups,
                  boolean bias, Generator gen) {
        checkGroups("Conv1d", inChannels, outChannels, groups);
        super(new int[] {outChannels, inChannels / groups, kernel}, outChannels, bias, gen);
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.groups = groups;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Conv.conv1d(input, weight(), bias(), stride, padding, dilation, groups);
    }
}
