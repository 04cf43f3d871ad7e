package org.reprolab.method.inductivebias;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Conv2d;
import org.reprolab.tensor.nn.Flatten;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.Losses;
import org.reprolab.tensor.nn.MaxPool2d;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.nn.ReLU;
import org.reprolab.tensor.nn.Sequential;
import org.reprolab.tensor.optim.Adam;

/**
 * A neural-network model class as a hypothesis space (Sec. 5 of the paper): its hypotheses are the networks one
 * architecture reaches when trained from different seeds, so sampling a hypothesis means training once. Training
 * is the authors' recipe: MSE on one-hot targets, Adam at 1e-3, mini-batches reshuffled every epoch; the test
 * error is measured exactly like a GP hypothesis's (mean squared error over test points and outputs).
 */
enum NeuralHypothesisSpace {

    /** MLP 784-128-128-10 with ReLU. */
    MLP("MLP 784-128-128-10", gen -> new Sequential(new Linear(784, 128, gen), new ReLU(), new Linear(128, 128, gen),
            new ReLU(), new Linear(128, 10, gen)), x -> x),

    /** conv 5×5×8 → max-pool 2 → conv 5×5×16 → max-pool 2 → linear 256→10 (ReLU after each convolution). */
    CNN("CNN conv5x5x8-pool-conv5x5x16-pool-linear", gen -> new Sequential(new Conv2d(1, 8, 5, gen), new ReLU(),
            new MaxPool2d(2), new Conv2d(8, 16, 5, gen), new ReLU(), new MaxPool2d(2), new Flatten(),
            new Linear(256, 10, gen)), x -> x.reshape(-1, 1, 28, 28));

    private static final double LEARNING_RATE = 1e-3;

    private final String description;
    private final Function<Generator, Module> architecture;
    private final UnaryOperator<Tensor> inputShape;

    NeuralHypothesisSpace(String description, Function<Generator, Module> architecture, UnaryOperator<Tensor> inputShape) {
        this.description = description;
        this.architecture = architecture;
        this.inputShape = inputShape;
    }

    String description() {
        return description;
    }

    /** Training settings shared by both architectures. */
    record Training(int epochs, int batchSize) {
        Training {
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("epochs and batch size must be ≥ 1, got " + epochs + " and " + batchSize);
            }
        }
    }

    /**
     * Draws one hypothesis: trains a freshly initialised network (initialisation and batch order from {@code seed})
     * on the training images and returns its test MSE against the one-hot test targets.
     *
     * @param cancel called once per mini-batch, so that a long training can be cancelled
     */
    double sampleTestMse(ImageTask task, Training training, long seed, Runnable cancel) {
        Generator gen = new Generator(seed);
        Module model = architecture.apply(gen.fork("init"));
        Adam opt = new Adam(model.parameters(), LEARNING_RATE);
        Tensor x = Tensor.of(task.trainPixels(), task.trainSize(), ImageTask.PIXELS);
        Tensor y = Tensor.of(task.trainTargets(), task.trainSize(), task.outputs());
        int n = task.trainSize();
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            Tensor order = gen.fork("epoch-" + epoch).permutation(n);
            for (int at = 0; at < n; at += training.batchSize()) {
                cancel.run();
                Tensor idx = order.narrow(0, at, Math.min(training.batchSize(), n - at)).contiguous();
                opt.zeroGrad();
                Losses.mse(model.forward(inputShape.apply(x.indexSelect(0, idx))), y.indexSelect(0, idx)).backward();
                opt.step();
            }
        }
        model.eval();
        try (var ignored = Autograd.noGrad()) {
            Tensor xTest = Tensor.of(task.testPixels(), task.testSize(), ImageTask.PIXELS);
            Tensor yTest = Tensor.of(task.testTargets(), task.testSize(), task.outputs());
            return Losses.mse(model.forward(inputShape.apply(xTest)), yTest).item();
        }
    }
}
