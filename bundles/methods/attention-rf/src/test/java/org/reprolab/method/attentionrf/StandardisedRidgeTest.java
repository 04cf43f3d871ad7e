package org.reprolab.method.attentionrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.reprolab.theory.common.RandomFeatures;

class StandardisedRidgeTest {

    /**
     * The ridge optimum in standardised coordinates satisfies Zᵀ(y_c − Zw) = δw, hence K·r = δ·ŷ_c with
     * K = ZZᵀ, residual r and centred fit ŷ_c; checked independently of the solver, on both the primal
     * (p ≤ n) and the dual (p &gt; n) route and with both solvers.
     */
    @Test
    void fitsSatisfyTheRidgeOptimalityCondition() {
        for (int[] shape : new int[][] {{60, 20}, {25, 40}}) {
            for (StandardisedRidge.Solver solver : StandardisedRidge.Solver.values()) {
                int n = shape[0];
                int p = shape[1];
                SplittableRandom rng = new SplittableRandom(n + p);
                DMatrixRMaj features = matrix(RandomFeatures.gaussian(n, p, rng));
                for (int i = 0; i < features.data.length; i++) {
                    features.data[i] = 3 + Math.max(0, features.data[i]);   // non-centred, like ReLU features
                }
                double[][] y = RandomFeatures.gaussian(n, 2, rng);
                double lambda = 0.05;
                double[][] fit = StandardisedRidge.fit(features, n, y, new double[] {lambda}, solver, () -> { }).predict(features)[0];
                double[][] z = standardised(features);
                for (int o = 0; o < 2; o++) {
                    double yMean = 0;
                    double fitMean = 0;
                    for (int i = 0; i < n; i++) {
                        yMean += y[i][o] / n;
                        fitMean += fit[i][o] / n;
                    }
                    assertEquals(yMean, fitMean, 1e-10, "the intercept makes the fit's mean the target mean");
                    for (int i = 0; i < n; i++) {
                        double kr = 0;
                        for (int k = 0; k < n; k++) {
                            kr += Targets.dot(z[i], z[k]) * (y[k][o] - fit[k][o]);
                        }
                        assertEquals(lambda * n * (fit[i][o] - yMean), kr, 1e-8, solver + " n=" + n + " p=" + p + " sample " + i);
                    }
                }
            }
        }
    }

    @Test
    void rescalingAFeatureOrShiftingTheTargetsChangesNothingButTheShift() {
        SplittableRandom rng = new SplittableRandom(9);
        DMatrixRMaj features = matrix(RandomFeatures.gaussian(80, 10, rng));
        double[][] y = RandomFeatures.gaussian(80, 1, rng);
        double[] ridges = {1e-3, 1};
        double[][][] base = StandardisedRidge.fit(features, 50, y, ridges, StandardisedRidge.Solver.CHOLESKY, () -> { }).predict(features);
        DMatrixRMaj scaled = features.copy();
        double[][] shifted = new double[80][1];
        for (int i = 0; i < 80; i++) {
            scaled.set(i, 3, 7 * scaled.get(i, 3) + 2);
            shifted[i][0] = y[i][0] + 5;
        }
        double[][][] a = StandardisedRidge.fit(scaled, 50, y, ridges, StandardisedRidge.Solver.CHOLESKY, () -> { }).predict(scaled);
        double[][][] b = StandardisedRidge.fit(features, 50, shifted, ridges, StandardisedRidge.Solver.CHOLESKY, () -> { }).predict(features);
        for (int q = 0; q < 2; q++) {
            for (int i = 0; i < 80; i++) {
                assertEquals(base[q][i][0], a[q][i][0], 1e-10);
                assertEquals(base[q][i][0] + 5, b[q][i][0], 1e-10);
            }
        }
    }

    @Test
    void vanishingRidgeIsLeastSquares() {
        SplittableRandom rng = new SplittableRandom(3);
        int dim = 4;
        int keys = 3;
        TokenSequences seq = TokenSequences.draw(300, keys, dim, rng);
        Targets targets = Targets.calibrate(dim, keys, 2000, rng);
        double gap = InvariantChecks.olsGap(RandomFeatureAttention.zeroMean(20, dim, rng), seq, targets, 250);
        assertTrue(gap <= 1e-6, "relative gap " + gap);
    }

    @Test
    void rejectsBadInput() {
        DMatrixRMaj features = new DMatrixRMaj(10, 3);
        double[][] y = new double[10][1];
        assertThrows(IllegalArgumentException.class,
                () -> StandardisedRidge.fit(features, 10, y, new double[] {0}, StandardisedRidge.Solver.CHOLESKY, () -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> StandardisedRidge.fit(features, 11, y, new double[] {1}, StandardisedRidge.Solver.CHOLESKY, () -> { }));
    }

    private static DMatrixRMaj matrix(double[][] rows) {
        DMatrixRMaj m = new DMatrixRMaj(rows.length, rows[0].length);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, m.data, i * rows[0].length, rows[0].length);
        }
        return m;
    }

    private static double[][] standardised(DMatrixRMaj features) {
        int n = features.numRows;
        int p = features.numCols;
        double[][] z = new double[n][p];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += features.get(i, j) / n;
            }
            double var = 0;
            for (int i = 0; i < n; i++) {
                var += Math.pow(features.get(i, j) - mean, 2) / n;
            }
            for (int i = 0; i < n; i++) {
                z[i][j] = (features.get(i, j) - mean) / Math.sqrt(var);
            }
        }
        return z;
    }
}
