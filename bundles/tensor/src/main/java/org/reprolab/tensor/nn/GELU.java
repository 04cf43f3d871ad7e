package org.reprolab.tensor.nn;

import org.reprolab.tensor.Tensor;

/** x·Φ(x), the exact (erf) form, elementwise. */
public class GELU extends Module {

    @Override
    public Tensor forward(Tensor x) {
        return x.gelu();
    }

    @Override
    public String toString() {
        return "GELU";
    }
}
