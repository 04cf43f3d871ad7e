package org.reprolab.autoencoders.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MutualInformationTest {

    @Test
    void digammaMatchesKnownValues() {
        assertEquals(-0.5772156649015329, MutualInformation.digamma(1), 1e-12);
        assertEquals(1 - 0.5772156649015329, MutualInformation.digamma(2), 1e-12);
        assertEquals(Math.log(1000) - 1 / 2000.0 - 1 / 12e6, MutualInformation.digamma(1000), 1e-12);
    }

    @Test
    void plugInMiOfAVariableWithItselfIsItsEntropy() {
        int[] a = {0, 1, 2, 0, 1, 2, 0, 0};
        assertEquals(MutualInformation.entropy(a), MutualInformation.discrete(a, a), 1e-12);
        assertEquals(-(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25)), MutualInformation.entropy(a), 1e-12);
    }

    @Test
    void plugInMiOfAnIndependentProductIsZero() {
        int[] a = new int[12];
        int[] b = new int[12];
        for (int i = 0; i < 12; i++) {
            a[i] = i / 4;
            b[i] = i % 4;
        }
        assertEquals(0, MutualInformation.discrete(a, b), 1e-12);
    }

    @Test
    void knnMiFindsTheLabelInAContinuousCopyAndNothingInNoise() {
        Random rng = new Random(3);
        int n = 2000;
        int[] label = new int[n];
        double[][] copy = new double[n][1];
        double[][] noise = new double[n][1];
        for (int i = 0; i < n; i++) {
            label[i] = rng.nextInt(4);
            copy[i][0] = label[i] + 0.1 * rng.nextGaussian();
            noise[i][0] = rng.nextGaussian();
        }
        double h = MutualInformation.entropy(label);
        assertEquals(h, MutualInformation.discreteContinuous(label, copy, 10), 0.03 * h);
        assertTrue(MutualInformation.discreteContinuous(label, noise, 10) < 0.02);
    }

    @Test
    void knnMiAgreesBetweenTheOneDimensionalAndTheGeneralCount() {
        Random rng = new Random(5);
        int n = 400;
        int[] label = new int[n];
        double[][] x1 = new double[n][1];
        double[][] x2 = new double[n][2];
        for (int i = 0; i < n; i++) {
            label[i] = rng.nextInt(3);
            x1[i][0] = label[i] * 0.5 + rng.nextGaussian();
            x2[i][0] = x1[i][0];
        }
        assertEquals(MutualInformation.discreteContinuous(label, x1, 5), MutualInformation.discreteContinuous(label, x2, 5), 1e-12);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MutualInformation.discrete(new int[2], new int[3]));
        assertThrows(IllegalArgumentException.class, () -> MutualInformation.discreteContinuous(new int[2], new double[2][1], 0));
    }
}
