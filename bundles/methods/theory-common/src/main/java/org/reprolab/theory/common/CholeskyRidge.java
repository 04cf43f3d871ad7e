package org.reprolab.theory.common;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The direct reference solve of kernel ridge regression, (K + δI)α = y by Cholesky factorisation, one
 * ridge at a time. {@link EigenSweep} is checked against it.
 */
public final class CholeskyRidge {

    private CholeskyRidge() {
    }

    /**
     * Dual coefficients {@code [sample][output]} for ridge δ > 0.
     *
     * @throws IllegalStateException when K + δI is not numerically positive definite
     */
    public static double[][] coefficients(double[][] gram, double[][] targets, double ridge) {
        Dense.requireSquare(gram);
        if (!(ridge > 0)) {
            throw new IllegalArgumentException("a Cholesky solve needs a ridge > 0, got " + ridge);
        }
        int n = gram.length;
        DMatrixRMaj a = Dense.matrix(gram);
        for (int i = 0; i < n; i++) {
            a.data[i * n + i] += ridge;
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
        if (!solver.setA(a)) {
            throw new IllegalStateException("K + " + ridge + "·I is not positive definite");
        }
        DMatrixRMaj b = Dense.matrix(targets);
        DMatrixRMaj x = new DMatrixRMaj(n, b.numCols);
        solver.solve(b, x);
        return Dense.rows(x);
    }
}
