package org.reprolab.method.inductivebias;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.reprolab.theory.common.EigenSweep;
import org.reprolab.theory.common.Parallel;

/**
 * The paper's broad hypothesis space: an RBF-kernel Gaussian process conditioned to interpolate the training set.
 * Restricted to the m test points a hypothesis is a draw μ + Lξ, ξ ~ N(0, I), with the posterior mean
 * μ = K_tx (K_xx + jI)⁻¹ Y and LLᵀ = C the posterior covariance K_tt − K_tx (K_xx + jI)⁻¹ K_xt plus the same jitter
 * j (so that C is positive definite and has a Cholesky factor); each output dimension shares C. The space's test MSE
 * is then exactly a weighted sum of non-central χ²₁ terms: with C = QΛQᵀ and c = Qᵀ(μ − Y), term (i, k) has
 * weight λ_i/(mK) and non-centrality c_ik²/λ_i ({@link #lossLaw()}).
 */
final class GaussianProcessSpace {

    /** Samples are drawn in blocks, each from its own random stream, so the draw does not depend on threads. */
    static final int SAMPLE_BLOCK = 250;

    private final RegressionTask task;
    private final double[][] testMean;
    private final double[][] trainFitError;
    private final double[][] covariance;
    private final double minCovarianceEigenvalue;
    private final WeightedChiSquareSum lossLaw;
    private final DMatrixRMaj cholesky;

