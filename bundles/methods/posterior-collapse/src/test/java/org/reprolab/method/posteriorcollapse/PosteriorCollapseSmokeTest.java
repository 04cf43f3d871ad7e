package org.reprolab.method.posteriorcollapse;

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
import org.reprolab.api.ImageGrid;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.data.internal.DatasetsComponent;
import org.reprolab.testing.TestRunContext;

/** Runs the smoke profile and checks the invariants the specification lists for it. */
class PosteriorCollapseSmokeTest {

    private static Result first;

    private static PosteriorCollapseExperiment experiment() {
        return new PosteriorCollapseExperiment(new DatasetsComponent());
    }

    @BeforeAll
    static void runSmokeProfile() throws Exception {
        first = TestRunContext.smoke(experiment(), 1);
    }

    private static double metric(String name) {
        Double v = first.metrics().get(name);
        assertTrue(v != null, "metric " + name + " missing; have " + first.metrics().keySet());
        return v;
    }

    @Test
    void analyticKlAtTheClosedFormEqualsTheSampledKlTerm() {
        double gap = Math.abs(metric("check.closedFormKlAnalytic") - metric("check.closedFormKlSampled"));
        assertTrue(gap <= 3 * metric("check.closedFormKlStandardError"), "analytic " + metric("check.closedFormKlAnalytic")
                + " vs sampled " + metric("check.closedFormKlSampled") + " ± " + metric("check.closedFormKlStandardError"));
    }

    @Test
    void residualCovarianceIsSymmetricPositiveSemiDefinite() {
        assertTrue(metric("check.residualCovarianceAsymmetry") < 1e-12);
        assertTrue(metric("check.residualCovarianceMinEigenvalue") > -1e-9);
    }

    @Test
    void collapsedLatentsOfTheClosedFormSitOnThePrior() {
        assertEquals(0, metric("check.collapsedPosteriorVarianceError"), 1e-6);
        assertEquals(0, metric("check.collapsedOmega"), 1e-12);
    }

    @Test
    void perDimensionKlIsNonNegativeAndTheElboRises() {
        assertTrue(metric("check.minPerDimensionKl") >= 0, "min KL " + metric("check.minPerDimensionKl"));
        assertTrue(metric("check.minElboGain") > 0, "loss fell by " + metric("check.minElboGain"));
    }

    @Test
    void analyticMhvaeLossEqualsItsMonteCarloEstimate() {
        double analytic = metric("check.mhvaeAnalyticElbo");
        double mc = metric("check.mhvaeMonteCarloElbo");
        assertTrue(Math.abs(analytic - mc) <= 0.01 * Math.abs(analytic), "analytic " + analytic + " vs Monte Carlo " + mc);
    }

    @Test
    void reportsAllNineClaimsAndEveryDeclaredPlot() {
        Set<String> ids = first.claims().stream().map(ClaimCheck::id).map(id -> id.substring(0, id.indexOf('-'))).collect(Collectors.toSet());
        assertEquals(Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), ids);
        List<PlotSpec> declared = experiment().plots();
        Set<String> plots = first.series().stream().map(Series::plot).collect(Collectors.toSet());
        plots.addAll(first.heatmaps().stream().map(Heatmap::plot).toList());
        plots.addAll(first.imageGrids().stream().map(ImageGrid::plot).toList());
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
        Map<String, Double> again = TestRunContext.smoke(experiment(), 1).metrics();
        assertEquals(first.metrics(), again);
        Map<String, Double> other = TestRunContext.smoke(experiment(), 2).metrics();
        assertNotEquals(first.metrics().get("check.closedFormKlSampled"), other.get("check.closedFormKlSampled"));
    }
}
