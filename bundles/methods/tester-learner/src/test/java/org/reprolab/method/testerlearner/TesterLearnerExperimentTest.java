package org.reprolab.method.testerlearner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.testing.ExperimentContracts;
import org.reprolab.testing.TestRunContext;

/** The smoke profile (d = 5, n = 3000, 500 PSGD steps, 2 runs on G-Massart and U-cube) and its invariants. */
class TesterLearnerExperimentTest {

    private final TesterLearnerExperiment experiment = new TesterLearnerExperiment();

    @Test
    void smokeProfileSatisfiesTheSpecInvariants() throws Exception {
        Map<String, Double> m = TestRunContext.smoke(experiment, 7).metrics();
        assertTrue(m.get("check/max_norm_deviation") < 1e-9, "w stays on the unit sphere: " + m.get("check/max_norm_deviation"));
        assertTrue(m.get("check/gradient_max_error") < 1e-5, "surrogate gradient = finite differences: " + m.get("check/gradient_max_error"));
        // the band tests accept 10⁶ exact Gaussian points with a margin: every statistic under half its tolerance
        assertTrue(m.get("check/gaussian_band_mass_ratio") < 0.5, "T3 margin " + m.get("check/gaussian_band_mass_ratio"));
        assertTrue(m.get("check/gaussian_isotropy_ratio") < 0.5, "T4 margin " + m.get("check/gaussian_isotropy_ratio"));
        assertEquals(0.0, m.get("check/target_noiseless_error"), "w* makes no error on noiseless Gaussian labels");
    }

    @Test
    void smokeRunTellsGaussianFromCube() throws Exception {
        Map<String, Double> m = TestRunContext.smoke(experiment, 7).metrics();
        assertEquals(1.0, m.get("acceptance/g-massart-0.2"), "Gaussian Massart data is accepted");
        assertEquals(0.0, m.get("acceptance/u-cube-0.2"), "the cube's fourth moment along w is 1.8, not 3");
        assertTrue(m.get("excess_error/g-massart-0.2") < 0.05, "err − opt " + m.get("excess_error/g-massart-0.2"));
    }

    @Test
    void reportsTheSixClaimsAndTheDeclaredPlots() throws Exception {
        Result result = TestRunContext.smoke(experiment, 7);
        assertEquals(List.of("C1", "C2", "C3", "C4", "C5", "C6"), result.claims().stream().map(ClaimCheck::id).toList());
        Set<String> plots = result.series().stream().map(Series::plot).collect(Collectors.toSet());
        assertEquals(Set.of("acceptance-rate", "excess-error", "angle-vs-step", "band-mass-ratio"), plots);
        for (String plot : plots) {
            assertTrue(experiment.plots().stream().anyMatch(spec -> spec.matches(plot)), "plot " + plot + " is not declared");
        }
        Series angles = result.series().stream().filter(s -> s.plot().equals("angle-vs-step")).findFirst().orElseThrow();
        assertEquals(500 / 25 + 1, angles.x().length, "iterate every 25 steps from step 0 to 500");
    }

    @Test
    void aClaimWhoseDistributionWasNotRunDoesNotHold() throws Exception {
        Result result = TestRunContext.smoke(experiment, 7);
        for (String id : List.of("C3", "C5", "C6")) {
            ClaimCheck c = result.claims().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            assertFalse(c.held(), id);
            assertTrue(c.measured().startsWith("not measured"), id + ": " + c.measured());
        }
    }

    @Test
    void sameSeedGivesIdenticalNumbersAndAnotherSeedDoesNot() throws Exception {
        ExperimentContracts.sameSeedSameNumbers(experiment, 11, Map.of("n", "1000", "testN", "2000", "steps", "200"));
    }

    @Test
    void badParametersAreRejectedByName() {
        ExperimentContracts.refusesByName(experiment, "massart.etaMax", "0.2,0.6");
    }

    @Test
    void aCancelledRunStops() {
        ExperimentContracts.cancelledRunStops(experiment);
    }
}
