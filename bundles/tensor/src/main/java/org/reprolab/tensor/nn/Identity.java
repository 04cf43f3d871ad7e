package org.reprolab.tensor.nn;

import org.reprolab.tensor.Tensor;

/** Returns its input unchanged (a placeholder where a layer is optional). */
public class Identity extends Module {

    @Override
    public Tensor forward(Tensor x) {
        return x;
    }

    @Override
    public String toString() {
        return "Identity";
    }
}
