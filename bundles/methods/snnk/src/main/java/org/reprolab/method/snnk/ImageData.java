package org.reprolab.method.snnk;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledImages;
import org.reprolab.data.batch.Permutations;
import org.reprolab.tensor.Tensor;

/**
 * Fashion-MNIST as the SNNK experiments use it: disjoint random training and validation images from the training
 * split, test images from the test split, all centred by the training images' mean image and scaled so that the
 * training inputs have mean norm 1 (large norms would blow up the exponential features' variance; ReLU features
 * are homogeneous, so the scale only sets the ridge's units).
 *
 * @param train       [n, 784] inputs
 * @param trainLabels class of each training input
 */
record ImageData(Tensor train, int[] trainLabels, Tensor validation, int[] validationLabels, Tensor test, int[] testLabels,
                 int classes) {

    /** Draws the subsets with {@code rng} and preprocesses them. */
    static ImageData load(FashionMnist dataset, int trainImages, int validationImages, int testImages, RandomGenerator rng) {
        LabeledImages trainSplit = dataset.load(FashionMnist.Split.TRAIN);
        if (trainImages + validationImages > trainSplit.size()) {
            throw new IllegalArgumentException("training (" + trainImages + ") plus validation (" + validationImages
                    + ") images exceed the " + trainSplit.size() + " of the training split");
        }
        int[] order = Permutations.random(trainSplit.size(), rng);
        LabeledImages train = trainSplit.select(Arrays.copyOfRange(order, 0, trainImages));
        LabeledImages validation = trainSplit.select(Arrays.copyOfRange(order, trainImages, trainImages + validationImages));
        LabeledImages testSplit = dataset.load(FashionMnist.Split.TEST);
        LabeledImages test = testSplit.select(Permutations.sample(testSplit.size(), testImages, rng));

        int dim = train.pixels()[0].length;
        double[] mean = new double[dim];
        for (float[] image : train.pixels()) {
            for (int j = 0; j < dim; j++) {
                mean[j] += image[j] / (double) train.size();
            }
        }
        double meanNorm = 0;
        for (float[] image : train.pixels()) {
            double s = 0;
            for (int j = 0; j < dim; j++) {
                s += (image[j] - mean[j]) * (image[j] - mean[j]);
            }
            meanNorm += Math.sqrt(s) / train.size();
        }
        return new ImageData(inputs(train, mean, meanNorm), train.labels().clone(), inputs(validation, mean, meanNorm),
                validation.labels().clone(), inputs(test, mean, meanNorm), test.labels().clone(), trainSplit.classes());
    }

    private static Tensor inputs(LabeledImages images, double[] mean, double scale) {
        int dim = mean.length;
        float[] out = new float[images.size() * dim];
        for (int i = 0; i < images.size(); i++) {
            float[] image = images.pixels()[i];
            for (int j = 0; j < dim; j++) {
                out[i * dim + j] = (float) ((image[j] - mean[j]) / scale);
            }
        }
        return Tensor.of(out, images.size(), dim);
    }

    int dim() {
        return train.size(1);
    }
}
