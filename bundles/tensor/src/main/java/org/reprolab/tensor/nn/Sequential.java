package org.reprolab.tensor.nn;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.tensor.Tensor;

/** Modules applied in order; children are named "0", "1", … as in PyTorch, so parameters read "0.weight". */
public class Sequential extends Module {
    private final List<Module> layers = new ArrayList<>();

    public Sequential(Module... layers) {
        for (Module m : layers) {
            add(m);
        }
    }

    /** Appends a module (named by its position) and returns this. */
    public Sequential add(Module module) {
        layers.add(child(Integer.toString(layers.size()), module));
        return this;
    }

    public Module get(int index) {
        return layers.get(index);
    }

    public int size() {
        return layers.size();
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = x;
        for (Module m : layers) {
            y = m.forward(y);
        }
        return y;
    }
}
