package org.reprolab.method.moreisbetter;

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
class MoreIsBetterSmokeTest {

    private static Result first;

    @BeforeAll
    static void runSmokeProfile() throws Exception {
        first = TestRunContext.smoke(new MoreIsBetterExperiment(), 1);
    }

    private static double metric(String name) {
        Double v = first.metrics().get(name);
        assertTrue(v != null, "metric " + name + " missing; have " + first.metrics().keySet());
        return v;
    }

    @Test
    void kernelTheorySolverZeroesItsEquation() {
        assertTrue(metric("check.krrSolverResidualOverN") < 1e-8, "max |Σ L + δ/κ − n|/n = " + metric("check.krrSolverResidualOverN"));
    }

    @Test
    void randomFeatureTheoryAtAMillionFeaturesIsKernelTheory() {
        assertTrue(metric("check.rfTheoryAtMillionVsKrrTheory") < 1e-3, "relative gap " + metric("check.rfTheoryAtMillionVsKrrTheory"));
    }

    @Test
    void eigenSweepEqualsCholesky() {
        assertTrue(metric("check.eigenSweepVsCholesky") < 1e-6, "relative gap " + metric("check.eigenSweepVsCholesky"));
    }

    @Test
    void interpolatorsFitTrainingDataBetterThanTestData() {
        assertTrue(metric("check.ridgelessTrainMinusTest") <= 0, "max train − test at δ → 0 with n < N: "
                + metric("check.ridgelessTrainMinusTest"));
    }

    @Test
    void allErrorsAreFiniteAndNonNegative() {
        assertEquals(1, metric("check.allMseFinite"));
        assertTrue(metric("check.minMse") >= 0);
        first.metrics().forEach((k, v) -> assertTrue(Double.isFinite(v), k + " = " + v));
    }

    @Test
    void arcCosineGramIsPositiveSemiDefinite() {
        assertTrue(metric("check.arcCosineMinEigenvalue") > -1e-8, "min eigenvalue " + metric("check.arcCosineMinEigenvalue"));
    }

    @Test
    void reportsAllTenClaimsAndEveryPlot() {
        Set<String> ids = first.claims().stream().map(ClaimCheck::id).map(id -> id.substring(0, id.indexOf('-'))).collect(Collectors.toSet());
        assertEquals(Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), ids);
        Set<String> plots = first.series().stream().map(Series::plot).collect(Collectors.toSet());
        for (String plot : List.of("mse-vs-features", "mse-vs-samples", "mse-vs-fitting-ratio", "rstar-vs-noise",
                "fmnist-mse-vs-features", "fmnist-krr-learning-curve", "spectrum")) {
            assertTrue(plots.contains(plot), "plot " + plot + " missing");
        }
        Heatmap heatmap = first.heatmaps().stream().filter(h -> h.plot().equals("mse-heatmap")).findFirst().orElseThrow();
        assertEquals(List.of("64", "16"), heatmap.rows(), "the largest N on top");
        assertEquals(5, heatmap.columns().size(), "one column per ridge");
        List<PlotSpec> declared = new MoreIsBetterExperiment().plots();
        for (String plot : plots) {
            assertTrue(declared.stream().anyMatch(spec -> spec.matches(plot)), "plot " + plot + " is not declared");
        }
    }

    @Test
    void sameSeedGivesTheSameNumbersAndAnotherSeedDoesNot() throws Exception {
        Map<String, Double> again = TestRunContext.smoke(new MoreIsBetterExperiment(), 1).metrics();
        assertEquals(first.metrics(), again);
        Map<String, Double> other = TestRunContext.smoke(new MoreIsBetterExperiment(), 2).metrics();
        assertNotEquals(first.metrics().get("a1.optimalTestMse.N16"), other.get("a1.optimalTestMse.N16"));
    }
}
