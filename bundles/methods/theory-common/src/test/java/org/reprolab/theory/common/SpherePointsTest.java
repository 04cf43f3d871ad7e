package org.reprolab.theory.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpherePointsTest {

    @Test
    void pointsLieOnTheSphere() {
        SplittableRandom rng = new SplittableRandom(3);
        for (double[] x : SpherePoints.sample(200, 5, rng)) {
            assertEquals(1, norm(x), 1e-14);
        }
        assertEquals(2.5, norm(SpherePoints.point(7, 2.5, rng)), 1e-14);
        assertEquals(1, Math.abs(SpherePoints.point(1, rng)[0]), 1e-15);
    }

    /** Uniformity: mean 0 and second moment E[xxᵀ] = I/d, so √d⟨x, e⟩ has variance 1. */
    @Test
    void firstAndSecondMomentsAreThoseOfTheUniformLaw() {
        int d = 4;
        int count = 40_000;
        double[][] x = SpherePoints.sample(count, d, new SplittableRandom(11));
        double tolerance = 4 / Math.sqrt(count);   // a few standard errors (each entry has variance ≤ 1/d)
        for (int a = 0; a < d; a++) {
            double mean = 0;
            for (double[] p : x) {
                mean += p[a] / count;
            }
            assertEquals(0, mean, tolerance, "mean of coordinate " + a);
            for (int b = 0; b < d; b++) {
                double second = 0;
                for (double[] p : x) {
                    second += p[a] * p[b] / count;
                }
                assertEquals(a == b ? 1.0 / d : 0, second, tolerance, "E[x_" + a + " x_" + b + "]");
            }
        }
    }

    @Test
    void sameGeneratorStateGivesTheSamePoints() {
        assertArrayEquals(SpherePoints.sample(10, 3, new SplittableRandom(5)), SpherePoints.sample(10, 3, new SplittableRandom(5)));
    }

    @Test
    void rejectsBadArguments() {
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> SpherePoints.point(0, rng));
        assertThrows(IllegalArgumentException.class, () -> SpherePoints.point(3, 0, rng));
        assertThrows(IllegalArgumentException.class, () -> SpherePoints.sample(-1, 3, rng));
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
