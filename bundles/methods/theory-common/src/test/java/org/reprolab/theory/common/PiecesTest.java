package org.reprolab.theory.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PiecesTest {

    @Test
    void brentFindsRootsToTheRequestedTolerance() {
        assertEquals(Math.sqrt(2), Brent.root(x -> x * x - 2, 0, 2, 1e-14), 1e-13);
        assertEquals(Math.PI, Brent.root(Math::sin, 3, 4, 1e-14), 1e-13);
        // A steep monotone function of log κ, like the eigenframework's equations.
        double root = Brent.root(t -> 100 / (1 + Math.exp(t)) - 3, -40, 40, 1e-13);
        assertEquals(100 / (1 + Math.exp(root)), 3, 1e-10);
        assertThrows(IllegalArgumentException.class, () -> Brent.root(x -> x * x + 1, -1, 1, 1e-12));
    }

    @Test
    void arcCosineGramIsPositiveSemiDefiniteAndMatchesItsFormula() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] x = RandomFeatures.gaussian(60, 10, rng);
        for (double[] row : x) {
            double norm = Math.sqrt(java.util.Arrays.stream(row).map(v -> v * v).sum());
            for (int j = 0; j < row.length; j++) {
                row[j] /= norm;
            }
        }
        KernelPair k = ArcCosineKernel.kernels(x, x);
        double[] values = EigenSweep.decompose(k.train()).eigenvalues();
        assertTrue(values[values.length - 1] > -1e-10, "min eigenvalue " + values[values.length - 1]);
        assertEquals(0.5, k.train()[3][3], 1e-12);
        assertEquals(1 / (2 * Math.PI), ArcCosineKernel.ofCosine(0), 1e-15);
        assertEquals(0, ArcCosineKernel.ofCosine(-1), 1e-15);
        assertArrayEquals(k.train()[5], k.testTrain()[5], 1e-12);
    }

    @Test
    void reluFeatureKernelsApproachTheArcCosineKernel() {
        SplittableRandom rng = new SplittableRandom(2);
        double[][] x = RandomFeatures.gaussian(8, 5, rng);
        KernelPair exact = ArcCosineKernel.kernels(x, x);
        KernelPair sampled = RandomFeatures.reluKernels(x, x, 40_000, new SplittableRandom(9), 1000, () -> { });
        double scale = exact.train()[0][0];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                assertEquals(exact.train()[i][j], sampled.train()[i][j], 0.05 * scale);
                assertEquals(sampled.train()[i][j], sampled.testTrain()[i][j], 1e-12);
            }
        }
    }

    @Test
    void generatorsAreSeeded() {
        PowerLawTask task = PowerLawTask.of(50, 1.5, 2.0, 0.1);
        PowerLawTask.Sample a = task.sample(5, new SplittableRandom(42));
        PowerLawTask.Sample b = task.sample(5, new SplittableRandom(42));
        PowerLawTask.Sample c = task.sample(5, new SplittableRandom(43));
        assertArrayEquals(a.targets(), b.targets(), 0);
        assertArrayEquals(a.inputs()[4], b.inputs()[4], 0);
        assertFalse(java.util.Arrays.equals(a.targets(), c.targets()));
        double power = java.util.Arrays.stream(task.targetPower()).sum();
        assertEquals(1, power, 1e-12);
        assertEquals(Math.pow(10, -1.5), task.eigenvalues()[9], 1e-15);
        assertEquals(task.targetPower()[0] * Math.pow(4, -2.0), task.targetPower()[3], 1e-15);
        assertArrayEquals(RandomFeatures.gaussian(3, 4, new SplittableRandom(1))[2],
                RandomFeatures.gaussian(3, 4, new SplittableRandom(1))[2], 0);
    }
}
