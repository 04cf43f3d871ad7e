package org.reprolab.method.forestssmoothers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ErrorDecompositionTest {

    @Test
    void handComputedTwoForestsTwoTrees() {
        double[] truth = {0, 0};
        // forest 0: trees (1, 1), (−1, −1); forest 1: trees (2, 0), (2, 0)
        double[][][] predictions = {{{1, 1}, {-1, -1}}, {{2, 0}, {2, 0}}};
        ErrorDecomposition d = ErrorDecomposition.of(predictions, truth);
        // b = 1: MSE 1 and 2 → best forest 0; ModVar = mean of (f_r − f_0)² = (0 + 0 + 1 + 1) / 4.
        // b = 2: forest 0 predicts (0, 0), MSE 0; forest 1 (2, 0), MSE 2; ModVar = (0 + 0 + 4 + 0) / 4.
        assertArrayEquals(new double[] {1.5, 1.0}, d.meanMse(), 1e-15);
        assertArrayEquals(new double[] {1.0, 0.0}, d.representationBias(), 1e-15);
        assertArrayEquals(new double[] {0.5, 1.0}, d.modelVariability(), 1e-15);
    }

    @Test
    void identicalForestsHaveNoModelVariability() {
        SplittableRandom gen = new SplittableRandom(1);
        double[][] trees = new double[4][10];
        for (double[] t : trees) {
            for (int j = 0; j < 10; j++) {
                t[j] = gen.nextGaussian();
            }
        }
        ErrorDecomposition d = ErrorDecomposition.of(new double[][][] {trees, trees, trees}, new double[10]);
        for (int b = 0; b < 4; b++) {
            assertEquals(0, d.modelVariability()[b]);
            assertEquals(d.meanMse()[b], d.representationBias()[b], 1e-15);
        }
    }
}
