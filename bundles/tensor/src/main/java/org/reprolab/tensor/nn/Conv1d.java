package org.reprolab.tensor.nn;

import org.reprolab.tensor.Conv;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * A 1-d convolution layer over [N, C, L], {@link Conv#conv1d} with a learned weight [out, in/groups, k] and
 * bias [out]; initialised as PyTorch's (uniform in ±1/√fan_in, fan_in = in/groups·k).
 */
public final class Conv1d extends Module {
    private final Tensor weight;
    private final Tensor bias;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final int groups;

    public Conv1d(int inChannels, int outChannels, int kernel, Generator gen) {
        this(inChannels, outChannels, kernel, 1, 0, 1, 1, true, gen);
    }

    public Conv1d(int inChannels, int outChannels, int kernel, int stride, int padding, int dilation, int groups,
                  boolean bias, Generator gen) {
        if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("Conv1d: " + inChannels + " input and " + outChannels
                    + " output channels do not split into " + groups + " groups");
        }
        double bound = 1 / Math.sqrt((double) inChannels / groups * kernel);
        this.weight = parameter("weight", gen.uniform(-bound, bound, outChannels, inChannels / groups, kernel));
        this.bias = bias ? parameter("bias", gen.uniform(-bound, bound, outChannels)) : null;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.groups = groups;
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or null for a layer built without one. */
    public Tensor bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Conv.conv1d(input, weight, bias, stride, padding, dilation, groups);
    }
}
