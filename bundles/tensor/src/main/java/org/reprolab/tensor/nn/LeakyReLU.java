package org.reprolab.tensor.nn;

import org.reprolab.tensor.Tensor;

/** max(x, slope·x) for a slope in [0, 1) (PyTorch's default 0.01), elementwise. */
public class LeakyReLU extends Module {
    private final double negativeSlope;

    public LeakyReLU(double negativeSlope) {
        if (!(negativeSlope >= 0 && negativeSlope < 1)) {
            throw new IllegalArgumentException("LeakyReLU: slope " + negativeSlope + " is outside [0, 1)");
        }
        this.negativeSlope = negativeSlope;
    }

    public LeakyReLU() {
        this(0.01);
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.maximum(x.mul(negativeSlope));
    }

    @Override
    public String toString() {
        return "LeakyReLU(" + negativeSlope + ")";
    }
}
