package org.reprolab.method.moreisbetter;

import org.reprolab.theory.common.RidgePath;

/**
 * The fitting-ratio measurement as in the authors' script (Sec. 5): Gaussian label noise of variance
 * (relative level) × (noiseless ridgeless test MSE) is added to the training labels only; the train MSE
 * is measured against the noisy training labels, the test MSE against the clean test labels, and
 * R = E_tr/E_te along the ridge path.
 *
 * <p>Ridge regression is linear in the labels, so the fit to y + σξ is the fit to y plus σ times the fit to
 * the unit noise ξ. One sweep over the two label vectors therefore gives the ridge path for every noise
 * level; the same noise direction ξ is scaled for all levels of a trial (common random numbers).
 */
final class FittingRatio {

    private final double[] ridges;
    private final double[] trainLabels;
    private final double[] unitNoise;
    private final double[] testLabels;
    private final double[][] trainFitLabels;
    private final double[][] trainFitNoise;
    private final double[][] testFitLabels;
    private final double[][] testFitNoise;

    /**
     * @param path        a sweep whose output 0 was fitted to the clean labels and output 1 to the unit noise
     * @param testPredictions the path's predictions on the test inputs, {@code [ridge][sample][output]}
     */
    FittingRatio(RidgePath path, double[][][] testPredictions, double[] trainLabels, double[] unitNoise, double[] testLabels) {
        this.ridges = path.ridges();
        this.trainLabels = trainLabels;
        this.unitNoise = unitNoise;
        this.testLabels = testLabels;
        double[][][] train = path.trainPredictions();
        trainFitLabels = output(train, 0);
        trainFitNoise = output(train, 1);
        testFitLabels = output(testPredictions, 0);
        testFitNoise = output(testPredictions, 1);
    }

    /** The train (noisy labels) and test (clean labels) MSE along the ridge path for label-noise sd σ. */
    RidgeCurve curve(double noiseSd) {
        double[] train = new double[ridges.length];
        double[] test = new double[ridges.length];
        for (int q = 0; q < ridges.length; q++) {
            double s = 0;
            for (int i = 0; i < trainLabels.length; i++) {
                double d = trainFitLabels[q][i] + noiseSd * trainFitNoise[q][i] - trainLabels[i] - noiseSd * unitNoise[i];
                s += d * d;
            }
            train[q] = s / trainLabels.length;
            s = 0;
            for (int t = 0; t < testLabels.length; t++) {
                double d = testFitLabels[q][t] + noiseSd * testFitNoise[q][t] - testLabels[t];
                s += d * d;
            }
            test[q] = s / testLabels.length;
        }
        return RidgeCurve.of(ridges, train, test);
    }

    /** The noiseless test MSE at the smallest ridge of the grid (δ = 0 when the grid holds it). */
    double noiselessRidgelessTestMse() {
        int smallest = 0;
        for (int q = 1; q < ridges.length; q++) {
            if (ridges[q] < ridges[smallest]) {
                smallest = q;
            }
        }
        return curve(0).test()[smallest];
    }

    /** Labels for the two outputs the sweep must fit: clean labels and unit noise. */
    static double[][] targets(double[] labels, double[] unitNoise) {
        double[][] y = new double[labels.length][2];
        for (int i = 0; i < labels.length; i++) {
            y[i][0] = labels[i];
            y[i][1] = unitNoise[i];
        }
        return y;
    }

    private static double[][] output(double[][][] predictions, int output) {
        double[][] out = new double[predictions.length][predictions[0].length];
        for (int q = 0; q < predictions.length; q++) {
            for (int i = 0; i < predictions[q].length; i++) {
                out[q][i] = predictions[q][i][output];
            }
        }
        return out;
    }
}
