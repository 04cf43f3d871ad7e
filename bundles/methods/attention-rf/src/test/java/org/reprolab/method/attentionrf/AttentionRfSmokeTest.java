package org.reprolab.method.attentionrf;

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
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.testing.TestRunContext;

/** Runs the smoke profile and checks the invariants the specification lists for it. */
class AttentionRfSmokeTest {

    private static Result first;

    @BeforeAll
    static void runSmokeProfile() throws Exception {
        first = TestRunContext.smoke(new AttentionRfExperiment(), 1);
    }

    private static double metric(String name) {
        Double v = first.metrics().get(name);
        assertTrue(v != null, "metric " + name + " missing; have " + first.metrics().keySet());
        return v;
    }

    @Test
    void attentionFeaturesAreInvariantToPermutingTheKeys() {
        assertTrue(metric("check.permutationInvariance") <= 1e-12, "max gap " + metric("check.permutationInvariance"));
    }

    @Test
    void equalKeysAndW0OnlyReduceToTheQueryFeature() {
        assertTrue(metric("check.equalKeysReduction") <= 1e-12, "max gap " + metric("check.equalKeysReduction"));
    }

    @Test
    void vanishingRidgeWithFewerFeaturesThanSamplesIsLeastSquares() {
        assertTrue(metric("check.ridgeVsLeastSquares") <= 1e-6, "relative gap " + metric("check.ridgeVsLeastSquares"));
    }

    @Test
    void choleskyAndEigenSolversAgree() {
        assertTrue(metric("check.choleskyVsEigen") <= 1e-8, "relative gap " + metric("check.choleskyVsEigen"));
    }

    @Test
    void zeroPredictorScoresOne() {
        assertTrue(metric("check.zeroPredictorGap") <= 0.05, "max |MSE(0) − 1| = " + metric("check.zeroPredictorGap"));
    }

    @Test
    void errorsAreFiniteAndNonNegative() {
        first.metrics().forEach((k, v) -> assertTrue(Double.isFinite(v), k + " = " + v));
        first.metrics().entrySet().stream().filter(e -> e.getKey().startsWith("nmse."))
                .forEach(e -> assertTrue(e.getValue() >= 0, e.getKey() + " = " + e.getValue()));
        assertEquals(3 * 3 * 2, first.metrics().keySet().stream().filter(k -> k.startsWith("nmse.")).count(),
                "3 models × 3 targets × 2 training sizes for N = 3");
    }

    @Test
    void biasedScoresAreShiftedOnAlignedKeys() {
        assertTrue(metric("preactivation.alignedMean.BRFA") > 0.5 + metric("preactivation.alignedMean.RFA"),
                "aligned-key mean scores: BRFA " + metric("preactivation.alignedMean.BRFA") + ", RFA " + metric("preactivation.alignedMean.RFA"));
    }

    @Test
    void reportsAllSixClaimsAndEveryPlot() {
        Set<String> ids = first.claims().stream().map(ClaimCheck::id).map(id -> id.substring(0, id.indexOf('-'))).collect(Collectors.toSet());
        assertEquals(Set.of("1", "2", "3", "4", "5", "6"), ids);
        Set<String> plots = first.series().stream().map(Series::plot).collect(Collectors.toSet());
        for (String plot : List.of("mse-vs-n-fa-n3", "mse-vs-n-fb-n3", "mse-vs-n-fc-n3", "mse-vs-keys-fa", "preactivations")) {
            assertTrue(plots.contains(plot), "plot " + plot + " missing; have " + plots);
        }
        List<PlotSpec> declared = new AttentionRfExperiment().plots();
        for (String plot : plots) {
            assertTrue(declared.stream().anyMatch(spec -> spec.matches(plot)), "plot " + plot + " is not declared");
        }
    }

    @Test
    void sameSeedGivesTheSameNumbersAndAnotherSeedDoesNot() throws Exception {
        Map<String, Double> again = TestRunContext.smoke(new AttentionRfExperiment(), 1).metrics();
        assertEquals(first.metrics(), again);
        Map<String, Double> other = TestRunContext.smoke(new AttentionRfExperiment(), 2).metrics();
        assertNotEquals(first.metrics().get("nmse.RFA.fA.N3.n200"), other.get("nmse.RFA.fA.N3.n200"));
    }
}
