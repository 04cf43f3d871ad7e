package org.reprolab.method.raescore;

/**
 * The Cholesky factorisation Q = LLᵀ of a symmetric tridiagonal matrix (L lower bidiagonal), and the solve of
 * Qρ = b with it: O(n) for the banded system the exact 1-D criterion gives.
 */
final class TridiagonalCholesky {

    private final double[] diagonal;   // L's diagonal
    private final double[] below;      // L's sub-diagonal
    private final double minPivot;

    /**
     * @param diagonal Q's diagonal (n entries)
     * @param offDiagonal Q's off-diagonal Q[i, i+1] = Q[i+1, i] (n − 1 entries)
     * @throws IllegalArgumentException when Q is not positive definite (a pivot ≤ 0)
     */
    TridiagonalCholesky(double[] diagonal, double[] offDiagonal) {
        int n = diagonal.length;
        if (offDiagonal.length != n - 1) {
            throw new IllegalArgumentException("tridiagonal matrix of size " + n + " needs " + (n - 1)
                    + " off-diagonal entries, got " + offDiagonal.length);
        }
        this.diagonal = new double[n];
        this.below = new double[Math.max(0, n - 1)];
        double min = Double.POSITIVE_INFINITY;
        double previous = 0;
        for (int i = 0; i < n; i++) {
            double pivot = diagonal[i] - (i > 0 ? previous * previous : 0);
            if (!(pivot > 0)) {
                throw new IllegalArgumentException("matrix is not positive definite: pivot " + pivot + " at row " + i);
            }
            min = Math.min(min, pivot / diagonal[i]);
            this.diagonal[i] = Math.sqrt(pivot);
            if (i < n - 1) {
                previous = offDiagonal[i] / this.diagonal[i];
                below[i] = previous;
            }
        }
        this.minPivot = min;
    }

    /** The smallest pivot relative to its diagonal entry of Q: in (0, 1] for a positive definite matrix. */
    double minRelativePivot() {
        return minPivot;
    }

    /** ρ with Qρ = b. */
    double[] solve(double[] b) {
        int n = diagonal.length;
        if (b.length != n) {
            throw new IllegalArgumentException("right-hand side of length " + b.length + " for a system of size " + n);
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (b[i] - (i > 0 ? below[i - 1] * y[i - 1] : 0)) / diagonal[i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            x[i] = (y[i] - (i < n - 1 ? below[i] * x[i + 1] : 0)) / diagonal[i];
        }
        return x;
    }
}
