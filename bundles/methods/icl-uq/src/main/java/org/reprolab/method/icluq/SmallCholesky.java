package org.reprolab.method.icluq;

/** Cholesky factorisation and solves for the tiny (d×d) symmetric positive-definite systems of the Bayes predictors. */
final class SmallCholesky {

    private SmallCholesky() {
    }

    /** Overwrites the row-major n×n SPD matrix {@code a} with its lower factor L (A = LLᵀ); returns log|A|. */
    static double factorInPlace(double[] a, int n) {
        double logDet = 0;
        for (int j = 0; j < n; j++) {
            double diag = a[j * n + j];
            for (int k = 0; k < j; k++) {
                diag -= a[j * n + k] * a[j * n + k];
            }
            if (!(diag > 0)) {
                throw new IllegalArgumentException("matrix is not positive definite (pivot " + diag + " at " + j + ")");
            }
            double l = Math.sqrt(diag);
            a[j * n + j] = l;
            logDet += 2 * Math.log(l);
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = s / l;
            }
        }
        return logDet;
    }

    /** Solves LLᵀz = r for z, with L from {@link #factorInPlace}. */
    static void solve(double[] factor, int n, double[] r, double[] z) {
        for (int i = 0; i < n; i++) {
            double s = r[i];
            for (int k = 0; k < i; k++) {
                s -= factor[i * n + k] * z[k];
            }
            z[i] = s / factor[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) {
                s -= factor[k * n + i] * z[k];
            }
            z[i] = s / factor[i * n + i];
        }
    }
}
