package org.reprolab.tensor.nn;

import org.reprolab.tensor.Tensor;

/** tanh(x), elementwise. */
public class Tanh extends Module {

    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }

    @Override
    public String toString() {
        return "Tanh";
    }
}
