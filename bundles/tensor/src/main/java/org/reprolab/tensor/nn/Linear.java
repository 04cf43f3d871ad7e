package org.reprolab.tensor.nn;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * y = x·Wᵀ + b on the last dimension of x [..., in] → [..., out]. PyTorch's initialisation: W and b uniform in
 * ±1/√in (kaiming uniform with a = √5).
 */
public class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Tensor weight;
    private final Tensor bias;

    public Linear(int inFeatures, int outFeatures, boolean bias, Generator gen) {
        if (inFeatures < 1 || outFeatures < 1) {
            throw new IllegalArgumentException("Linear(" + inFeatures + " → " + outFeatures + "): sizes must be ≥ 1");
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = parameter("weight", Init.kaimingUniform(Tensor.zeros(outFeatures, inFeatures), Math.sqrt(5),
                Init.Fan.IN, Init.Nonlinearity.LEAKY_RELU, gen));
        double bound = 1 / Math.sqrt(inFeatures);
        this.bias = bias ? parameter("bias", Init.uniform(Tensor.zeros(outFeatures), -bound, bound, gen)) : null;
    }

    public Linear(int inFeatures, int outFeatures, Generator gen) {
        this(inFeatures, outFeatures, true, gen);
    }

    @Override
    public Tensor forward(Tensor x) {
        return Functional.linear(x, weight, bias);
    }

    /** [out, in]. */
    public Tensor weight() {
        return weight;
    }

    /** [out], or null without bias. */
    public Tensor bias() {
        return bias;
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    @Override
    public String toString() {
        return "Linear(" + inFeatures + " → " + outFeatures + (bias == null ? ", no bias)" : ")");
    }
}
