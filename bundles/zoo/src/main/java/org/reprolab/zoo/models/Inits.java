package org.reprolab.zoo.models;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Init;

/** The transformer initialisations the zoo's architectures share. */
final class Inits {
    private Inits() {
    }

    static void normal(Tensor t, double std, Generator gen) {
        Init.normal(t, 0, std, gen);
    }

    static void zero(Tensor t) {
        Init.zeros(t);
    }
}
