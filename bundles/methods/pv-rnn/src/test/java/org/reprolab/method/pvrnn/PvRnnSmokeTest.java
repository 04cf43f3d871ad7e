package org.reprolab.method.pvrnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.testing.TestRunContext;

/** Runs the smoke profile and checks the invariants the specification lists for it. */
class PvRnnSmokeTest {

    private static Result result;

    @BeforeAll
    static void runSmokeProfile() throws Exception {
        result = TestRunContext.smoke(new PvRnnExperiment(), 1);
    }

    private static double metric(String name) {
        Double v = result.metrics().get(name);
        assertTrue(v != null, "metric " + name + " missing; have " + result.metrics().keySet());
        return v;
    }

    @Test
    void everyTrainingLowersItsLoss() {
        assertTrue(metric("check.minLossDrop") > 0, "smallest PV-RNN loss drop " + metric("check.minLossDrop"));
        assertTrue(metric("check.vrnnLossDrop") > 0, "VRNN loss drop " + metric("check.vrnnLossDrop"));
    }

    @Test
    void outputsAreBoundedByTanhAndPriorSigmaIsPositive() {
        assertTrue(metric("check.maxAbsOutput") <= 1, "max |x̂| = " + metric("check.maxAbsOutput"));
        assertTrue(metric("check.minSigmaP") > 0, "min σ_p = " + metric("check.minSigmaP"));
    }

    @Test
    void errorRegressionMovesTheVectorsAndNotTheWeights() {
        assertTrue(metric("check.erMinVectorGradient") > 0, "no gradient reached the adaptive vectors");
        assertEquals(0, metric("check.erWeightsTouched"), "a frozen weight received a gradient during error regression");
    }

    @Test
    void errorsAreFiniteAndPositive() {
        result.metrics().forEach((k, v) -> {
            if (k.startsWith("erMse.") || k.startsWith("sigmaP.")) {
                assertTrue(Double.isFinite(v) && v > 0, k + " = " + v);
            }
        });
    }

    @Test
    void reportsAllSixClaimsAndOnlyDeclaredPlots() {
        Set<String> ids = result.claims().stream().map(ClaimCheck::id).map(id -> id.substring(0, id.indexOf('-'))).collect(Collectors.toSet());
        assertEquals(Set.of("1", "2", "3", "4", "5", "6"), ids);
        Set<String> plots = result.series().stream().map(Series::plot).collect(Collectors.toSet());
        result.heatmaps().forEach(h -> plots.add(h.plot()));
        for (String plot : plots) {
            assertTrue(Figures.PLOTS.stream().anyMatch(p -> p.matches(plot)), "undeclared plot " + plot);
        }
        for (PlotSpec p : Figures.PLOTS) {
            assertTrue(plots.stream().anyMatch(p::matches), "declared plot " + p.id() + " has no data");
        }
    }
}
