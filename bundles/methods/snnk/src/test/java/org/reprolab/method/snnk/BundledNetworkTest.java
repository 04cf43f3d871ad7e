package org.reprolab.method.snnk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BundledNetworkTest {

    @Test
    void normalEquationResidualIsRhsMinusRegularisedGramTimesM() {
        // Φ (3 × 2), ΦᵀY and M given; residual = ΦᵀY − ΦᵀΦM − λM by hand.
        float[] phi = {1, 2, 0, 1, 3, 0};
        double[] rhs = {1, 3, 2, 1};          // ΦᵀY: row j, column c
        double[] m = {0.5, -1, 0.25, 2};
        double ridge = 0.1;
        double[] expected = new double[4];
        double[][] f = {{1, 2}, {0, 1}, {3, 0}};
        for (int j = 0; j < 2; j++) {
            for (int c = 0; c < 2; c++) {
                double gm = 0;
                for (int i = 0; i < 3; i++) {
                    for (int k = 0; k < 2; k++) {
                        gm += f[i][j] * f[i][k] * m[k * 2 + c];
                    }
                }
                expected[j * 2 + c] = rhs[j * 2 + c] - gm - ridge * m[j * 2 + c];
            }
        }
        double[] residual = BundledNetwork.normalEquationResidual(phi, 3, 2, rhs, m, ridge, 2);
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], residual[i], 1e-12);
        }
    }
}
