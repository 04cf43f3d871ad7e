package org.reprolab.method.snnk;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionBlock_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.reprolab.api.RunContext;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.theory.common.Parallel;

/**
 * The fully bundled network of Sec. 4: with ReLU-SNNK features Φ(x) = relu(Gx)/√m, the two-layer network collapses
 * to y = MᵀΦ(x) with one m × classes matrix M, whose MSE-optimal value is closed-form ridge regression,
 * M = (ΦᵀΦ + λI)⁻¹ΦᵀY — no backpropagation. The primal m × m system is factorised by Cholesky (EJML) for each λ
 * of the grid, λ is chosen on held-out validation images, and the chosen solution is polished by one step of
 * iterative refinement with residuals in double precision (the Gram matrix itself is accumulated in float32 by
 * the tensor library's GEMM, which is what makes m = 4096 affordable).
 */
final class BundledNetwork {

    /** Rows per chunk of the double-precision residual products (fixed, so sums are order-independent of threads). */
    private static final int CHUNK = 1024;
    private static final int CHOLESKY_BLOCK = 64;

    /**
     * @param relativeGradient ‖∇_M ridge loss‖ / ‖ΦᵀY‖ at the returned M (≈ 0 at the closed-form optimum)
     * @param ridgeSeconds     seconds of the Cholesky factorisations and solves over the whole λ grid
     */
    record Fit(int features, double ridge, double validationAccuracy, double testAccuracy, double relativeGradient,
               long trainableParameters, double featureSeconds, double gramSeconds, double ridgeSeconds, double seconds) {
    }

    private BundledNetwork() {
    }

    /**
     * Fits M for every ridge λ = factor·tr(ΦᵀΦ)/m, keeps the one with the best validation accuracy (the first on
     * ties) and reports its test accuracy.
     */
    static Fit fit(ImageData data, int m, double[] ridgeFactors, RandomGenerator rng, RunContext ctx) {
        long start = System.nanoTime();
        Tensor projection = new Generator(rng.nextLong()).randn(m, data.dim());
        Tensor phiTrain;
        Tensor phiValidation;
        Tensor phiTest;
        try (var ignored = Autograd.noGrad()) {
            phiTrain = features(data.train(), projection);
            phiValidation = features(data.validation(), projection);
            phiTest = features(data.test(), projection);
        }
        double featureSeconds = seconds(start);
        ctx.checkCancelled();

        long t = System.nanoTime();
        double[] gram = toDouble(phiTrain.t().matmul(phiTrain).toFloatArray());
        symmetrise(gram, m);
        double gramSeconds = seconds(t);
        float[] phi = phiTrain.toFloatArray();
        int n = data.trainLabels().length;
        int classes = data.classes();
        double[] rhs = transposeTimesOneHot(phi, n, m, data.trainLabels(), classes);
        double trace = 0;
        for (int j = 0; j < m; j++) {
            trace += gram[j * m + j];
        }

        t = System.nanoTime();
        double bestAccuracy = -1;
        double bestRidge = Double.NaN;
        DMatrixRMaj best = null;
        LinearSolverDense<DMatrixRMaj> bestSolver = null;
        for (double factor : ridgeFactors) {
            ctx.checkCancelled();
            double ridge = factor * trace / m;
            LinearSolverDense<DMatrixRMaj> solver = cholesky(gram, m, ridge);
            DMatrixRMaj coefficients = new DMatrixRMaj(m, classes);
            solver.solve(DMatrixRMaj.wrap(m, classes, rhs.clone()), coefficients);
            double accuracy = Classifier.accuracy(f -> f.matmul(asTensor(coefficients)), phiValidation, data.validationLabels());
            ctx.log().info("bundled m = {}: λ = {} validation accuracy {}", m, ridge, accuracy);
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                bestRidge = ridge;
                best = coefficients;
                bestSolver = solver;
            }
        }
        double ridgeSeconds = seconds(t);

