package org.reprolab.method.snnk;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.Module;

/** The SNNK-MLP: in → SNNK(hidden, ReLU-SNNK with m features) → linear classes, trained end to end by backprop. */
final class SnnkMlp extends Module {

    private final SnnkLayer snnk;
    private final Linear head;

    SnnkMlp(int in, int hidden, int features, int classes, Generator gen) {
        this.snnk = child("snnk", new SnnkLayer(in, hidden, features, gen));
        this.head = child("head", new Linear(hidden, classes, gen));
    }

    /** Logits from precomputed input features Φ(x). */
    Tensor forwardFeatures(Tensor phi) {
        return head.forward(snnk.forwardFeatures(phi));
    }

    @Override
    public Tensor forward(Tensor x) {
        return head.forward(snnk.forward(x));
    }

    SnnkLayer snnk() {
        return snnk;
    }
}
