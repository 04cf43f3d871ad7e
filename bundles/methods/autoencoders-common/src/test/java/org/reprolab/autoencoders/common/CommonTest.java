package org.reprolab.autoencoders.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CommonTest {

    @Test
    void klMatchesAMonteCarloEstimateAndIsZeroOnlyAtThePrior() {
        assertEquals(0, GaussianKl.of(0.3, 2.0, 0.3, 2.0), 1e-15);
        Random r = new Random(1);
        double mean = 0.7;
        double var = 0.4;
        double sum = 0;
        int n = 400_000;
        for (int i = 0; i < n; i++) {
            double z = mean + Math.sqrt(var) * r.nextGaussian();
            // log q(z) - log p(z) with p = N(0, 1)
            sum += -0.5 * Math.log(var) - (z - mean) * (z - mean) / (2 * var) + z * z / 2;
        }
        assertEquals(sum / n, GaussianKl.of(mean, var, 0, 1), 0.01);
        assertThrows(IllegalArgumentException.class, () -> GaussianKl.of(0, 0, 0, 1));
    }

    @Test
    void activeUnitsCountDimensionsAboveTheThreshold() {
        double[][] means = {{0, 1, 0.05}, {0, -1, 0.05}};
        double[][] vars = {{1, 0.5, 1}, {1, 0.5, 1}};
        double[] kl = GaussianKl.perDimension(means, vars, 0, 1);
        assertEquals(0, kl[0], 1e-15);
        assertEquals(1, ActiveUnits.count(kl));
        assertArrayEquals(new boolean[] {false, true, false}, ActiveUnits.mask(kl));
    }

    @Test
    void aucOfPerfectReversedTiedAndRandomScores() {
        boolean[] y = {false, false, true, true};
        assertEquals(1, RocAuc.of(new double[] {0.1, 0.2, 0.8, 0.9}, y), 0);
        assertEquals(0, RocAuc.of(new double[] {0.9, 0.8, 0.2, 0.1}, y), 0);
        assertEquals(0.5, RocAuc.of(new double[] {1, 1, 1, 1}, y), 0);
        // pairs (pos, neg): (0.5, 0.1) 1, (0.5, 0.5) ½, (0.9, 0.1) 1, (0.9, 0.5) 1
        assertEquals(0.875, RocAuc.of(new double[] {0.1, 0.5, 0.5, 0.9}, y), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new double[] {1, 2}, new boolean[] {true, true}));
    }
}
