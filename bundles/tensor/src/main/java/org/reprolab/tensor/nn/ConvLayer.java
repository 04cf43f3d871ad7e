package org.reprolab.tensor.nn;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * What the convolution layers share: a learned weight and optional bias [out], registered in that order and
 * initialised as PyTorch's (Kaiming-uniform with a = √5, which reduces to uniform in ±1/√fan_in for both).
 * PyTorch takes fan_in from the weight's layout, dimension 1 times the kernel, whatever the layer means by it:
 * in/groups·Πk for a convolution [out, in/groups, k…], but out·Πk for a transposed one [in, out, k…].
 */
abstract class ConvLayer extends Module {
    private final Tensor weight;
    private final Tensor bias;

    ConvLayer(int[] weightShape, int outChannels, boolean bias, Generator gen) {
        int fanIn = 1;
        for (int d = 1; d < weightShape.length; d++) {
            fanIn *= weightShape[d];
        }
        double bound = 1 / Math.sqrt(fanIn);
        this.weight = parameter("weight", gen.uniform(-bound, bound, weightShape));
        this.bias = bias ? parameter("bias", gen.uniform(-bound, bound, outChannels)) : null;
    }

    /** Rejects a group count that does not divide both channel counts, naming the layer. */
    static void checkGroups(String layer, int inChannels, int outChannels, int groups) {
        if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException(layer + ": " + inChannels + " input and " + outChannels
                    + " output channels do not split into " + groups + " groups");
        }
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or null for a layer built without one. */
    public Tensor bias() {
        return bias;
    }
}
