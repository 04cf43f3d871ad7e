package org.reprolab.method.moreisbetter;

import org.reprolab.data.FashionMnist;

/**
 * The Fashion-MNIST inputs and targets of Sec. 6. Inputs are centred per image and scaled to unit norm,
 * which makes the arc-cosine kernel exactly the N → ∞ limit of the ReLU features on them.
 */
final class FashionMnistTasks {

    private FashionMnistTasks() {
    }

    /** The chosen images, each centred (mean pixel subtracted) and scaled to unit Euclidean norm. */
    static double[][] centredUnitNorm(float[][] pixels, int[] chosen) {
        double[][] out = new double[chosen.length][];
        for (int i = 0; i < chosen.length; i++) {
            float[] image = pixels[chosen[i]];
            double mean = 0;
            for (float p : image) {
                mean += p;
            }
            mean /= image.length;
            double[] x = new double[image.length];
            double norm = 0;
            for (int j = 0; j < image.length; j++) {
                x[j] = image[j] - mean;
                norm += x[j] * x[j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < image.length; j++) {
                x[j] = norm == 0 ? 0 : x[j] / norm;
            }
            out[i] = x;
        }
        return out;
    }

    /** 10-class targets: one-hot minus 0.1 (zero-mean over classes). */
    static double[][] oneHotMinusTenth(int[] labels, int[] chosen, int classes) {
        double[][] y = new double[chosen.length][classes];
        for (int i = 0; i < chosen.length; i++) {
            for (int c = 0; c < classes; c++) {
                y[i][c] = (labels[chosen[i]] == c ? 1 : 0) - 0.1;
            }
        }
        return y;
    }

    /** Binary targets: trouser +1, bag −1. */
    static double[] trouserVsBag(int[] labels, int[] chosen) {
        double[] y = new double[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            y[i] = labels[chosen[i]] == FashionMnist.TROUSER ? 1 : -1;
        }
        return y;
    }

    /** The first k entries of a uniformly random permutation of the given pool. */
    static int[] randomSubset(int[] pool, int k, java.util.random.RandomGenerator rng) {
        int[] p = pool.clone();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(p.length - i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return java.util.Arrays.copyOf(p, k);
    }
}