        double[] residual = normalEquationResidual(phi, n, m, rhs, best.data, bestRidge, classes);
        DMatrixRMaj correction = new DMatrixRMaj(m, classes);
        bestSolver.solve(DMatrixRMaj.wrap(m, classes, residual), correction);
        for (int i = 0; i < best.data.length; i++) {
            best.data[i] += correction.data[i];
        }
        double relativeGradient = norm(normalEquationResidual(phi, n, m, rhs, best.data, bestRidge, classes)) / norm(rhs);
        DMatrixRMaj chosen = best;
        double testAccuracy = Classifier.accuracy(f -> f.matmul(asTensor(chosen)), phiTest, data.testLabels());
        return new Fit(m, bestRidge, bestAccuracy, testAccuracy, relativeGradient, (long) m * classes, featureSeconds,
                gramSeconds, ridgeSeconds, seconds(start));
    }

    /** Φ(x) = relu(xGᵀ)/√m, the same ReLU-SNNK input features as {@link SnnkLayer#inputFeatures}. */
    static Tensor features(Tensor x, Tensor projection) {
        return x.matmulTransposed(projection).relu().mul(1 / Math.sqrt(projection.size(0)));
    }

    private static LinearSolverDense<DMatrixRMaj> cholesky(double[] gram, int m, double ridge) {
        DMatrixRMaj a = DMatrixRMaj.wrap(m, m, gram.clone());
        for (int j = 0; j < m; j++) {
            a.data[j * m + j] += ridge;
        }
        // The row-major blocked Cholesky: EJML's factory picks its block-matrix solver above a size threshold, and
        // that one needs EJML's concurrency library, which this bundle does not embed.
        LinearSolverDense<DMatrixRMaj> solver = new LinearSolverChol_DDRM(new CholeskyDecompositionBlock_DDRM(CHOLESKY_BLOCK));
        if (!solver.setA(a)) {
            throw new IllegalStateException("ΦᵀΦ + " + ridge + "·I is not numerically positive definite (m = " + m + ")");
        }
        return solver;
    }

    /** ΦᵀY for one-hot Y: column c sums the feature rows of class c. */
    private static double[] transposeTimesOneHot(float[] phi, int n, int m, int[] labels, int classes) {
        double[] out = new double[m * classes];
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            for (int j = 0; j < m; j++) {
                out[j * classes + c] += phi[i * m + j];
            }
        }
        return out;
    }

    /**
     * ΦᵀY − (ΦᵀΦ + λI)M in double precision, straight from the features: −½ the gradient of the ridge loss
     * ‖ΦM − Y‖² + λ‖M‖² (Y = ΦᵀY's one-hot targets, given here through {@code rhs}).
     */
    static double[] normalEquationResidual(float[] phi, int n, int m, double[] rhs, double[] coefficients, double ridge, int classes) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        List<double[]> parts = Parallel.map(chunks, chunk -> {
            double[] part = new double[m * classes];
            double[] row = new double[classes];
            for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                java.util.Arrays.fill(row, 0);
                int base = i * m;
                for (int j = 0; j < m; j++) {
                    double f = phi[base + j];
                    if (f != 0) {
                        for (int c = 0; c < classes; c++) {
                            row[c] += f * coefficients[j * classes + c];
                        }
                    }
                }
                for (int j = 0; j < m; j++) {
                    double f = phi[base + j];
                    if (f != 0) {
                        for (int c = 0; c < classes; c++) {
                            part[j * classes + c] += f * row[c];
                        }
                    }
                }
            }
            return part;
        });
        double[] out = rhs.clone();
        for (double[] part : parts) {
            for (int i = 0; i < out.length; i++) {
                out[i] -= part[i];
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] -= ridge * coefficients[i];
        }
        return out;
    }

    private static Tensor asTensor(DMatrixRMaj matrix) {
        return Tensor.of(matrix.data.clone(), matrix.numRows, matrix.numCols).to(org.reprolab.tensor.backend.DType.FLOAT32);
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static void symmetrise(double[] a, int m) {
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double v = 0.5 * (a[i * m + j] + a[j * m + i]);
                a[i * m + j] = v;
                a[j * m + i] = v;
            }
        }
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
