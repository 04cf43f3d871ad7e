package org.reprolab.method.attentionrf;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The smoke profile's invariants, measured on a small problem of the run's dimension and fewest keys so every
 * run records them: key-permutation invariance of the RFA features, their reduction when every key equals the
 * query and W = W₀, the λ → 0 limit of the ridge fit against ordinary least squares (p &lt; n), and the
 * agreement of the Cholesky and eigendecomposition ridge solvers.
 */
final class InvariantChecks {

    /** Heads of the check model (its p = heads·(d+1) must stay well below its n). */
    private static final int HEADS = 20;
    /** The vanishing ridge at which ridge regression must equal least squares. */
    static final double VANISHING_RIDGE = 1e-10;

    private InvariantChecks() {
    }

    record Findings(double permutationGap, double equalKeysGap, double olsGap, double solverGap) {
    }

    static Findings measure(int dim, int keys, RandomGenerator rng) {
        int p = HEADS * (dim + 1);
        int n = 2 * p + 50;
        int heldOut = 200;
        RandomFeatureAttention rfa = RandomFeatureAttention.zeroMean(HEADS, dim, rng);
        TokenSequences sequences = TokenSequences.draw(n + heldOut, keys, dim, rng);
        Targets targets = Targets.calibrate(dim, keys, 2000, rng);
        return new Findings(permutationGap(rfa, sequences, rng), equalKeysGap(dim, keys, sequences),
                olsGap(rfa, sequences, targets, n), solverGap(rfa, sequences, targets, n));
    }

    /** Max |φ(x₀; x_π(1:N)) − φ(x₀; x_{1:N})| over sequences and a random permutation π of each. */
    static double permutationGap(RandomFeatureAttention map, TokenSequences sequences, RandomGenerator rng) {
        double[] a = new double[map.dimension()];
        double[] b = new double[map.dimension()];
        double gap = 0;
        for (int s = 0; s < Math.min(100, sequences.size()); s++) {
            double[][] keys = sequences.keys()[s];
            double[][] shuffled = keys.clone();
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                double[] t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            map.headFeatures(sequences.queries()[s], keys, a);
            map.headFeatures(sequences.queries()[s], shuffled, b);
            for (int k = 0; k < a.length; k++) {
                gap = Math.max(gap, Math.abs(a[k] - b[k]));
            }
        }
        return gap;
    }

    /** With every key equal to x₀ and every head W₀: max |φ_m − relu(x̃₀ᵀW₀x̃₀)·x̃₀|. */
    static double equalKeysGap(int dim, int keys, TokenSequences sequences) {
        double[][] w0 = RandomFeatureAttention.identityMean(dim);
        RandomFeatureAttention map = new RandomFeatureAttention(new double[][][] {w0, w0, w0});
        double[] features = new double[map.dimension()];
        double gap = 0;
        for (int s = 0; s < Math.min(100, sequences.size()); s++) {
            double[] query = sequences.queries()[s];
            double[][] copies = new double[keys][];
            java.util.Arrays.fill(copies, query);
            map.headFeatures(query, copies, features);
            double[] q = TokenSequences.augmented(query);
            double score = 0;
            for (int a = 0; a < q.length; a++) {
                for (int b = 0; b < q.length; b++) {
                    score += q[a] * w0[a][b] * q[b];
                }
            }
            score = Math.max(0, score);
            for (int k = 0; k < features.length; k++) {
                gap = Math.max(gap, Math.abs(features[k] - score * q[k % q.length]));
            }
        }
        return gap;
    }

    /**
     * Ridge at λ = 1e-10 against least squares with an intercept by Householder QR on the raw features:
     * max |difference| of held-out predictions relative to their RMS.
     */
    static double olsGap(FeatureMap map, TokenSequences sequences, Targets targets, int n) {
        DMatrixRMaj features = map.features(sequences);
        double[][] y = targets.values(sequences);
        double[][][] ridge = StandardisedRidge.fit(features, n, y, new double[] {VANISHING_RIDGE}, StandardisedRidge.Solver.CHOLESKY,
                () -> { }).predict(features);
        int p = features.numCols;
        DMatrixRMaj design = new DMatrixRMaj(n, p + 1);
        DMatrixRMaj rhs = new DMatrixRMaj(n, Targets.COUNT);
        for (int i = 0; i < n; i++) {
            System.arraycopy(features.data, i * p, design.data, i * (p + 1), p);
            design.data[i * (p + 1) + p] = 1;
            System.arraycopy(y[i], 0, rhs.data, i * Targets.COUNT, Targets.COUNT);
        }
        LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquares(n, p + 1);
        if (!qr.setA(design)) {
            throw new IllegalStateException("least-squares design matrix is rank deficient");
        }
        DMatrixRMaj coefficients = new DMatrixRMaj(p + 1, Targets.COUNT);
        qr.solve(rhs, coefficients);
        double worst = 0;
        double squares = 0;
        int count = 0;
        for (int s = n; s < sequences.size(); s++) {
            for (int t = 0; t < Targets.COUNT; t++) {
                double ols = coefficients.get(p, t);
                for (int j = 0; j < p; j++) {
                    ols += features.get(s, j) * coefficients.get(j, t);
                }
                worst = Math.max(worst, Math.abs(ols - ridge[0][s][t]));
                squares += ols * ols;
                count++;
            }
        }
        return worst / Math.sqrt(squares / count);
    }

    /** Max |Cholesky − eigen| held-out prediction over a ridge grid, relative to the predictions' RMS. */
    static double solverGap(FeatureMap map, TokenSequences sequences, Targets targets, int n) {
        DMatrixRMaj features = map.features(sequences);
        double[][] y = targets.values(sequences);
        double[] ridges = {1e-6, 1e-3, 1, 10};
        double[][][] chol = StandardisedRidge.fit(features, n, y, ridges, StandardisedRidge.Solver.CHOLESKY, () -> { }).predict(features);
        double[][][] eig = StandardisedRidge.fit(features, n, y, ridges, StandardisedRidge.Solver.EIGEN, () -> { }).predict(features);
        double worst = 0;
        double squares = 0;
        int count = 0;
        for (int q = 0; q < ridges.length; q++) {
            for (int s = n; s < sequences.size(); s++) {
                for (int t = 0; t < Targets.COUNT; t++) {
                    worst = Math.max(worst, Math.abs(chol[q][s][t] - eig[q][s][t]));
                    squares += chol[q][s][t] * chol[q][s][t];
                    count++;
                }
            }
        }
        return worst / Math.sqrt(squares / count);
    }
}
