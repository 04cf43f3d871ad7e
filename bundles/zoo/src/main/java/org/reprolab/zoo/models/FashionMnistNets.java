package org.reprolab.zoo.models;

import org.reprolab.data.LabeledImages;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Conv2d;
import org.reprolab.tensor.nn.Flatten;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.MaxPool2d;
import org.reprolab.tensor.nn.ReLU;
import org.reprolab.tensor.nn.Sequential;

/**
 * The zoo's Fashion-MNIST classifiers and their input convention. Every zoo Fashion-MNIST model reads pixels
 * scaled to [0, 1] and then standardised with the training set's mean {@value #MEAN} and standard deviation
 * {@value #STD} (methods/quantization.md); {@link #standardize} does it, and each entry's config records it.
 */
public final class FashionMnistNets {

    public static final double MEAN = 0.2860;
    public static final double STD = 0.3530;

    private FashionMnistNets() {
    }

    /** {@code fmnist-mlp} (methods/robustness.md): 784-256-10 with ReLU, on flattened images [B, 784]. */
    public static Sequential mlp(Generator gen) {
        return new Sequential(new Linear(784, 256, gen), new ReLU(), new Linear(256, 10, gen));
    }

    /**
     * {@code fmnist-cnn} (methods/visual-autoregressive.md, var-core): 3×3 convs with padding 1 and ReLU,
     * 1→16, 16→16, max-pool 2, 16→32, 32→32, max-pool 2, then FC 1568→128, ReLU (the 128-d feature layer), FC
     * 128→10; images [B, 1, 28, 28]. Layer indices: the first max-pool is layer 4, the feature ReLU layer 12.
     */
    public static Sequential cnn(Generator gen) {
        return new Sequential(new Conv2d(1, 16, 3, 1, 1, gen), new ReLU(), new Conv2d(16, 16, 3, 1, 1, gen),
                new ReLU(), new MaxPool2d(2), new Conv2d(16, 32, 3, 1, 1, gen), new ReLU(),
                new Conv2d(32, 32, 3, 1, 1, gen), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(1568, 128, gen), new ReLU(), new Linear(128, 10, gen));
    }

    /** Pixels in [0, 1] (any shape) → standardised model input. */
    public static Tensor standardize(Tensor pixels) {
        return pixels.sub(MEAN).div(STD);
    }

    /** Images → standardised [n, rows·cols] float32. */
    public static Tensor standardize(LabeledImages images) {
        int n = images.size();
        int d = images.rows() * images.cols();
        float[] flat = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < d; p++) {
                flat[i * d + p] = (float) ((images.pixels()[i][p] - MEAN) / STD);
            }
        }
        return Tensor.of(flat, n, d);
    }
}
