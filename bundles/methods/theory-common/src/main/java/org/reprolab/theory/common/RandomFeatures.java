package org.reprolab.theory.common;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Random-feature maps: i.i.d. Gaussian projection matrices, and the kernels of ReLU random features
 * φ(x) = max(0, Gx)/√N with G ~ N(0, I), whose N → ∞ limit is the {@link ArcCosineKernel}.
 */
public final class RandomFeatures {

    private RandomFeatures() {
    }

    /** A rows×cols matrix of i.i.d. N(0, 1) entries, drawn row by row from {@code rng}. */
    public static double[][] gaussian(int rows, int cols, RandomGenerator rng) {
        double[][] g = new double[rows][cols];
        for (double[] row : g) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return g;
    }

    /**
     * The ReLU random-feature kernels K = ΦΦᵀ (train) and Φ_test Φᵀ (test × train) for N features, without
     * holding all features at once: the projection is drawn and applied {@code blockSize} features at a
     * time, and {@code checkpoint} runs after each block (pass the run's cancellation check).
     *
     * @param train    training inputs {@code [sample][dim]}
     * @param test     test inputs {@code [sample][dim]}
     * @param features N, the number of random features
     */
    public static KernelPair reluKernels(double[][] train, double[][] test, int features, RandomGenerator rng,
                                         int blockSize, Runnable checkpoint) {
        int n = train.length;
        int m = test.length;
        int dim = train[0].length;
        if (m > 0 && test[0].length != dim) {
            throw new IllegalArgumentException("train inputs have dimension " + dim + ", test inputs " + test[0].length);
        }
        DMatrixRMaj inputs = new DMatrixRMaj(n + m, dim);
        for (int i = 0; i < n; i++) {
            System.arraycopy(train[i], 0, inputs.data, i * dim, dim);
        }
        for (int t = 0; t < m; t++) {
            System.arraycopy(test[t], 0, inputs.data, (n + t) * dim, dim);
        }
        DMatrixRMaj gramTrain = new DMatrixRMaj(n, n);
        DMatrixRMaj gramTest = new DMatrixRMaj(m, n);
        double scale = 1 / Math.sqrt(features);
        for (int start = 0; start < features; start += blockSize) {
            int b = Math.min(blockSize, features - start);
            // Gᵀ for this block (dim × b); the entries are i.i.d., so drawing them in this layout is the same law.
            DMatrixRMaj projectionT = new DMatrixRMaj(dim, b);
            for (int i = 0; i < projectionT.data.length; i++) {
                projectionT.data[i] = rng.nextGaussian();
            }
            DMatrixRMaj pre = new DMatrixRMaj(n + m, b);
            CommonOps_DDRM.mult(inputs, projectionT, pre);
            DMatrixRMaj phiTrain = new DMatrixRMaj(n, b);
            DMatrixRMaj phiTest = new DMatrixRMaj(m, b);
            for (int i = 0; i < (n + m) * b; i++) {
                double v = Math.max(0, pre.data[i]) * scale;
                if (i < n * b) {
                    phiTrain.data[i] = v;
                } else {
                    phiTest.data[i - n * b] = v;
                }
            }
            DMatrixRMaj phiTrainT = CommonOps_DDRM.transpose(phiTrain, null);
            CommonOps_DDRM.multAdd(phiTrain, phiTrainT, gramTrain);
            CommonOps_DDRM.multAdd(phiTest, phiTrainT, gramTest);
            checkpoint.run();
        }
        symmetrise(gramTrain);
        return new KernelPair(Dense.rows(gramTrain), Dense.rows(gramTest));
    }

    /** Removes the round-off asymmetry of a Gram matrix accumulated by a general product. */
    private static void symmetrise(DMatrixRMaj k) {
        int n = k.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (k.data[i * n + j] + k.data[j * n + i]);
                k.data[i * n + j] = v;
                k.data[j * n + i] = v;
            }
        }
    }
}
