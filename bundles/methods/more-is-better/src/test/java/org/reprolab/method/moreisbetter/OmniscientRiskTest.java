package org.reprolab.method.moreisbetter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprolab.theory.common.PowerLawTask;

class OmniscientRiskTest {

    private static final PowerLawTask TASK = PowerLawTask.of(500, 1.5, 1.5, 0);
    private static final OmniscientRisk.Spectrum SPECTRUM = new OmniscientRisk.Spectrum(TASK.eigenvalues(), TASK.targetPower(), 0.01);

    @Test
    void kernelSolverResidualIsTinyAcrossRidges() {
        for (double ridge : new double[] {0, 1e-8, 1e-3, 1, 100}) {
            OmniscientRisk.KernelEstimate e = OmniscientRisk.kernelRidge(SPECTRUM, 64, ridge);
            assertTrue(Math.abs(OmniscientRisk.kernelResidual(SPECTRUM.eigenvalues(), 64, ridge, e.kappa())) < 1e-8 * 64);
            assertTrue(e.trainMse() <= e.testMse());
        }
    }

    @Test
    void manyFeaturesRecoverKernelRegression() {
        for (double ridge : new double[] {1e-6, 1e-2, 1}) {
            double krr = OmniscientRisk.kernelRidge(SPECTRUM, 64, ridge).testMse();
            double rf = OmniscientRisk.randomFeatures(SPECTRUM, 64, 1e6, ridge).testMse();
            assertEquals(krr, rf, 1e-3 * krr);
        }
    }

    @Test
    void ridgelessUnderparameterisedLimitIsTheFeatureLimitedInterpolator() {
        // N < n, δ → 0: γ = γ_N, κ = 0, so E_te = (Σ (1 − Lᵢ) vᵢ² + ε²)/(1 − N/n).
        OmniscientRisk.FeatureEstimate e = OmniscientRisk.randomFeatures(SPECTRUM, 64, 16, 0);
        double bias = 0;
        for (int i = 0; i < SPECTRUM.eigenvalues().length; i++) {
            bias += (1 - SPECTRUM.eigenvalues()[i] / (SPECTRUM.eigenvalues()[i] + e.gamma())) * SPECTRUM.targetPower()[i];
        }
        assertEquals((bias + 0.01) / (1 - 16.0 / 64), e.testMse(), 1e-6 * e.testMse());
    }

    @Test
    void optimalRidgeRiskFallsWithFeatures() {
        double previous = Double.POSITIVE_INFINITY;
        for (int features : new int[] {8, 32, 128, 512}) {
            int f = features;
            double best = OmniscientRisk.randomFeatures(SPECTRUM, 64, f,
                    OptimalRidge.minimise(d -> OmniscientRisk.randomFeatures(SPECTRUM, 64, f, d).testMse(), 100)).testMse();
            assertTrue(best <= previous * (1 + 1e-9), "N = " + features + ": " + best + " > " + previous);
            previous = best;
        }
    }
}
