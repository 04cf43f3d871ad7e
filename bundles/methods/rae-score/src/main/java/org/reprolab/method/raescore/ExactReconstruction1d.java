package org.reprolab.method.raescore;

/**
 * The exact optimum of the reconstruction contractive criterion E_x[(r(x) − x)² + σ²r′(x)²] over piecewise-linear
 * r on a uniform grid (Section 3.1 of the paper, "the non-parametric case"), with the expectation under the true
 * density taken by midpoint quadrature, so no sampling noise enters. With ρ the values of r at the nodes, A the
 * averaging and D the difference operator from nodes to cell midpoints x_m, and W = diag(p(x_m)·h), the criterion
 * is ρᵀ(AᵀWA + σ²DᵀWD)ρ − 2ρᵀAᵀWx + const, minimised by solving a symmetric tridiagonal system.
 */
final class ExactReconstruction1d {

    private ExactReconstruction1d() {
    }

    /**
     * The solved reconstruction function.
     *
     * @param nodes           the grid x_j
     * @param values          r(x_j)
     * @param sigma           the criterion's σ
     * @param spacing         the grid spacing h
     * @param asymmetry       max |Q[i, i+1] − Q[i+1, i]| of the assembled system relative to its largest entry
     * @param minRelativePivot the smallest Cholesky pivot over its diagonal entry (> 0: positive definite)
     */
    record Solution(double[] nodes, double[] values, double sigma, double spacing, double asymmetry,
                    double minRelativePivot) {

        /** The score estimate (r(x_j) − x_j)/σ² at node j. */
        double scoreEstimate(int j) {
            return (values[j] - nodes[j]) / (sigma * sigma);
        }

        /** The estimate (r′ − 1)/σ² of d²log p/dx² on cell j (between nodes j and j + 1). */
        double curvatureEstimate(int j) {
            return ((values[j + 1] - values[j]) / spacing - 1) / (sigma * sigma);
        }

        /** r(x) − x, linear between the nodes. */
        double displacementAt(double x) {
            double t = (x - nodes[0]) / spacing;
            int j = (int) Math.max(0, Math.min(nodes.length - 2, Math.floor(t)));
            double f = t - j;
            return (1 - f) * (values[j] - nodes[j]) + f * (values[j + 1] - nodes[j + 1]);
        }
    }

    /**
     * Minimises the criterion on [lo, hi] with nodes spaced {@code spacing} apart.
     *
     * @throws IllegalArgumentException when the grid has fewer than 3 nodes or the system is not positive definite
     */
    static Solution solve(Mixture1d density, double sigma, double lo, double hi, double spacing) {
        int cells = (int) Math.round((hi - lo) / spacing);
        if (cells < 2 || !(sigma > 0)) {
            throw new IllegalArgumentException("need ≥ 2 grid cells and σ > 0; got " + cells + " cells of width "
                    + spacing + " on [" + lo + ", " + hi + "], σ = " + sigma);
        }
        int n = cells + 1;
        double h = (hi - lo) / cells;
        double[] nodes = new double[n];
        for (int j = 0; j < n; j++) {
            nodes[j] = lo + j * h;
        }
        // Q accumulated row by row from the sparse rows of A and D; both triangles are kept to check symmetry.
        double[] diagonal = new double[n];
        double[] upper = new double[n - 1];
        double[] lower = new double[n - 1];
        double[] rhs = new double[n];
        double[] average = {0.5, 0.5};
        double[] difference = {-1 / h, 1 / h};
        for (int m = 0; m < cells; m++) {
            double midpoint = lo + (m + 0.5) * h;
            double weight = density.density(midpoint) * h;
            for (int a = 0; a < 2; a++) {
                rhs[m + a] += weight * average[a] * midpoint;
                for (int b = 0; b < 2; b++) {
                    double q = weight * (average[a] * average[b] + sigma * sigma * difference[a] * difference[b]);
                    if (a == b) {
                        diagonal[m + a] += q;
                    } else if (a < b) {
                        upper[m] += q;
                    } else {
                        lower[m] += q;
                    }
                }
            }
        }
        double largest = 0;
        double asymmetry = 0;
        for (int j = 0; j < n; j++) {
            largest = Math.max(largest, Math.abs(diagonal[j]));
        }
        for (int j = 0; j < n - 1; j++) {
            asymmetry = Math.max(asymmetry, Math.abs(upper[j] - lower[j]));
        }
        TridiagonalCholesky cholesky = new TridiagonalCholesky(diagonal, upper);
        return new Solution(nodes, cholesky.solve(rhs), sigma, h, asymmetry / largest, cholesky.minRelativePivot());
    }
}
