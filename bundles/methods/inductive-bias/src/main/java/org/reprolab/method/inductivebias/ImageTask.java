package org.reprolab.method.inductivebias;

import java.util.random.RandomGenerator;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledImages;

/**
 * The fixed training and test set of the Fashion-MNIST study: random training images from the training split and
 * random test images from the test split, pixels in [0, 1] (as the authors' torchvision loader gives them), one-hot
 * targets. Every hypothesis space (GP, MLP, CNN) is scored on exactly these sets.
 */
record ImageTask(float[][] train, float[][] trainOneHot, float[][] test, float[][] testOneHot, int outputs) {

    static final int PIXELS = FashionMnist.ROWS * FashionMnist.COLS;

    /** {@code trainSize} random training images and {@code testSize} random test images. */
    static ImageTask fashionMnist(FashionMnist dataset, int trainSize, int testSize, RandomGenerator rng) {
        LabeledImages train = dataset.load(FashionMnist.Split.TRAIN);
        LabeledImages test = dataset.load(FashionMnist.Split.TEST);
        LabeledImages trainChosen = train.select(randomSubset(train.size(), trainSize, rng));
        LabeledImages testChosen = test.select(randomSubset(test.size(), testSize, rng));
        return new ImageTask(trainChosen.pixels(), oneHot(trainChosen), testChosen.pixels(), oneHot(testChosen),
                train.classes());
    }

    int trainSize() {
        return train.length;
    }

    int testSize() {
        return test.length;
    }

    float[] trainPixels() {
        return flatten(train);
    }

    float[] testPixels() {
        return flatten(test);
    }

    float[] trainTargets() {
        return flatten(trainOneHot);
    }

    float[] testTargets() {
        return flatten(testOneHot);
    }

    /** The task as real vectors, for the kernel hypothesis space. */
    RegressionTask asRegression() {
        return new RegressionTask(toDouble(train), toDouble(trainOneHot), toDouble(test), toDouble(testOneHot));
    }

    private static float[][] oneHot(LabeledImages images) {
        float[][] y = new float[images.size()][images.classes()];
        for (int i = 0; i < images.size(); i++) {
            y[i][images.labels()[i]] = 1;
        }
        return y;
    }

    /** The first k entries of a uniformly random permutation of 0 … n − 1. */
    static int[] randomSubset(int n, int k, RandomGenerator rng) {
        if (k > n) {
            throw new IllegalArgumentException("cannot choose " + k + " of " + n + " images");
        }
        int[] p = java.util.stream.IntStream.range(0, n).toArray();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return java.util.Arrays.copyOf(p, k);
    }

    private static float[] flatten(float[][] rows) {
        int d = rows[0].length;
        float[] out = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * d, d);
        }
        return out;
    }

    private static double[][] toDouble(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = rows[i][j];
            }
        }
        return out;
    }
}
