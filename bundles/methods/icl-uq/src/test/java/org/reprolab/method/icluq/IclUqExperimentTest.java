package org.reprolab.method.icluq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.ParamException;
import org.reprolab.api.Profile;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.testing.TestRunContext;

/** The smoke profile (d = 2, T = 6, d_model = 16, 1 layer, 50 steps) and the invariants the specification lists for it. */
class IclUqExperimentTest {

    private static Result smoke;

    @BeforeAll
    static void runSmoke() throws Exception {
        smoke = TestRunContext.smoke(new IclUqExperiment(), 7);
    }

    @Test
    void smokeProfileSatisfiesTheSpecInvariants() {
        Map<String, Double> m = smoke.metrics();
        assertTrue(m.get("check/causal_max_leak") <= 1e-6, "causal mask: later tokens leave earlier outputs unchanged");
        assertTrue(m.get("check/min_model_variance") > 0, "v > 0 everywhere");
        for (String model : List.of("nope", "pe", "nope-meta")) {
            assertTrue(m.get("check/train_loss_last_tenth/" + model) < m.get("check/train_loss_step0/" + model),
                    model + ": training NLL falls over 50 steps");
        }
        assertTrue(m.get("check/single_sigma_vs_conjugate_max_rel_error") < 1e-9, "one-σ mixture = conjugate predictive");
        assertTrue(m.get("nll/in-distribution/bayes") <= m.get("nll/in-distribution/vague"),
                "training-prior Bayes beats the vague prior in distribution (200 prompts)");
        assertEquals(1.0, m.get("check/bayes_over_ols_mse/sigma-0.001"), 1e-3, "Bayes → OLS as σ → 0");
        assertEquals(1, m.get("sigma_hat_log_slope/oracle"), 0.3, "the σ-oracle's σ̂ follows σ");
        double gapAt01 = Math.abs(m.get("check/bayes_over_ols_mse/sigma-0.1") - 1);
        assertTrue(Math.abs(m.get("check/bayes_over_ols_mse/sigma-0.001") - 1) <= gapAt01 + 1e-12,
                "the Bayes/OLS gap shrinks as σ falls");
    }

    @Test
    void reportsTheSixClaimsAndThePaperPlots() {
        List<String> ids = smoke.claims().stream().map(ClaimCheck::id).toList();
        assertEquals(List.of("C1", "C2", "C3", "C4", "C5", "C6"), ids);
        for (ClaimCheck c : smoke.claims()) {
            assertFalse(c.measured().contains("NaN"), c.id() + ": " + c.measured());
        }
        Set<String> plots = smoke.series().stream().map(Series::plot).collect(Collectors.toSet());
        for (String plot : List.of("nll-vs-position", "mse-vs-position", "calibration-vs-position", "coverage-vs-position",
                "sigma-hat-vs-true-sigma", "noise-shift-calibration-sigma-2.0", "length-shift-mse", "covariate-shift-excess",
                "training-nll")) {
            assertTrue(plots.contains(plot), "missing plot " + plot + " in " + plots);
        }
        Series nll = smoke.series().stream().filter(s -> s.plot().equals("nll-vs-position")).findFirst().orElseThrow();
        assertEquals(6, nll.x().length, "one point per position t = 0…T−1");
        Series length = smoke.series().stream().filter(s -> s.plot().equals("length-shift-mse")).findFirst().orElseThrow();
        assertEquals(12, length.x().length, "length shift scores T_test = 12 positions");
    }

    @Test
    void sameSeedSameNumbers() throws Exception {
        Result again = TestRunContext.smoke(new IclUqExperiment(), 7);
        assertEquals(smoke.metrics(), again.metrics());
    }

    @Test
    void rejectsInconsistentParametersNamingThem() {
        IclUqExperiment e = new IclUqExperiment();
        for (Map.Entry<String, String> bad : Map.of("heads", "3", "warmup", "50", "lengthShift.pairs", "6").entrySet()) {
            ParamException error = assertThrows(ParamException.class,
                    () -> new TestRunContext(e, Profile.SMOKE, 1, Map.of(bad.getKey(), bad.getValue())));
            assertTrue(error.getMessage().contains(bad.getKey()), error.getMessage());
        }
    }
}
