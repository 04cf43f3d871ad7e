package org.reprolab.method.posteriorcollapse;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Tensor;

/** The second moments and spectra the theory needs, in double precision (EJML). */
final class Linalg {
    private Linalg() {
    }

    /** The sample covariance (divided by n) of the columns of a [n, d] tensor, centred on the sample mean. */
    static DMatrixRMaj covariance(Tensor data) {
        return crossCovariance(data, data);
    }

    /** The sample cross-covariance Cov(a, b) = E[(a − ā)(b − b̄)ᵀ] of two [n, ·] tensors, [d_a, d_b]. */
    static DMatrixRMaj crossCovariance(Tensor a, Tensor b) {
        if (a.size(0) != b.size(0)) {
            throw new IllegalArgumentException("cross-covariance of " + a.size(0) + " and " + b.size(0) + " rows");
        }
        try (var g = Autograd.noGrad()) {
            Tensor ac = a.to(org.reprolab.tensor.backend.DType.FLOAT64);
            Tensor bc = b.to(org.reprolab.tensor.backend.DType.FLOAT64);
            ac = ac.sub(ac.mean(0, true));
            bc = bc.sub(bc.mean(0, true));
            Tensor c = ac.t().matmul(bc).div(a.size(0));
            return new DMatrixRMaj(a.size(1), b.size(1), true, c.toDoubleArray());
        }
    }

    /**
     * The residual covariance of y given x, E = Cov(y) − Cov(y, x) Cov(x)⁺ Cov(x, y) (pseudo-inverse, so constant
     * pixels do no harm): the covariance of what a linear function of x cannot explain about y.
     */
    static DMatrixRMaj residualCovariance(Tensor x, Tensor y) {
        DMatrixRMaj cyy = covariance(y);
        DMatrixRMaj cyx = crossCovariance(y, x);
        DMatrixRMaj cxxInv = new DMatrixRMaj(x.size(1), x.size(1));
        CommonOps_DDRM.pinv(covariance(x), cxxInv);
        DMatrixRMaj b = new DMatrixRMaj(cyx.numRows, cxxInv.numCols);
        CommonOps_DDRM.mult(cyx, cxxInv, b);
        DMatrixRMaj explained = new DMatrixRMaj(cyy.numRows, cyy.numCols);
        CommonOps_DDRM.multTransB(b, cyx, explained);
        DMatrixRMaj e = new DMatrixRMaj(cyy.numRows, cyy.numCols);
        CommonOps_DDRM.subtract(cyy, explained, e);
        symmetrise(e);
        return e;
    }

    /** The regression matrix B = Cov(y, x) Cov(x)⁺ with E[y | x] = B x for centred data, [d_y, d_x]. */
    static DMatrixRMaj regression(Tensor x, Tensor y) {
        DMatrixRMaj cxxInv = new DMatrixRMaj(x.size(1), x.size(1));
        CommonOps_DDRM.pinv(covariance(x), cxxInv);
        DMatrixRMaj cyx = crossCovariance(y, x);
        DMatrixRMaj b = new DMatrixRMaj(cyx.numRows, cxxInv.numCols);
        CommonOps_DDRM.mult(cyx, cxxInv, b);
        return b;
    }

    static void symmetrise(DMatrixRMaj m) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = i + 1; j < m.numCols; j++) {
                double v = 0.5 * (m.get(i, j) + m.get(j, i));
                m.set(i, j, v);
                m.set(j, i, v);
            }
        }
    }

    /** Eigen-pairs of a symmetric matrix, eigenvalues in descending order. */
    record Eigen(double[] values, DMatrixRMaj vectors) {
    }

    /** The eigenvalues (descending) and unit eigenvectors (columns, same order) of a symmetric matrix. */
    static Eigen symmetricEigen(DMatrixRMaj m) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, true, true);
        if (!eig.decompose(m.copy())) {
            throw new IllegalStateException("eigendecomposition failed");
        }
        int n = m.numRows;
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (p, q) -> Double.compare(raw[q], raw[p]));
        double[] values = new double[n];
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            values[k] = raw[order[k]];
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            for (int i = 0; i < n; i++) {
                vectors.set(i, k, v.get(i, 0));
            }
        }
        return new Eigen(values, vectors);
    }

    /** The eigenvalues of a symmetric matrix, descending (no eigenvectors: cheaper). */
    static double[] symmetricEigenvalues(DMatrixRMaj m) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false, true);
        if (!eig.decompose(m.copy())) {
            throw new IllegalStateException("eigendecomposition failed");
        }
        double[] values = new double[m.numRows];
        for (int i = 0; i < values.length; i++) {
            values[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(values);
        for (int i = 0; i < values.length / 2; i++) {
            double t = values[i];
            values[i] = values[values.length - 1 - i];
            values[values.length - 1 - i] = t;
        }
        return values;
    }

    /** The singular values of a matrix, descending. */
    static double[] singularValues(DMatrixRMaj m) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, false, true);
        if (!svd.decompose(m.copy())) {
            throw new IllegalStateException("SVD failed");
        }
        double[] s = svd.getSingularValues().clone();
        Arrays.sort(s);
        double[] desc = new double[Math.min(m.numRows, m.numCols)];
        for (int i = 0; i < desc.length; i++) {
            desc[i] = s[s.length - 1 - i];
        }
        return desc;
    }

    /** The singular values of a 2-D tensor (e.g. a Linear layer's weight), descending. */
    static double[] singularValues(Tensor weight) {
        try (var g = Autograd.noGrad()) {
            return singularValues(new DMatrixRMaj(weight.size(0), weight.size(1), true, weight.detach().toDoubleArray()));
        }
    }
}
