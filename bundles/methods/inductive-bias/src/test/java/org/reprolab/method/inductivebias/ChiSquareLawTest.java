package org.reprolab.method.inductivebias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The scaled non-central χ² law: density, log-CDF in log space, normal fallback, and the fit. */
class ChiSquareLawTest {

    @Test
    void densityIntegratesToOneAndMatchesTheCdf() {
        ScaledNoncentralChiSquare law = new ScaledNoncentralChiSquare(7.5, 12.0, 0.3);
        double integral = 0;
        double h = 1e-3;
        for (double x = h / 2; x < 40; x += h) {
            integral += Math.exp(law.logDensity(x)) * h;
            if (Math.abs(x - 5.0005) < h / 4) {
                assertEquals(integral, Math.exp(law.logCdf(x + h / 2)), 1e-6, "CDF at 5.001 vs integrated density");
            }
        }
        assertEquals(1, integral, 1e-6);
    }

    @Test
    void centralCaseMatchesClosedForms() {
        // χ²(2) is exponential with mean 2: F(x) = 1 − e^(−x/2).
        ScaledNoncentralChiSquare law = new ScaledNoncentralChiSquare(2, 0, 1);
        for (double x : new double[] {1e-6, 0.1, 1, 10}) {
            assertEquals(Math.log(-Math.expm1(-x / 2)), law.logCdf(x), 1e-10);
            assertEquals(-Math.log(2) - x / 2, law.logDensity(x), 1e-12);
        }
    }

    @Test
    void farLeftTailStaysFiniteAndAgreesWithSankaran() {
        ScaledNoncentralChiSquare law = new ScaledNoncentralChiSquare(400, 300, 0.001);
        double x = 0.15 * law.mean();
        ScaledNoncentralChiSquare.TailValue tail = law.logCdfWithMethod(x);
        assertTrue(Double.isFinite(tail.logCdf()) && !tail.approximated());
        assertTrue(tail.logCdf() < -200, "deep tail " + tail.logCdf());
        // The normal approximation of the cube-root-type transform is close on a relative scale there.
        assertEquals(1, law.sankaranLogCdf(x) / tail.logCdf(), 0.1);
        assertEquals(law.logCdf(0.9 * law.mean()), law.sankaranLogCdf(0.9 * law.mean()), 0.02);
        // Beyond double range (P < e^-745) the log-space sum still gives a number.
        ScaledNoncentralChiSquare wide = new ScaledNoncentralChiSquare(3000, 2000, 1e-4);
        double deep = wide.logCdf(0.2 * wide.mean());
        assertTrue(Double.isFinite(deep) && deep < -745, "log CDF past double range: " + deep);
    }

    @Test
    void momentsAndMaximumLikelihoodRecoverTheParameters() {
        ScaledNoncentralChiSquare truth = new ScaledNoncentralChiSquare(20, 30, 0.5);
        double[] samples = draw(truth, 20_000, new SplittableRandom(3));
        ScaledNoncentralChiSquare mom = ChiSquareFit.methodOfMoments(samples);
        assertEquals(truth.mean(), mom.mean(), 0.01 * truth.mean());
        ScaledNoncentralChiSquare fit = ChiSquareFit.fit(samples);
        assertEquals(truth.mean(), fit.mean(), 0.01 * truth.mean());
        assertEquals(truth.variance(), fit.variance(), 0.05 * truth.variance());
        assertTrue(fit.logLikelihood(samples) >= mom.logLikelihood(samples), "MLE must not be worse than its start");
        // The non-centrality is identifiable at this sample size: it must not collapse to the central law.
        assertEquals(truth.nc(), fit.nc(), 0.5 * truth.nc());
    }

    /** scale·Σ_{i<df}(z_i + μ_i)² with Σμ² = nc (df integer). */
    static double[] draw(ScaledNoncentralChiSquare law, int count, SplittableRandom rng) {
        int df = (int) law.df();
        double shift = Math.sqrt(law.nc());
        double[] out = new double[count];
        for (int s = 0; s < count; s++) {
            double sum = 0;
            for (int i = 0; i < df; i++) {
                double z = rng.nextGaussian() + (i == 0 ? shift : 0);
                sum += z * z;
            }
            out[s] = law.scale() * sum;
        }
        return out;
    }
}
