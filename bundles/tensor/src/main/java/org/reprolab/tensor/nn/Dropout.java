package org.reprolab.tensor.nn;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/** Inverted dropout: in training, zeroes elements with probability p and scales the rest by 1/(1 − p). */
public class Dropout extends Module {
    private final double p;
    private final Generator gen;

    public Dropout(double p, Generator gen) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Dropout: p = " + p + " is outside [0, 1]");
        }
        this.p = p;
        this.gen = gen;
    }

    @Override
    public Tensor forward(Tensor x) {
        return Functional.dropout(x, p, isTraining(), gen);
    }

    public double p() {
        return p;
    }

    @Override
    public String toString() {
        return "Dropout(" + p + ")";
    }
}
