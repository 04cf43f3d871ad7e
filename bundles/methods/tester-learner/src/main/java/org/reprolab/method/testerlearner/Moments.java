package org.reprolab.method.testerlearner;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Empirical moments of a sample's points that the tests compare with the standard Gaussian's: second moments,
 * fourth moments along a direction, band masses and the covariance of a band in the directions orthogonal to w.
 */
final class Moments {

    private Moments() {
    }

    /** Σ̂ = (1/n) Σ x_i x_iᵀ (uncentred: the target's mean is 0 and its second-moment matrix is I). */
    static double[][] secondMoments(LabelledSample s) {
        int d = s.d();
        double[][] m = new double[d][d];
        double[] x = s.x();
        for (int i = 0; i < s.n(); i++) {
            int at = i * d;
            for (int a = 0; a < d; a++) {
                double xa = x[at + a];
                for (int b = a; b < d; b++) {
                    m[a][b] += xa * x[at + b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                m[a][b] /= s.n();
                m[b][a] = m[a][b];
            }
        }
        return m;
    }

    /** Ê⟨v, x⟩⁴ (3 for the standard Gaussian and a unit v). */
    static double fourthMomentAlong(LabelledSample s, double[] v) {
        double sum = 0;
        for (int i = 0; i < s.n(); i++) {
            double t = s.dot(v, i);
            sum += t * t * t * t;
        }
        return sum / s.n();
    }

    /** P̂(|⟨w, x⟩| ≤ width). */
    static double bandMass(LabelledSample s, double[] w, double width) {
        int inside = 0;
        for (int i = 0; i < s.n(); i++) {
            if (Math.abs(s.dot(w, i)) <= width) {
                inside++;
            }
        }
        return inside / (double) s.n();
    }

    /**
     * The covariance of the points of the band |⟨w, x⟩| ≤ width after projecting them onto w⊥ (u = x − ⟨w, x⟩w), as a
     * d×d matrix whose w-direction is zero, and the number of points in the band.
     */
    record BandCovariance(double[][] covariance, int count) {
    }

    static BandCovariance bandCovariance(LabelledSample s, double[] w, double width) {
        int d = s.d();
        double[] mean = new double[d];
        double[][] m = new double[d][d];
        double[] u = new double[d];
        int count = 0;
        for (int i = 0; i < s.n(); i++) {
            double t = s.dot(w, i);
            if (Math.abs(t) > width) {
                continue;
            }
            count++;
            int at = i * d;
            for (int a = 0; a < d; a++) {
                u[a] = s.x()[at + a] - t * w[a];
                mean[a] += u[a];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    m[a][b] += u[a] * u[b];
                }
            }
        }
        for (int a = 0; a < d && count > 0; a++) {
            mean[a] /= count;
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                m[a][b] = count == 0 ? 0 : m[a][b] / count - mean[a] * mean[b];
                m[b][a] = m[a][b];
            }
        }
        return new BandCovariance(m, count);
    }

    /** ‖A − B‖_op for symmetric d×d matrices: the largest |eigenvalue| of A − B (EJML's symmetric eigen-solver). */
    static double operatorDistance(double[][] a, double[][] b) {
        int d = a.length;
        DMatrixRMaj diff = new DMatrixRMaj(d, d);
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                diff.set(r, c, a[r][c] - b[r][c]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
        if (!eig.decompose(diff)) {
            throw new IllegalStateException("eigen-decomposition of a " + d + "×" + d + " symmetric matrix failed");
        }
        double largest = 0;
        for (int k = 0; k < d; k++) {
            largest = Math.max(largest, Math.abs(eig.getEigenvalue(k).getReal()));
        }
        return largest;
    }

    /** The identity I_d. */
    static double[][] identity(int d) {
        double[][] id = new double[d][d];
        for (int k = 0; k < d; k++) {
            id[k][k] = 1;
        }
        return id;
    }

    /** The projection I − wwᵀ onto w⊥ (the identity on w⊥) for a unit w. */
    static double[][] orthogonalProjection(double[] w) {
        double[][] p = identity(w.length);
        for (int a = 0; a < w.length; a++) {
            for (int b = 0; b < w.length; b++) {
                p[a][b] -= w[a] * w[b];
            }
        }
        return p;
    }
}
