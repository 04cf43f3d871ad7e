package org.reprolab.method.attentionrf;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.reprolab.theory.common.CholeskyRidge;
import org.reprolab.theory.common.EigenSweep;

/**
 * Ridge regression with an unpenalised intercept on features standardised on the training split, for a grid
 * of ridges and several outputs at once. The penalty is δ = λ·n on the standardised weights. With p features
 * and n samples it solves the primal p×p system (ZᵀZ + δI)w = Zᵀy when p ≤ n and the dual n×n system
 * (ZZᵀ + δI)α = y, w = Zᵀα, otherwise; one factorisation per ridge serves every output.
 *
 * <p>The fitted weights are mapped back to the raw features (w/σ and the intercept ȳ − ⟨μ, w/σ⟩), so any
 * evaluation split is predicted by one product with its raw feature matrix.
 */
final class StandardisedRidge {

    /** How each ridge system is solved: one Cholesky factorisation per ridge, or one eigendecomposition per grid. */
    enum Solver {
        CHOLESKY, EIGEN
    }

    /** Rows per block when accumulating Gram matrices, so that cancellation is checked well within a second. */
    private static final int BLOCK = 512;

    private final double[] ridges;
    private final int outputs;
    private final DMatrixRMaj rawWeights;   // p × (ridge × outputs)
    private final double[] intercepts;      // ridge × outputs

    private StandardisedRidge(double[] ridges, int outputs, DMatrixRMaj rawWeights, double[] intercepts) {
        this.ridges = ridges;
        this.outputs = outputs;
        this.rawWeights = rawWeights;
        this.intercepts = intercepts;
    }

