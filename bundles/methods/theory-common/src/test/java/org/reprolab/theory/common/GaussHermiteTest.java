package org.reprolab.theory.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussHermiteTest {

    private static final double SQRT_PI = Math.sqrt(Math.PI);

    @Test
    void smallRulesMatchTheirClosedForms() {
        GaussHermite two = GaussHermite.of(2);
        assertArrayEquals(new double[] {-Math.sqrt(0.5), Math.sqrt(0.5)}, two.nodes(), 1e-15);
        assertArrayEquals(new double[] {SQRT_PI / 2, SQRT_PI / 2}, two.weights(), 1e-15);
        GaussHermite three = GaussHermite.of(3);
        assertArrayEquals(new double[] {-Math.sqrt(1.5), 0, Math.sqrt(1.5)}, three.nodes(), 1e-15);
        assertArrayEquals(new double[] {SQRT_PI / 6, 2 * SQRT_PI / 3, SQRT_PI / 6}, three.weights(), 1e-15);
        assertEquals(SQRT_PI, GaussHermite.of(1).weights()[0], 1e-15);
    }

    @Test
    void sixtyFourPointsIntegrateGaussianMomentsExactly() {
        GaussHermite rule = GaussHermite.of(64);
        double[] x = rule.nodes();
        for (int i = 1; i < x.length; i++) {
            assertTrue(x[i] > x[i - 1], "nodes ascending and distinct");
        }
        assertEquals(SQRT_PI, rule.integrate(t -> 1), 1e-14);
        double variance = 1.7;
        double doubleFactorial = 1;
        for (int k = 1; k <= 20; k++) {
            final int power = 2 * k;
            doubleFactorial *= 2 * k - 1;
            double exact = doubleFactorial * Math.pow(variance, k);
            assertEquals(exact, rule.expectation(z -> Math.pow(z, power), variance), 1e-12 * exact, "E z^" + power);
            assertEquals(0, rule.expectation(z -> Math.pow(z, power - 1), variance), 1e-12 * exact, "odd moment");
        }
    }

    @Test
    void expectationsOfActivations() {
        GaussHermite rule = GaussHermite.of(64);
        for (double k : new double[] {0.01, 1, 2, 37.5}) {
            assertEquals(k / 2, rule.expectation(z -> Math.pow(Math.max(z, 0), 2), k), 1e-10 * Math.max(1, k));
        }
        // E[cos z] = e^{−K/2}: a smooth non-polynomial function.
        assertEquals(Math.exp(-0.8), rule.expectation(Math::cos, 1.6), 1e-14);
        assertEquals(Math.cos(0), rule.expectation(Math::cos, 0), 0);
        assertThrows(IllegalArgumentException.class, () -> rule.expectation(Math::cos, -1));
        assertThrows(IllegalArgumentException.class, () -> GaussHermite.of(0));
    }
}
