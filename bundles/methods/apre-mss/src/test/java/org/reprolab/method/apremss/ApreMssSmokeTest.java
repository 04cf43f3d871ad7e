package org.reprolab.method.apremss;

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
import org.reprolab.autoencoders.common.RocAuc;
import org.reprolab.data.internal.DatasetsComponent;
import org.reprolab.testing.TestRunContext;

/** Runs the smoke profile and checks the invariants the specification lists for it. */
class ApreMssSmokeTest {

    private static Result first;

    @BeforeAll
    static void runSmokeProfile() throws Exception {
        first = TestRunContext.smoke(experiment(), 1);
    }

    private static ApreMssExperiment experiment() {
        return new ApreMssExperiment(new DatasetsComponent());
    }

    private static double metric(String name) {
        Double v = first.metrics().get(name);
        assertTrue(v != null, "metric " + name + " missing; have " + first.metrics().keySet());
        return v;
    }

    @Test
    void predictedVariancesArePositive() {
        assertTrue(metric("check.minVariance") > 0, "min σ² = " + metric("check.minVariance"));
    }

    @Test
    void everyTrainingLowersItsLoss() {
        assertTrue(metric("check.minLossDrop") > 0, "smallest loss drop " + metric("check.minLossDrop"));
    }

    @Test
    void aucOfAPerfectScoreIsOneAndOfItsReverseZero() {
        boolean[] outlier = {false, true, false, true, false};
        double[] perfect = {0.1, 5, 0.3, 4, 0.2};
        double[] reversed = {-0.1, -5, -0.3, -4, -0.2};
        assertEquals(1, RocAuc.of(perfect, outlier), 0);
        assertEquals(0, RocAuc.of(reversed, outlier), 0);
    }

    @Test
    void everyAucIsAProbability() {
        first.metrics().forEach((k, v) -> {
            if (k.startsWith("auc.synthetic")) {
                assertTrue(v >= 0 && v <= 1, k + " = " + v);
            }
        });
        assertTrue(metric("auc.synthetic.AE-MSE") >= 0);
        assertTrue(metric("auc.synthetic-in-span.MSS-MSE") >= 0);
    }

    @Test
    void reportsAllFiveClaimsAndOnlyDeclaredPlots() {
        Set<String> ids = first.claims().stream().map(ClaimCheck::id).map(id -> id.substring(0, id.indexOf('-'))).collect(Collectors.toSet());
        assertEquals(Set.of("1", "2", "3", "4", "5"), ids);
        Set<String> plots = first.series().stream().map(Series::plot).collect(Collectors.toSet());
        for (String plot : List.of("auc-by-dataset", "auc-vs-k-synthetic-in-span", "score-histogram-mse", "score-histogram-mss-mse",
                "synthetic-pca-view")) {
            assertTrue(plots.contains(plot), "plot " + plot + " missing from " + plots);
        }
        assertEquals(1, first.heatmaps().size());
        List<PlotSpec> declared = experiment().plots();
        for (String plot : plots) {
            assertTrue(declared.stream().anyMatch(spec -> spec.matches(plot)), "plot " + plot + " is not declared");
        }
    }

    @Test
    void sameSeedGivesTheSameNumbers() throws Exception {
        Map<String, Double> again = TestRunContext.smoke(experiment(), 1).metrics();
        assertEquals(first.metrics(), again);
    }
}
