package org.reprolab.theory.common;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Kernel ridge fits for a grid of ridges, from {@link EigenSweep#sweep}: dual coefficients and training
 * predictions per ridge, and test predictions for any test-by-train kernel block.
 */
public final class RidgePath {

    private final double[] ridges;
    private final int outputs;
    private final DMatrixRMaj coefficients;
    private final DMatrixRMaj train;

    RidgePath(double[] ridges, int outputs, DMatrixRMaj coefficients, DMatrixRMaj train) {
        this.ridges = ridges;
        this.outputs = outputs;
        this.coefficients = coefficients;
        this.train = train;
    }

    public double[] ridges() {
        return ridges.clone();
    }

    public int outputs() {
        return outputs;
    }

    /** Dual coefficients α(δ): {@code [ridge][sample][output]}. */
    public double[][][] coefficients() {
        return unstack(coefficients);
    }

    /** Training predictions Kα(δ): {@code [ridge][sample][output]}. */
    public double[][][] trainPredictions() {
        return unstack(train);
    }

    /**
     * Test predictions K(test, train)·α(δ) for every ridge: {@code [ridge][test sample][output]}.
     *
     * @param testTrainKernel {@code [test sample][train sample]}
     */
    public double[][][] predict(double[][] testTrainKernel) {
        if (testTrainKernel.length > 0 && testTrainKernel[0].length != coefficients.numRows) {
            throw new IllegalArgumentException("test kernel has " + testTrainKernel[0].length + " columns, the fit has "
                    + coefficients.numRows + " training samples");
        }
        DMatrixRMaj out = new DMatrixRMaj(testTrainKernel.length, coefficients.numCols);
        CommonOps_DDRM.mult(Dense.matrix(testTrainKernel), coefficients, out);
        return unstack(out);
    }

    private double[][][] unstack(DMatrixRMaj stacked) {
        int rows = stacked.numRows;
        double[][][] out = new double[ridges.length][rows][outputs];
        for (int i = 0; i < rows; i++) {
            for (int q = 0; q < ridges.length; q++) {
                System.arraycopy(stacked.data, i * stacked.numCols + q * outputs, out[q][i], 0, outputs);
            }
        }
        return out;
    }
}
