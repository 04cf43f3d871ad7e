package org.reprolab.method.forestssmoothers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Profile;
import org.reprolab.api.Result;
import org.reprolab.api.RunCancelledException;
import org.reprolab.api.Series;
import org.reprolab.testing.ExperimentContracts;
import org.reprolab.testing.TestRunContext;

/** The smoke profile (n = 60, d = 5, 5 trees, 30 leaves) and the invariants the specification lists for it. */
class ForestsSmoothersExperimentTest {

    private final ForestsSmoothersExperiment experiment = new ForestsSmoothersExperiment();

    @Test
    void smokeProfileSatisfiesTheSmootherInvariants() throws Exception {
        Result result = TestRunContext.smoke(experiment, 7);
        Map<String, Double> m = result.metrics();
        assertTrue(m.get("check/smoother_row_sum_max_error") < 1e-12, "rows of S sum to 1");
        assertTrue(m.get("check/smoother_min_weight") >= 0, "S is non-negative");
        assertTrue(m.get("check/smoother_reproduces_forest_max_error") < 1e-9, "S·y = forest prediction");
        assertTrue(m.get("check/unrestricted_tree_train_mse") < 1e-12, "unrestricted tree interpolates");
        assertEquals(1.0, m.get("check/constant_predictor_p_hat"), 1e-9, "p̂ of a one-leaf tree");
        assertEquals(0.0, m.get("check/bootstrap_weight_sum_max_error"), "bootstrap counts sum to n");
        assertTrue(m.get("check/forest_minus_mean_tree_p_test_max") <= 1e-9, "p̂_test(forest) ≤ mean p̂_test(tree)");
    }

    @Test
    void smokeSmootherOfOneForestDirectly() {
        // The same invariants on a smoke-sized forest built here, so they do not rest on the experiment's bookkeeping.
        MarsAdditive.Sample sample = MarsAdditive.draw(60, new SplittableRandom(3));
        TrainingSet train = TrainingSet.of(sample.trainInputs(), sample.trainOutcomes(1));
        RandomForest forest = RandomForest.fit(train, new RandomForest.Settings(5, 30, 0.6, true), new SplittableRandom(4), () -> { });
        GrowthCurves curves = GrowthCurves.track(forest, train.y(), List.of(
                new GrowthCurves.EvaluationSet("test", sample.testInputs(), sample.testOutcomes(1))));
        InvariantChecks c = curves.checks();
        assertTrue(c.maxRowSumError() < 1e-12);
        assertTrue(c.minSmootherWeight() >= 0);
        assertTrue(c.maxReproductionError() < 1e-9);
        assertEquals(0, c.maxBootstrapSumError());
        GrowthCurves.Curve test = curves.curve("test");
        assertTrue(test.forestEffectiveParameters() <= test.treeEffectiveParameters() + 1e-9);
        assertEquals(test.effectiveParameters()[0], firstTreeEffectiveParameters(forest, sample), 1e-9);
    }

    private static double firstTreeEffectiveParameters(RandomForest forest, MarsAdditive.Sample sample) {
        SmootherMatrix s = new SmootherMatrix(sample.testInputs(), 60);
        return s.add(forest.trees().get(0));
    }

    @Test
    void reportsAllTenClaimsAndThePaperPlots() throws Exception {
        Result result = TestRunContext.smoke(experiment, 7);
        List<String> ids = result.claims().stream().map(ClaimCheck::id).toList();
        assertEquals(List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10"), ids);
        for (ClaimCheck c : result.claims()) {
            assertFalse(c.measured().startsWith("not measured"), c.id() + ": " + c.measured());
        }
        Set<String> plots = result.series().stream().map(Series::plot).collect(Collectors.toSet());
        for (String plot : List.of("eff-params-vs-trees-30-leaves-bootstrap", "eff-params-vs-trees-30-leaves-no-bootstrap",
                "mse-vs-trees-30-leaves-no-bootstrap", "train-test-gap-30-leaves-bootstrap", "eff-params-vs-offset",
                "mse-vs-offset", "decomposition-mse", "decomposition-repbias", "decomposition-modvar",
                "forest-vs-tree-by-noise", "df-vs-max-features")) {
            assertTrue(plots.contains(plot), "missing plot " + plot + " in " + plots);
        }
        Series curve = result.series().stream().filter(s -> s.plot().equals("eff-params-vs-trees-30-leaves-bootstrap"))
                .findFirst().orElseThrow();
        assertEquals(5, curve.x().length);
        for (String plot : plots) {
            assertTrue(experiment.plots().stream().anyMatch(spec -> spec.matches(plot)), "plot " + plot + " is not declared");
        }
    }

    @Test
    void sameSeedGivesIdenticalNumbersAndAnotherSeedDoesNot() throws Exception {
        ExperimentContracts.sameSeedSameNumbers(experiment, 11, Map.of());
    }

    @Test
    void aClaimMissingItsConfigurationDoesNotHold() throws Exception {
        Result result = experiment.run(new TestRunContext(experiment, Profile.SMOKE, 1, Map.of("maxFeatures", "1.0,0.2")));
        ClaimCheck c5 = result.claims().stream().filter(c -> c.id().equals("C5")).findFirst().orElseThrow();
        assertFalse(c5.held());
        assertTrue(c5.measured().startsWith("not measured"), c5.measured());
    }

    @Test
    void aCancelledRunStops() {
        TestRunContext ctx = new TestRunContext(experiment, Profile.SMOKE, 1, Map.of());
        ctx.cancel();
        assertThrows(RunCancelledException.class, () -> experiment.run(ctx));
    }
}
