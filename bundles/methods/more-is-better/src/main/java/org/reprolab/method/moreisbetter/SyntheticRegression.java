package org.reprolab.method.moreisbetter;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.reprolab.theory.common.EigenSweep;
import org.reprolab.theory.common.PowerLawTask;
import org.reprolab.theory.common.RidgePath;

/**
 * One draw of the "Gaussian-universality" task (Sec. 6): x ~ N(0, I_M), y = Σ vᵢ xᵢ, fitted by
 * random-feature ridge regression with f_j(x) = Σᵢ G_ji √λᵢ xᵢ/√N, or by its N → ∞ limit, KRR with
 * K(x, x') = Σᵢ λᵢ xᵢ x'ᵢ.
 *
 * <p>We work with z = Λ^½ x. Both fitted predictors are linear in z, so after the kernel-form fit on the
 * training set they are mapped to input-space weights w (RF: w = Gᵀ Φᵀ α/√N, KRR: w = Zᵀ α) and
 * evaluated on the test points as z·w: the same function as Φ_test w_features, without forming the
 * test features.
 */
final class SyntheticRegression {

    private final DMatrixRMaj trainZ;
    private final double[] trainLabels;
    private final DMatrixRMaj testZ;
    private final double[] testLabels;

    private SyntheticRegression(DMatrixRMaj trainZ, double[] trainLabels, DMatrixRMaj testZ, double[] testLabels) {
        this.trainZ = trainZ;
        this.trainLabels = trainLabels;
        this.testZ = testZ;
        this.testLabels = testLabels;
    }

    /** A kernel-form fit: the ridge path, its test predictions {@code [ridge][sample][output]}, and tr(K)/n. */
    record Fit(RidgePath path, double[][][] testPredictions, double meanKernelDiagonal) {
    }

    /** Draws n training and {@code testPoints} test samples (training inputs first). */
    static SyntheticRegression draw(PowerLawTask task, int n, int testPoints, RandomGenerator rng) {
        PowerLawTask.Sample train = task.sample(n, rng);
        PowerLawTask.Sample test = task.sample(testPoints, rng);
        double[] scale = task.eigenvalues();
        for (int i = 0; i < scale.length; i++) {
            scale[i] = Math.sqrt(scale[i]);
        }
        return new SyntheticRegression(whitenedInputs(train.inputs(), scale), train.targets(),
                whitenedInputs(test.inputs(), scale), test.targets());
    }

    int size() {
        return trainLabels.length;
    }

    /** The first n training samples (same test set). */
    SyntheticRegression head(int n) {
        if (n > size()) {
            throw new IllegalArgumentException("asked for " + n + " training samples of " + size());
        }
        DMatrixRMaj z = CommonOps_DDRM.extract(trainZ, 0, n, 0, trainZ.numCols);
        return new SyntheticRegression(z, java.util.Arrays.copyOf(trainLabels, n), testZ, testLabels);
    }

    double[] trainLabels() {
        return trainLabels.clone();
    }

    double[] testLabels() {
        return testLabels.clone();
    }

    /** The KRR Gram matrix ZZᵀ and the test × train block, for checking the sweep against a direct solve. */
    double[][][] kernelBlocks() {
        DMatrixRMaj k = new DMatrixRMaj(size(), size());
        CommonOps_DDRM.multOuter(trainZ, k);
        DMatrixRMaj kTest = new DMatrixRMaj(testZ.numRows, size());
        CommonOps_DDRM.multTransB(testZ, trainZ, kTest);
        return new double[][][] {rows(k), rows(kTest)};
    }

