package org.reprolab.method.raescore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Heatmap;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.testing.TestRunContext;

/** Runs the smoke profile and checks the invariants the specification lists for it. */
class RaeScoreSmokeTest {

    private static Result first;

    @BeforeAll
    static void runSmokeProfile() throws Exception {
        first = TestRunContext.smoke(new RaeScoreExperiment(), 1);
    }

    private static double metric(String name) {
        Double v = first.metrics().get(name);
        assertTrue(v != null, "metric " + name + " missing; have " + first.metrics().keySet());
        return v;
    }

    @Test
    void exactSystemIsSymmetricPositiveDefinite() {
        assertTrue(metric("check.systemAsymmetry") <= 1e-14, "asymmetry " + metric("check.systemAsymmetry"));
        assertTrue(metric("check.minRelativePivot") > 0, "min pivot " + metric("check.minRelativePivot"));
    }

    @Test
    void reconstructionTendsToIdentityAsSigmaVanishes() {
        assertTrue(metric("check.smallSigmaMaxDeviation") < 1e-3, "max |r − x| at σ = 1e-3: " + metric("check.smallSigmaMaxDeviation"));
    }

    @Test
    void closedFormJacobianEqualsFiniteDifferences() {
        assertTrue(metric("check.rcaeJacobianVsFiniteDifferences") < 1e-5, "gap " + metric("check.rcaeJacobianVsFiniteDifferences"));
    }

    @Test
    void mixtureScoreEqualsFiniteDifferences() {
        assertTrue(metric("check.mixtureDerivativesVsFiniteDifferences") < 1e-6, "gap " + metric("check.mixtureDerivativesVsFiniteDifferences"));
    }

    @Test
    void exactScoreSamplerLeavesGaussianInvariant() {
        assertTrue(metric("check.gaussianMhMeanErrorInStd") < 0.05, "mean error " + metric("check.gaussianMhMeanErrorInStd"));
        assertTrue(metric("check.gaussianMhVarianceRelativeError") < 0.05, "variance error " + metric("check.gaussianMhVarianceRelativeError"));
    }

    @Test
    void smokeDaeLearnsTheSmoothedScoreDirection() {
        // 300 steps do not reach the claim's 0.95, but the field must already point the right way
        assertTrue(metric("2d.daeCosine.sigma0.1.seed1") > 0.5, "cosine " + metric("2d.daeCosine.sigma0.1.seed1"));
    }

    @Test
    void reportsAllSixClaimsAndEveryPlot() {
        Set<String> ids = first.claims().stream().map(ClaimCheck::id).map(id -> id.substring(0, id.indexOf('-'))).collect(Collectors.toSet());
        assertEquals(Set.of("1", "2", "3", "4", "5", "6"), ids);
        List<PlotSpec> declared = new RaeScoreExperiment().plots();
        Set<String> plots = first.series().stream().map(Series::plot).collect(Collectors.toSet());
        plots.addAll(first.heatmaps().stream().map(Heatmap::plot).toList());
        for (PlotSpec spec : declared) {
            assertTrue(plots.stream().anyMatch(spec::matches), "declared plot " + spec.id() + " has no data");
        }
        for (String plot : plots) {
            assertTrue(declared.stream().anyMatch(spec -> spec.matches(plot)), "plot " + plot + " is not declared");
        }
        first.metrics().forEach((k, v) -> assertTrue(Double.isFinite(v), k + " = " + v));
    }

    @Test
    void sameSeedGivesTheSameNumbersAndAnotherSeedDoesNot() throws Exception {
        Map<String, Double> again = TestRunContext.smoke(new RaeScoreExperiment(), 1).metrics();
        assertEquals(first.metrics(), again);
        Map<String, Double> other = TestRunContext.smoke(new RaeScoreExperiment(), 2).metrics();
        assertNotEquals(first.metrics().get("2d.daeCosine.sigma0.1.seed1"), other.get("2d.daeCosine.sigma0.1.seed1"));
    }
}
