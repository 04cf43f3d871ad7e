package org.reprolab.tensor.models;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.nn.Conv2d;
import org.reprolab.tensor.nn.Flatten;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.MaxPool2d;
import org.reprolab.tensor.nn.ReLU;
import org.reprolab.tensor.nn.Sequential;

/**
 * The lab's three reference networks, with the shapes the benchmarks compare against PyTorch
 * (bench/torch_train.py builds the same ones) and the model zoo trains.
 */
public final class ReferenceModels {
    private ReferenceModels() {
    }

    /** MLP 784-512-256-10 with ReLU, for flattened 28×28 images. */
    public static Sequential mlp(Generator gen) {
        return new Sequential(new Linear(784, 512, gen), new ReLU(), new Linear(512, 256, gen), new ReLU(),
                new Linear(256, 10, gen));
    }

    /**
     * The small CNN for 1×28×28 images: conv 1→32 3×3 (padding 1), ReLU, max-pool 2, conv 32→64 3×3 (padding
     * 1), ReLU, max-pool 2, FC 3136→128, ReLU, FC 128→10.
     */
    public static Sequential cnn(Generator gen) {
        return new Sequential(new Conv2d(1, 32, 3, 1, 1, gen), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 64, 3, 1, 1, gen), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(3136, 128, gen), new ReLU(), new Linear(128, 10, gen));
    }

    /** The 4-layer pre-LN transformer LM: vocabulary 96, d 128, 4 heads, FFN 512, context 64. */
    public static TransformerLM transformerLM(Generator gen) {
        return new TransformerLM(96, 128, 4, 512, 4, 64, 0.0, gen);
    }
}
