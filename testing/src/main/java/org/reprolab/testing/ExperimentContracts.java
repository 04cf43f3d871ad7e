package org.reprolab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.reprolab.api.Experiment;
import org.reprolab.api.ParamException;
import org.reprolab.api.Profile;
import org.reprolab.api.Result;
import org.reprolab.api.RunCancelledException;

/**
 * What every experiment owes its users, as assertions a method bundle's smoke test calls: the same seed gives the
 * same numbers (and another seed other numbers), a bad parameter is refused naming it, a cancelled run stops.
 */
public final class ExperimentContracts {
    private ExperimentContracts() {
    }

    /** Two smoke runs with seed {@code seed} agree in every metric and claim; a run with seed + 1 differs. */
    public static void sameSeedSameNumbers(Experiment experiment, long seed, Map<String, String> overrides) throws Exception {
        Result a = experiment.run(new TestRunContext(experiment, Profile.SMOKE, seed, overrides));
        Result b = experiment.run(new TestRunContext(experiment, Profile.SMOKE, seed, overrides));
        Result c = experiment.run(new TestRunContext(experiment, Profile.SMOKE, seed + 1, overrides));
        assertEquals(a.metrics(), b.metrics(), "the same seed gave other metrics");
        assertEquals(a.claims(), b.claims(), "the same seed gave other claims");
        assertNotEquals(a.metrics(), c.metrics(), "another seed gave the same metrics");
    }

    /** Setting {@code param} to {@code badValue} is refused with a message naming the parameter. */
    public static void refusesByName(Experiment experiment, String param, String badValue) {
        ParamException e = assertThrows(ParamException.class,
                () -> new TestRunContext(experiment, Profile.SMOKE, 1, Map.of(param, badValue)));
        assertTrue(e.getMessage().contains(param), e.getMessage());
    }

    /** A smoke run whose context was cancelled before it started ends with {@link RunCancelledException}. */
    public static void cancelledRunStops(Experiment experiment) {
        TestRunContext ctx = new TestRunContext(experiment, Profile.SMOKE, 1, Map.of());
        ctx.cancel();
        assertThrows(RunCancelledException.class, () -> experiment.run(ctx));
    }
}
