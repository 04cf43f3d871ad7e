package org.reprolab.method.snnk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PointwiseEstimationTest {

    @Test
    void slopeOfAPowerLawIsItsExponent() {
        int[] m = {16, 64, 256, 1024};
        double[] y = new double[m.length];
        for (int k = 0; k < m.length; k++) {
            y[k] = 3.0 / m[k];
        }
        assertEquals(-1, PointwiseEstimation.logLogSlope(m, y), 1e-12);
    }

    @Test
    void standardErrorTestCountsPairsInsideThreeErrors() {
        // Pair 0: estimates 1 ± 1 around mean 1 (SE = 1/√2·… small), exact 1 → inside; pair 1: exact far away → outside.
        List<double[]> estimates = List.of(new double[] {0, 5}, new double[] {2, 5.1}, new double[] {1, 4.9});
        assertEquals(0.5, PointwiseEstimation.fractionWithinThreeStandardErrors(estimates, new double[] {1, 100}));
    }

    @Test
    void pairsRespectTheNormConstraint() {
        for (double[][] pair : PointwiseEstimation.pairs(KernelFunction.GAUSSIAN_BUMP, 500, 8, new SplittableRandom(3))) {
            double x = Math.sqrt(KernelFunction.dot(pair[0], pair[0]));
            double w = Math.sqrt(KernelFunction.dot(pair[1], pair[1]));
            org.junit.jupiter.api.Assertions.assertTrue(x >= 0.2 - 1e-12 && x <= 0.7 + 1e-12, "‖x‖ = " + x);
            org.junit.jupiter.api.Assertions.assertTrue(w >= 0.2 - 1e-12 && w <= 0.45 + 1e-12, "‖w‖ = " + w);
        }
    }
}
