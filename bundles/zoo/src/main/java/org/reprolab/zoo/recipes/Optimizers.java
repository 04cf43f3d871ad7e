package org.reprolab.zoo.recipes;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.optim.AdamW;
import org.reprolab.tensor.optim.ParamGroup;

/** Optimiser set-ups the recipes share. */
final class Optimizers {
    private Optimizers() {
    }

    /**
     * AdamW with weight decay on the matrices only: every parameter of rank ≥ 2 (Linear and conv weights,
     * embeddings, position tables) decays, biases and LayerNorm gains do not.
     */
    static AdamW adamWOnMatrices(Module model, double lr, double weightDecay, double beta1, double beta2) {
        List<Tensor> decay = new ArrayList<>();
        List<Tensor> noDecay = new ArrayList<>();
        for (Tensor p : model.parameters()) {
            (p.rank() >= 2 ? decay : noDecay).add(p);
        }
        List<ParamGroup> groups = new ArrayList<>();
        if (!decay.isEmpty()) {
            groups.add(new ParamGroup(decay).set(ParamGroup.WEIGHT_DECAY, weightDecay));
        }
        if (!noDecay.isEmpty()) {
            groups.add(new ParamGroup(noDecay).set(ParamGroup.WEIGHT_DECAY, 0));
        }
        return new AdamW(lr, groups.toArray(ParamGroup[]::new)).betas(beta1, beta2);
    }
}