    /** Random-feature ridge regression with N fresh Gaussian features drawn from {@code rng}. */
    Fit randomFeatures(int features, double[][] targets, double[] ridges, RandomGenerator rng) {
        int modes = trainZ.numCols;
        // Gᵀ (M × N): its entries are i.i.d. N(0, 1), so drawing them in this layout is the same law.
        DMatrixRMaj projectionT = new DMatrixRMaj(modes, features);
        for (int i = 0; i < projectionT.data.length; i++) {
            projectionT.data[i] = rng.nextGaussian();
        }
        double scale = 1 / Math.sqrt(features);
        DMatrixRMaj phi = new DMatrixRMaj(size(), features);
        CommonOps_DDRM.mult(scale, trainZ, projectionT, phi);
        DMatrixRMaj gram = new DMatrixRMaj(size(), size());
        CommonOps_DDRM.multOuter(phi, gram);
        RidgePath path = EigenSweep.decompose(rows(gram)).sweep(targets, ridges);
        DMatrixRMaj alpha = stacked(path.coefficients());
        DMatrixRMaj readout = new DMatrixRMaj(features, alpha.numCols);
        CommonOps_DDRM.multTransA(phi, alpha, readout);
        DMatrixRMaj weights = new DMatrixRMaj(modes, alpha.numCols);
        CommonOps_DDRM.mult(scale, projectionT, readout, weights);
        return new Fit(path, testPredictions(weights, path), CommonOps_DDRM.trace(gram) / size());
    }

    /** Kernel ridge regression with the infinite-width kernel K = ZZᵀ. */
    Fit kernelRidge(double[][] targets, double[] ridges) {
        DMatrixRMaj gram = new DMatrixRMaj(size(), size());
        CommonOps_DDRM.multOuter(trainZ, gram);
        RidgePath path = EigenSweep.decompose(rows(gram)).sweep(targets, ridges);
        DMatrixRMaj alpha = stacked(path.coefficients());
        DMatrixRMaj weights = new DMatrixRMaj(trainZ.numCols, alpha.numCols);
        CommonOps_DDRM.multTransA(trainZ, alpha, weights);
        return new Fit(path, testPredictions(weights, path), CommonOps_DDRM.trace(gram) / size());
    }

    /** Train and test MSE (clean labels) along the ridge path of a single-output fit. */
    RidgeCurve curve(Fit fit) {
        double[][] trainTargets = column(trainLabels);
        double[][] testTargets = column(testLabels);
        double[][][] train = fit.path().trainPredictions();
        double[] ridges = fit.path().ridges();
        double[] trainMse = new double[ridges.length];
        double[] testMse = new double[ridges.length];
        for (int q = 0; q < ridges.length; q++) {
            trainMse[q] = RidgeCurve.mse(train[q], trainTargets);
            testMse[q] = RidgeCurve.mse(fit.testPredictions()[q], testTargets);
        }
        return RidgeCurve.of(ridges, trainMse, testMse);
    }

    static double[][] column(double[] values) {
        double[][] out = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            out[i][0] = values[i];
        }
        return out;
    }

    private double[][][] testPredictions(DMatrixRMaj weights, RidgePath path) {
        DMatrixRMaj out = new DMatrixRMaj(testZ.numRows, weights.numCols);
        CommonOps_DDRM.mult(testZ, weights, out);
        int outputs = path.outputs();
        int r = path.ridges().length;
        double[][][] predictions = new double[r][testZ.numRows][outputs];
        for (int t = 0; t < testZ.numRows; t++) {
            for (int q = 0; q < r; q++) {
                System.arraycopy(out.data, t * out.numCols + q * outputs, predictions[q][t], 0, outputs);
            }
        }
        return predictions;
    }

    /** {@code [ridge][sample][output]} as an n × (ridges·outputs) matrix, columns [ridge·outputs + output]. */
    private static DMatrixRMaj stacked(double[][][] perRidge) {
        int r = perRidge.length;
        int n = perRidge[0].length;
        int outputs = perRidge[0][0].length;
        DMatrixRMaj m = new DMatrixRMaj(n, r * outputs);
        for (int q = 0; q < r; q++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(perRidge[q][i], 0, m.data, i * r * outputs + q * outputs, outputs);
            }
        }
        return m;
    }

    private static DMatrixRMaj whitenedInputs(double[][] x, double[] scale) {
        DMatrixRMaj z = new DMatrixRMaj(x.length, scale.length);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < scale.length; j++) {
                z.data[i * scale.length + j] = x[i][j] * scale[j];
            }
        }
        return z;
    }

    private static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
        }
        return out;
    }
}
