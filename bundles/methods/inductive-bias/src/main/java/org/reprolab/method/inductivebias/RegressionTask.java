package org.reprolab.method.inductivebias;

/**
 * A fixed training set and test set with vector targets (rows = points): what a hypothesis space is conditioned
 * on and scored against.
 */
record RegressionTask(double[][] trainX, double[][] trainY, double[][] testX, double[][] testY) {

    RegressionTask {
        if (trainX.length != trainY.length || testX.length != testY.length) {
            throw new IllegalArgumentException("inputs and targets differ in count: " + trainX.length + " vs "
                    + trainY.length + " (train), " + testX.length + " vs " + testY.length + " (test)");
        }
    }

    int outputs() {
        return trainY[0].length;
    }
}