    /**
     * Conditions the GP with kernel k(x, x') = exp(−‖x − x'‖²/(2ℓ²)) on the task's training set.
     *
     * @param jitter added to the diagonal of K_xx before solving and to the posterior covariance
     */
    GaussianProcessSpace(RegressionTask task, double lengthscale, double jitter) {
        this.task = task;
        int n = task.trainX().length;
        double[][] kxx = RbfKernel.gram(task.trainX(), task.trainX(), lengthscale);
        double[][] ktx = RbfKernel.gram(task.testX(), task.trainX(), lengthscale);
        double[][] ktt = RbfKernel.gram(task.testX(), task.testX(), lengthscale);
        DMatrixRMaj kxxJ = new DMatrixRMaj(kxx);
        for (int i = 0; i < n; i++) {
            kxxJ.add(i, i, jitter);
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
        if (!solver.setA(kxxJ)) {
            throw new IllegalStateException("Cholesky of K_xx + jitter·I failed (n = " + n + ", jitter = " + jitter + ")");
        }
        DMatrixRMaj alpha = new DMatrixRMaj(n, task.outputs());
        solver.solve(new DMatrixRMaj(task.trainY()), alpha);
        DMatrixRMaj ktxM = new DMatrixRMaj(ktx);
        DMatrixRMaj mean = new DMatrixRMaj(ktx.length, task.outputs());
        CommonOps_DDRM.mult(ktxM, alpha, mean);
        this.testMean = rows(mean);
        DMatrixRMaj trainMean = new DMatrixRMaj(n, task.outputs());
        CommonOps_DDRM.mult(new DMatrixRMaj(kxx), alpha, trainMean);
        this.trainFitError = subtract(rows(trainMean), task.trainY());

        // Σ = K_tt − K_tx (K_xx + jI)⁻¹ K_xt
        DMatrixRMaj solved = new DMatrixRMaj(n, ktx.length);
        solver.solve(CommonOps_DDRM.transpose(ktxM, null), solved);
        DMatrixRMaj sigma = new DMatrixRMaj(ktt);
        CommonOps_DDRM.multAdd(-1, ktxM, solved, sigma);
        int m = ktx.length;
        double[][] posterior = rows(sigma);
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < i; k++) {
                double avg = 0.5 * (posterior[i][k] + posterior[k][i]);
                posterior[i][k] = avg;
                posterior[k][i] = avg;
            }
        }
        EigenSweep posteriorEigen = EigenSweep.decompose(posterior);
        double[] lambda = posteriorEigen.eigenvalues();
        this.minCovarianceEigenvalue = lambda[m - 1];
        for (int i = 0; i < m; i++) {
            posterior[i][i] += jitter;
        }
        this.covariance = posterior;
        this.lossLaw = lossLaw(posteriorEigen, lambda, jitter);
        this.cholesky = choleskyLower(posterior);
    }

    /** μ over the test points, [point][output]. */
    double[][] testMean() {
        return testMean;
    }

    /** Posterior mean minus the target at the training points: ≈ 0 because the space interpolates. */
    double maxTrainingFitError() {
        double max = 0;
        for (double[] row : trainFitError) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /** The smallest eigenvalue of the posterior covariance before jitter (≥ −round-off for a PSD matrix). */
    double minCovarianceEigenvalue() {
        return minCovarianceEigenvalue;
    }

    /** The covariance C (with jitter) the hypotheses are drawn with. */
    double[][] covariance() {
        return covariance;
    }

    /** The exact law of a hypothesis's test MSE. */
    WeightedChiSquareSum lossLaw() {
        return lossLaw;
    }

    /**
     * Test MSEs of {@code count} hypotheses drawn from the posterior. Block b of {@link #SAMPLE_BLOCK} samples draws
     * from {@code streams.apply(b)}; blocks run in parallel and land in order.
     */
    double[] sampleTestMses(int count, java.util.function.IntFunction<RandomGenerator> streams, Runnable cancel) {
        int blocks = (count + SAMPLE_BLOCK - 1) / SAMPLE_BLOCK;
        List<double[]> parts = Parallel.map(blocks, b -> {
            cancel.run();
            return sampleBlock(Math.min(SAMPLE_BLOCK, count - b * SAMPLE_BLOCK), streams.apply(b));
        });
        double[] out = new double[count];
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(parts.get(b), 0, out, b * SAMPLE_BLOCK, parts.get(b).length);
        }
        return out;
    }

    private double[] sampleBlock(int count, RandomGenerator rng) {
        int m = testMean.length;
        int outputs = task.outputs();
        int columns = count * outputs;
        DMatrixRMaj xi = new DMatrixRMaj(m, columns);
        for (int i = 0; i < xi.data.length; i++) {
            xi.data[i] = rng.nextGaussian();
        }
        DMatrixRMaj draws = new DMatrixRMaj(m, columns);
        CommonOps_DDRM.mult(cholesky, xi, draws);
        double[][] yTest = task.testY();
        double[] mses = new double[count];
        for (int i = 0; i < m; i++) {
            int row = i * columns;
            for (int s = 0; s < count; s++) {
                double sum = 0;
                for (int k = 0; k < outputs; k++) {
                    double r = testMean[i][k] + draws.data[row + s * outputs + k] - yTest[i][k];
                    sum += r * r;
                }
                mses[s] += sum;
            }
        }
        for (int s = 0; s < count; s++) {
            mses[s] /= (double) m * outputs;
        }
        return mses;
    }

    private WeightedChiSquareSum lossLaw(EigenSweep eigen, double[] lambda, double jitter) {
        int m = lambda.length;
        int outputs = task.outputs();
        double[] weights = new double[m * outputs];
        double[] noncentralities = new double[m * outputs];
        double[] residual = new double[m];
        for (int k = 0; k < outputs; k++) {
            for (int i = 0; i < m; i++) {
                residual[i] = testMean[i][k] - task.testY()[i][k];
            }
            double[] c = eigen.spectralCoefficients(residual);
            for (int i = 0; i < m; i++) {
                double variance = Math.max(lambda[i], 0) + jitter;
                weights[k * m + i] = variance / ((double) m * outputs);
                noncentralities[k * m + i] = c[i] * c[i] / variance;
            }
        }
        return new WeightedChiSquareSum(weights, noncentralities);
    }

    private static DMatrixRMaj choleskyLower(double[][] a) {
        int m = a.length;
        DMatrixRMaj l = new DMatrixRMaj(m, m);
        for (int j = 0; j < m; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l.get(j, k) * l.get(j, k);
            }
            if (!(d > 0)) {
                throw new IllegalStateException("posterior covariance + jitter·I is not positive definite (pivot " + j + ")");
            }
            double ljj = Math.sqrt(d);
            l.set(j, j, ljj);
            for (int i = j + 1; i < m; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l.get(i, k) * l.get(j, k);
                }
                l.set(i, j, s / ljj);
            }
        }
        return l;
    }

    private static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
        }
        return out;
    }

    private static double[][] subtract(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a[0].length; k++) {
                out[i][k] = a[i][k] - b[i][k];
            }
        }
        return out;
    }
}
