package org.reprolab.method.attentionrf;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One draw of the regression problem for a number of keys N: a training pool whose first n samples form the
 * training set of size n (so the learning curve's training sets are nested), a validation split that picks
 * the ridge, and a test split that reports the error. Targets are standardised ({@link Targets}).
 */
record Dataset(int keys, TokenSequences sequences, double[][] targets, int pool, int validation, int test) {

    static Dataset draw(int dim, int keys, int pool, int validation, int test, int calibrationSamples,
                        RandomGenerator dataRng, RandomGenerator targetRng) {
        Targets targets = Targets.calibrate(dim, keys, calibrationSamples, targetRng);
        TokenSequences sequences = TokenSequences.draw(pool + validation + test, keys, dim, dataRng);
        return new Dataset(keys, sequences, targets.values(sequences), pool, validation, test);
    }

    DMatrixRMaj validationRows(DMatrixRMaj features) {
        return CommonOps_DDRM.extract(features, pool, pool + validation, 0, features.numCols);
    }

    DMatrixRMaj testRows(DMatrixRMaj features) {
        return CommonOps_DDRM.extract(features, pool + validation, pool + validation + test, 0, features.numCols);
    }

    double[][] validationTargets() {
        return java.util.Arrays.copyOfRange(targets, pool, pool + validation);
    }

    double[][] testTargets() {
        return java.util.Arrays.copyOfRange(targets, pool + validation, pool + validation + test);
    }

    /** The mean squared error of predictions {@code [sample][target]} for one target. */
    static double mse(double[][] predictions, double[][] truth, int target) {
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            double e = predictions[i][target] - truth[i][target];
            s += e * e;
        }
        return s / truth.length;
    }
}
