package org.reprolab.method.attentionrf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void hermitePolynomialOfDegreeFour() {
        assertEquals(3, Targets.hermite4(0), 0);
        assertEquals(-2, Targets.hermite4(1), 1e-15);
        assertEquals(-5, Targets.hermite4(2), 1e-15);
        assertEquals(Targets.hermite4(-1.3), Targets.hermite4(1.3), 1e-15);
    }

    /** Keys x₀ and −x₀ in d = 4: u = ±2, so f_A = 4⟨β, x₀⟩, f_B = He₄(2) = −5, f_C = cos 4. */
    @Test
    void rawTargetsOfAHandMadeSequence() {
        double[] x0 = {0.5, 0.5, 0.5, 0.5};
        double[] minus = {-0.5, -0.5, -0.5, -0.5};
        double[] beta = {1, 0, 0, 0};
        double[] f = Targets.raw(beta, x0, new double[][] {x0, minus});
        assertEquals(4 * 0.5, f[0], 1e-14);
        assertEquals(-5, f[1], 1e-13);
        assertEquals(Math.cos(4), f[2], 1e-14);
    }

    @Test
    void calibratedTargetsHaveZeroMeanAndUnitVarianceOnFreshSamples() {
        SplittableRandom rng = new SplittableRandom(8);
        Targets targets = Targets.calibrate(8, 4, 50_000, rng);
        double[][] y = targets.values(TokenSequences.draw(20_000, 4, 8, rng));
        for (int t = 0; t < Targets.COUNT; t++) {
            double mean = 0;
            double second = 0;
            for (double[] row : y) {
                mean += row[t] / y.length;
                second += row[t] * row[t] / y.length;
            }
            assertEquals(0, mean, 0.04, Targets.NAMES[t] + " mean");
            assertEquals(1, second, 0.06, Targets.NAMES[t] + " second moment");
        }
    }
}
