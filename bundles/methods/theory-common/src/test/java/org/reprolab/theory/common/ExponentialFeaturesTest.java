package org.reprolab.theory.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.theory.common.ExponentialFeatures.Part;

class ExponentialFeaturesTest {

    private static final double[] X = {0.3, -0.2, 0.1};
    private static final double[] W = {0.2, 0.4, -0.3};
    private static final double Z = 0.3 * 0.2 - 0.2 * 0.4 - 0.1 * 0.3;

    @Test
    void positiveFeaturesArePositiveAndEstimateExp() {
        double[][] omega = ExponentialFeatures.projection(200_000, 3, false, new SplittableRandom(1));
        double[] phi = ExponentialFeatures.positive(omega, X);
        double[] psi = ExponentialFeatures.positive(omega, W);
        assertTrue(java.util.Arrays.stream(phi).allMatch(v -> v > 0));
        assertEquals(Math.exp(Z), ExponentialFeatures.dot(phi, psi), 0.01 * Math.exp(Z));
    }

    @Test
    void complexTrickEstimatesCosAndSin() {
        double[][] omega = ExponentialFeatures.projection(200_000, 3, false, new SplittableRandom(2));
        double[] phi = ExponentialFeatures.positive(omega, X);
        assertEquals(Math.cos(Z), ExponentialFeatures.dot(phi, ExponentialFeatures.trigonometric(omega, W, Part.REAL)), 0.01);
        assertEquals(Math.sin(Z), ExponentialFeatures.dot(phi, ExponentialFeatures.trigonometric(omega, W, Part.IMAGINARY)), 0.01);
    }

    @Test
    void universalFeaturesWithUniformFrequenciesEstimateSinc() {
        SplittableRandom rng = new SplittableRandom(3);
        int m = 200_000;
        double[][] omega = ExponentialFeatures.projection(m, 3, false, rng);
        double[] xi = new double[m];
        double[] ratio = new double[m];
        for (int j = 0; j < m; j++) {
            xi[j] = 2 * rng.nextDouble() - 1;
            ratio[j] = 1;
        }
        double estimate = ExponentialFeatures.dot(ExponentialFeatures.positive(omega, X),
                ExponentialFeatures.universal(omega, xi, ratio, W, Part.REAL));
        assertEquals(Math.sin(Z) / Z, estimate, 0.01);
    }

    @Test
    void orthogonalBlocksHaveOrthogonalRows() {
        double[][] omega = ExponentialFeatures.projection(8, 4, true, new SplittableRandom(4));
        for (int block = 0; block < 8; block += 4) {
            for (int i = block; i < block + 4; i++) {
                for (int j = block; j < i; j++) {
                    assertEquals(0, ExponentialFeatures.dot(omega[i], omega[j]), 1e-9);
                }
            }
        }
    }
}
