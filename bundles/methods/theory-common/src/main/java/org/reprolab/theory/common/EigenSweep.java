package org.reprolab.theory.common;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Kernel ridge regression for a whole grid of ridges from one eigendecomposition of the training Gram
 * matrix K = U diag(λ) Uᵀ.
 *
 * <p>For ridge δ the dual coefficients are α(δ) = U diag(1/(λ+δ)) Uᵀ y and the training predictions are
 * Kα = U diag(λ/(λ+δ)) Uᵀ y, so after the one O(n³) decomposition each ridge costs O(n²) per output.
 * δ = 0 is the ridgeless (minimum-norm interpolating) limit: directions whose eigenvalue is numerically
 * zero get no weight, i.e. the pseudo-inverse.
 */
public final class EigenSweep {

    private final double[] eigenvalues;
    private final DMatrixRMaj vectors;
    private final double nullThreshold;

    private EigenSweep(double[] eigenvalues, DMatrixRMaj vectors) {
        this.eigenvalues = eigenvalues;
        this.vectors = vectors;
        this.nullThreshold = Math.max(eigenvalues[0], 0) * eigenvalues.length * Math.ulp(1.0);
    }

    /** Decomposes a symmetric positive semi-definite n×n Gram matrix (the input is not modified). */
    public static EigenSweep decompose(double[][] gram) {
        Dense.requireSquare(gram);
        int n = gram.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(Dense.matrix(gram))) {
            throw new IllegalStateException("symmetric eigendecomposition of the " + n + "×" + n + " Gram matrix failed");
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> eig.getEigenvalue(k).real).reversed());
        double[] values = new double[n];
        DMatrixRMaj u = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            values[k] = eig.getEigenvalue(order[k]).real;
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            for (int i = 0; i < n; i++) {
                u.data[i * n + k] = v.data[i];
            }
        }
        return new EigenSweep(values, u);
    }

    public int size() {
        return eigenvalues.length;
    }

    /** The eigenvalues of K in decreasing order (round-off may leave the last ones slightly negative). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The coordinates Uᵀy of a vector in the eigenbasis, in the order of {@link #eigenvalues()}. */
    public double[] spectralCoefficients(double[] y) {
        if (y.length != size()) {
            throw new IllegalArgumentException("vector of length " + y.length + " for a Gram matrix of size " + size());
        }
        DMatrixRMaj out = new DMatrixRMaj(size(), 1);
        CommonOps_DDRM.multTransA(vectors, Dense.column(y), out);
        return out.data;
    }

    /**
     * Fits every ridge of the grid to the targets ({@code targets[sample][output]}).
     *
     * @param ridges penalties δ ≥ 0 added to the diagonal of the (unnormalised) Gram matrix
     */
    public RidgePath sweep(double[][] targets, double[] ridges) {
        if (targets.length != size()) {
            throw new IllegalArgumentException(targets.length + " targets for a Gram matrix of size " + size());
        }
        for (double ridge : ridges) {
            if (!(ridge >= 0)) {
                throw new IllegalArgumentException("ridge " + ridge + " is not ≥ 0");
            }
        }
        int n = size();
        int outputs = targets[0].length;
        int r = ridges.length;
        DMatrixRMaj projected = new DMatrixRMaj(n, outputs);
        CommonOps_DDRM.multTransA(vectors, Dense.matrix(targets), projected);
        // Stack the spectrally filtered targets of all ridges side by side so that one multiplication
        // by U maps them all back: columns [ridge × outputs + output].
        DMatrixRMaj inverseFiltered = new DMatrixRMaj(n, r * outputs);
        DMatrixRMaj smoothed = new DMatrixRMaj(n, r * outputs);
        for (int k = 0; k < n; k++) {
            double lambda = Math.max(eigenvalues[k], 0);
            for (int q = 0; q < r; q++) {
                double inverse = inverse(lambda, ridges[q]);
                for (int o = 0; o < outputs; o++) {
                    double a = projected.data[k * outputs + o];
                    inverseFiltered.data[k * r * outputs + q * outputs + o] = inverse * a;
                    smoothed.data[k * r * outputs + q * outputs + o] = lambda * inverse * a;
                }
            }
        }
        DMatrixRMaj coefficients = new DMatrixRMaj(n, r * outputs);
        DMatrixRMaj train = new DMatrixRMaj(n, r * outputs);
        CommonOps_DDRM.mult(vectors, inverseFiltered, coefficients);
        CommonOps_DDRM.mult(vectors, smoothed, train);
        return new RidgePath(ridges.clone(), outputs, coefficients, train);
    }

    /** 1/(λ+δ), with the pseudo-inverse convention for δ = 0 on the numerical null space. */
    private double inverse(double lambda, double ridge) {
        if (ridge == 0 && lambda <= nullThreshold) {
            return 0;
        }
        return 1 / (lambda + ridge);
    }
}