    /**
     * Fits the first {@code n} rows of {@code features} to {@code targets[sample][output]} for every relative
     * ridge λ (penalty λ·n).
     *
     * @param checkpoint run between blocks of work (the run's cancellation check)
     */
    static StandardisedRidge fit(DMatrixRMaj features, int n, double[][] targets, double[] relativeRidges,
                                 Solver solver, Runnable checkpoint) {
        int p = features.numCols;
        if (n < 2 || n > features.numRows || targets.length < n) {
            throw new IllegalArgumentException("cannot fit " + n + " samples out of " + features.numRows + " feature rows and "
                    + targets.length + " targets");
        }
        int outputs = targets[0].length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        DMatrixRMaj z = standardise(features, n, mean, scale);
        double[] targetMean = new double[outputs];
        DMatrixRMaj centred = new DMatrixRMaj(n, outputs);
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < outputs; o++) {
                targetMean[o] += targets[i][o] / n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < outputs; o++) {
                centred.data[i * outputs + o] = targets[i][o] - targetMean[o];
            }
        }
        double[] penalties = new double[relativeRidges.length];
        for (int q = 0; q < penalties.length; q++) {
            if (!(relativeRidges[q] > 0)) {
                throw new IllegalArgumentException("ridge " + relativeRidges[q] + " is not > 0");
            }
            penalties[q] = relativeRidges[q] * n;
        }
        DMatrixRMaj weights = p <= n
                ? primal(z, centred, penalties, solver, checkpoint)
                : dual(z, centred, penalties, solver, checkpoint);
        double[] intercepts = new double[penalties.length * outputs];
        for (int j = 0; j < p; j++) {
            for (int c = 0; c < weights.numCols; c++) {
                double w = weights.data[j * weights.numCols + c] / scale[j];
                weights.data[j * weights.numCols + c] = w;
                intercepts[c] -= mean[j] * w;
            }
        }
        for (int c = 0; c < intercepts.length; c++) {
            intercepts[c] += targetMean[c % outputs];
        }
        return new StandardisedRidge(relativeRidges.clone(), outputs, weights, intercepts);
    }

    /** Predictions {@code [ridge][sample][output]} for the raw feature rows given. */
    double[][][] predict(DMatrixRMaj features) {
        if (features.numCols != rawWeights.numRows) {
            throw new IllegalArgumentException(features.numCols + " features for a fit on " + rawWeights.numRows);
        }
        DMatrixRMaj out = new DMatrixRMaj(features.numRows, rawWeights.numCols);
        CommonOps_DDRM.mult(features, rawWeights, out);
        double[][][] predictions = new double[ridges.length][features.numRows][outputs];
        for (int i = 0; i < features.numRows; i++) {
            for (int q = 0; q < ridges.length; q++) {
                for (int o = 0; o < outputs; o++) {
                    int c = q * outputs + o;
                    predictions[q][i][o] = out.data[i * out.numCols + c] + intercepts[c];
                }
            }
        }
        return predictions;
    }

    double[] ridges() {
        return ridges.clone();
    }

    /** Z = (Φ − μ)/σ over the first n rows; a constant feature keeps σ = 1 (it is then all zeros). */
    private static DMatrixRMaj standardise(DMatrixRMaj features, int n, double[] mean, double[] scale) {
        int p = features.numCols;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mean[j] += features.data[i * p + j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double c = features.data[i * p + j] - mean[j];
                scale[j] += c * c;
            }
        }
        DMatrixRMaj z = new DMatrixRMaj(n, p);
        for (int j = 0; j < p; j++) {
            double sd = Math.sqrt(scale[j] / n);
            scale[j] = sd > 0 ? sd : 1;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                z.data[i * p + j] = (features.data[i * p + j] - mean[j]) / scale[j];
            }
        }
        return z;
    }

    /** Weights {@code p × (ridge × output)} from (ZᵀZ + δI)w = Zᵀy. */
    private static DMatrixRMaj primal(DMatrixRMaj z, DMatrixRMaj y, double[] penalties, Solver solver, Runnable checkpoint) {
        int n = z.numRows;
        int p = z.numCols;
        DMatrixRMaj gram = new DMatrixRMaj(p, p);
        for (int start = 0; start < n; start += BLOCK) {
            DMatrixRMaj rows = CommonOps_DDRM.extract(z, start, Math.min(n, start + BLOCK), 0, p);
            CommonOps_DDRM.multAddTransA(rows, rows, gram);
            checkpoint.run();
        }
        DMatrixRMaj moments = new DMatrixRMaj(p, y.numCols);
        CommonOps_DDRM.multTransA(z, y, moments);
        return solve(gram, moments, penalties, solver, checkpoint);
    }

    /** Weights w = Zᵀα from (ZZᵀ + δI)α = y. */
    private static DMatrixRMaj dual(DMatrixRMaj z, DMatrixRMaj y, double[] penalties, Solver solver, Runnable checkpoint) {
        int n = z.numRows;
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(z, z, gram);
        checkpoint.run();
        DMatrixRMaj alpha = solve(gram, y, penalties, solver, checkpoint);
        DMatrixRMaj weights = new DMatrixRMaj(z.numCols, alpha.numCols);
        CommonOps_DDRM.multTransA(z, alpha, weights);
        return weights;
    }

    /** (A + δI)⁻¹B for every δ, stacked as columns [ridge × output + output]. */
    private static DMatrixRMaj solve(DMatrixRMaj a, DMatrixRMaj b, double[] penalties, Solver solver, Runnable checkpoint) {
        symmetrise(a);
        double[][] matrix = rows(a);
        double[][] rhs = rows(b);
        int outputs = b.numCols;
        double[][][] solutions;
        if (solver == Solver.EIGEN) {
            solutions = EigenSweep.decompose(matrix).sweep(rhs, penalties).coefficients();
        } else {
            solutions = new double[penalties.length][][];
            for (int q = 0; q < penalties.length; q++) {
                solutions[q] = CholeskyRidge.coefficients(matrix, rhs, penalties[q]);
                checkpoint.run();
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, penalties.length * outputs);
        for (int q = 0; q < penalties.length; q++) {
            for (int i = 0; i < a.numRows; i++) {
                System.arraycopy(solutions[q][i], 0, out.data, i * out.numCols + q * outputs, outputs);
            }
        }
        return out;
    }

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

    static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
        }
        return out;
    }
}
