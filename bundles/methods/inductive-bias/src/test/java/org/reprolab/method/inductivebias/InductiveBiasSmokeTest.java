package org.reprolab.method.inductivebias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprolab.api.Result;
import org.reprolab.data.internal.DatasetsComponent;
import org.reprolab.testing.TestRunContext;

/** The smoke profile end to end, asserting the invariants the methods section lists. */
class InductiveBiasSmokeTest {

    @Test
    void smokeProfileHoldsTheInvariants() throws Exception {
        Result r = TestRunContext.smoke(new InductiveBiasExperiment(new DatasetsComponent()), 1);
        Map<String, Double> m = r.metrics();
        assertTrue(m.get("check.gpInterpolationMaxError") < 1e-3, "GP posterior mean must interpolate: " + m);
        assertTrue(m.get("check.posteriorMinEigenvalue") > -1e-8, "posterior covariance must be PSD: " + m);
        assertTrue(m.get("check.sampledMeanErrorInStandardErrors") <= 3, "sampled mean vs Σw(1 + δ): " + m);
        assertTrue(m.get("check.fitMomentRelativeError") <= 0.05, "χ² fit must reproduce mean and variance: " + m);
        assertTrue(m.get("check.saddlepointVsEmpiricalBits") <= 0.3, "saddlepoint vs empirical CDF where P ≥ 0.05: " + m);
        assertEquals(1.0, m.get("check.inductiveBiasNonIncreasing"), "I must not increase with ε");
        assertEquals(5, r.claims().size());
        assertTrue(m.get("fmnist.mlp.medianTestMse") > 0 && m.get("fmnist.cnn.medianTestMse") > 0);
    }
}
