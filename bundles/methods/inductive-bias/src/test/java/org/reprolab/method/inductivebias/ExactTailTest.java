package org.reprolab.method.inductivebias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Log-space special functions and the saddlepoint tail of a weighted sum of non-central χ²₁ terms. */
class ExactTailTest {

    @Test
    void specialFunctionsMatchKnownValues() {
        assertEquals(Math.log(24), LogSpace.logGamma(5), 1e-13);
        assertEquals(0.5 * Math.log(Math.PI), LogSpace.logGamma(0.5), 1e-13);
        assertEquals(857.9336698258574, LogSpace.logGamma(200), 1e-9);
        // P(1, z) = 1 − e^-z on both branches (series and continued fraction)
        for (double z : new double[] {1e-8, 0.5, 1.9, 2.1, 30}) {
            assertEquals(Math.log(-Math.expm1(-z)), LogSpace.logLowerGammaRegularized(1, z), 1e-12);
        }
        assertEquals(Math.log(0.5), LogSpace.logNormalCdf(0), 1e-15);
        assertEquals(Math.log(0.15865525393145707), LogSpace.logNormalCdf(-1), 1e-13);
        assertEquals(Math.log(7.619853024160527e-24), LogSpace.logNormalCdf(-10), 1e-11);
        assertEquals(Math.log1p(-1.3498980316301e-3), LogSpace.logNormalCdf(3), 1e-12);
        assertEquals(-0.5 * 1600 - 0.5 * Math.log(2 * Math.PI) - Math.log(40), LogSpace.logNormalCdf(-40), 1e-3);
    }

    @Test
    void saddlepointMatchesTheExactLawWhenWeightsAreEqual() {
        // Σ_j w·χ²₁(δ_j) with equal w is exactly w·χ'²(J, Σδ): the Poisson-mixture CDF is the truth here.
        int terms = 60;
        double w = 0.01;
        double[] weights = new double[terms];
        double[] nc = new double[terms];
        Arrays.fill(weights, w);
        SplittableRandom rng = new SplittableRandom(5);
        for (int j = 0; j < terms; j++) {
            nc[j] = rng.nextDouble() * 2;
        }
        WeightedChiSquareSum sum = new WeightedChiSquareSum(weights, nc);
        ScaledNoncentralChiSquare exact = new ScaledNoncentralChiSquare(terms, Arrays.stream(nc).sum(), w);
        assertEquals(exact.mean(), sum.mean(), 1e-12);
        assertEquals(exact.variance(), sum.variance(), 1e-12);
        for (double fraction : new double[] {0.1, 0.3, 0.6, 0.8, 0.95, 1.2}) {
            double eps = fraction * sum.mean();
            double truth = InductiveBias.bits(exact.logCdf(eps));
            double saddle = InductiveBias.saddlepoint(sum, eps);
            assertEquals(truth, saddle, 0.01 * truth + 0.02, "at " + fraction + " × mean");
            assertEquals(eps, sum.cumulantDerivative(sum.saddlepoint(eps)), 1e-10 * eps);
        }
    }

    @Test
    void saddlepointMatchesMonteCarloForUnequalWeights() {
        double[] weights = {0.5, 0.2, 0.2, 0.05, 0.05, 0.01, 0.01, 0.01};
        double[] nc = {0.3, 2.0, 0.0, 5.0, 1.0, 0.1, 9.0, 0.0};
        WeightedChiSquareSum sum = new WeightedChiSquareSum(weights, nc);
        SplittableRandom rng = new SplittableRandom(11);
        int n = 400_000;
        double[] draws = new double[n];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < weights.length; j++) {
                double z = rng.nextGaussian() + Math.sqrt(nc[j]);
                draws[s] += weights[j] * z * z;
            }
        }
        for (double fraction : new double[] {0.2, 0.4, 0.7, 1.0}) {
            double eps = fraction * sum.mean();
            double empirical = InductiveBias.empirical(draws, eps);
            assertEquals(empirical, InductiveBias.saddlepoint(sum, eps), 0.05 * empirical + 0.03, "at " + fraction);
        }
    }

    @Test
    void inductiveBiasIsInBitsAndEmpiricalRefusesSaturation() {
        assertEquals(1, InductiveBias.bits(Math.log(0.5)), 1e-15);
        double[] samples = {1, 2, 3, 4};
        assertEquals(1, InductiveBias.empirical(samples, 2), 1e-15);
        assertTrue(Double.isNaN(InductiveBias.empirical(samples, 1.5)), "one sample below ε: P ≤ 1/S");
        assertThrows(IllegalArgumentException.class, () -> new WeightedChiSquareSum(new double[] {0}, new double[] {1}));
    }
}
