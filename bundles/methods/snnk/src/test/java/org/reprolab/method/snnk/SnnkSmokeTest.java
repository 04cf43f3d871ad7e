package org.reprolab.method.snnk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.data.internal.DatasetsComponent;
import org.reprolab.testing.TestRunContext;

/** Runs the smoke profile and checks the invariants the specification lists for it. */
class SnnkSmokeTest {

    private static Result first;

    @BeforeAll
    static void runSmokeProfile() throws Exception {
        first = TestRunContext.smoke(experiment(), 1);
    }

    private static SnnkExperiment experiment() {
        return new SnnkExperiment(new DatasetsComponent());
    }

    private static double metric(String name) {
        Double v = first.metrics().get(name);
        assertTrue(v != null, "metric " + name + " missing; have " + first.metrics().keySet());
        return v;
    }

    @Test
    void positiveRandomFeaturesArePositive() {
        assertTrue(metric("check.minPositiveFeature") > 0, "min PRF feature " + metric("check.minPositiveFeature"));
    }

    @Test
    void expEstimateAtAHundredThousandFeaturesIsWithinOnePercent() {
        assertTrue(metric("check.expLargeMRelativeError") < 0.01, "max relative error " + metric("check.expLargeMRelativeError"));
    }

    @Test
    void snnkLayerOutputDoesNotDependOnWhereFeaturesWereComputed() {
        assertEquals(0, metric("check.precomputedVsRecomputed"), 1e-6);
    }

    @Test
    void weightsReceiveGradientThroughPsi() {
        assertTrue(metric("check.weightGradientNorm") > 0, "‖∂loss/∂W‖ = " + metric("check.weightGradientNorm"));
    }

    @Test
    void closedFormRidgeZeroesTheRidgeLossGradient() {
        assertTrue(metric("check.ridgeRelativeGradient") < 1e-6, "|∇|/|ΦᵀY| = " + metric("check.ridgeRelativeGradient"));
    }

    @Test
    void accuraciesAreProbabilitiesAndModelsLearn() {
        for (String key : List.of("accuracy.mlp", "accuracy.snnk", "accuracy.bundled.m64", "accuracy.bundled.m128")) {
            double a = metric(key);
            assertTrue(a > 0.3 && a <= 1, key + " = " + a + " (chance is 0.1)");
        }
        assertEquals(128 * 10, metric("parameters.bundled.m128"));
        assertEquals(784 * 256 + 256 + 256 * 10 + 10, metric("parameters.mlp"));
    }

    @Test
    void reportsAllFiveClaimsAndEveryDeclaredPlot() {
        Set<String> ids = first.claims().stream().map(ClaimCheck::id).map(id -> id.substring(0, id.indexOf('-'))).collect(Collectors.toSet());
        assertEquals(Set.of("1", "2", "3", "4", "5"), ids);
        Set<String> plots = first.series().stream().map(Series::plot).collect(Collectors.toSet());
        for (String plot : List.of("relative-mse-vs-features", "estimate-vs-exact-m64", "estimate-vs-exact-m256",
                "accuracy-vs-parameters", "training-time")) {
            assertTrue(plots.contains(plot), "plot " + plot + " missing; have " + plots);
        }
        List<PlotSpec> declared = experiment().plots();
        for (String plot : plots) {
            assertTrue(declared.stream().anyMatch(spec -> spec.matches(plot)), "plot " + plot + " is not declared");
        }
        first.metrics().forEach((k, v) -> assertTrue(Double.isFinite(v), k + " = " + v));
    }

    @Test
    void sameSeedGivesTheSameNumbers() throws Exception {
        Map<String, Double> again = TestRunContext.smoke(experiment(), 1).metrics();
        assertEquals(first.metrics(), again);
    }
}
