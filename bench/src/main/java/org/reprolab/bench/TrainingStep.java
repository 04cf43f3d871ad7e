package org.reprolab.bench;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.models.ReferenceModels;
import org.reprolab.tensor.nn.Losses;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.optim.Adam;

/**
 * One Adam training step of a reference model on fixed random data, exactly as bench/torch_train.py does it
 * in PyTorch: MLP (batch 128), CNN (batch 64), transformer LM (batch 32 × 64 tokens).
 */
final class TrainingStep {
    private final Module model;
    private final Tensor input;
    private final Tensor targets;
    private final Adam optimizer;
    private final boolean sequence;

    TrainingStep(String name, long seed) {
        Generator gen = new Generator(seed);
        switch (name) {
            case "mlp" -> {
                model = ReferenceModels.mlp(gen);
                input = gen.randn(128, 784);
                targets = gen.randint(0, 10, 128);
                sequence = false;
            }
            case "cnn" -> {
                model = ReferenceModels.cnn(gen);
                input = gen.randn(64, 1, 28, 28);
                targets = gen.randint(0, 10, 64);
                sequence = false;
            }
            case "lm" -> {
                model = ReferenceModels.transformerLM(gen);
                input = gen.randint(0, 96, 32, 64);
                targets = gen.randint(0, 96, 32 * 64);
                sequence = true;
            }
            default -> throw new IllegalArgumentException("unknown model '" + name + "': mlp, cnn or lm");
        }
        optimizer = new Adam(model.parameters(), 1e-3);
    }

    /** One step; returns the loss so the work cannot be optimized away. */
    double run() {
        optimizer.zeroGrad();
        Tensor logits = model.forward(input);
        Tensor loss = Losses.crossEntropy(sequence ? logits.reshape(-1, logits.size(-1)) : logits, targets);
        loss.backward();
        optimizer.step();
        return loss.item();
    }
}
