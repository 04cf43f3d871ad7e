package org.reprolab.tensor.nn;

import org.reprolab.tensor.Tensor;

/** x·σ(x) (swish), elementwise. */
public class SiLU extends Module {

    @Override
    public Tensor forward(Tensor x) {
        return x.silu();
    }

    @Override
    public String toString() {
        return "SiLU";
    }
}
