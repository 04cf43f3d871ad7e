package org.reprolab.tensor.nn;

import org.reprolab.tensor.Tensor;

/** σ(x) = 1/(1 + e^(−x)), elementwise. */
public class Sigmoid extends Module {

    @Override
    public Tensor forward(Tensor x) {
        return x.sigmoid();
    }

    @Override
    public String toString() {
        return "Sigmoid";
    }
}
