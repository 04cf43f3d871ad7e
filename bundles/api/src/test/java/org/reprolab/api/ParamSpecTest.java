package org.reprolab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamSpecTest {

    private static final ParamSpec<Integer> TRIALS = ParamSpec.ofInt("trials", 1, 3, "trials").range(1, 10);
    private static final ParamSpec<List<Double>> RIDGES =
            ParamSpec.ofDoubleList("ridges", List.of(1e-3), List.of(1e-6, 1.0), "ridge grid").range(0, 10);
    private static final ParamSpec<String> TARGET =
            ParamSpec.ofChoice("target", "binary", "multiclass", List.of("binary", "multiclass"), "target");

    @Test
    void parsesEachTypeAndKeepsProfileDefaults() {
        assertEquals(7, TRIALS.parse(" 7 "));
        assertEquals(List.of(0.5, 2.0), RIDGES.parse("0.5, 2"));
        assertEquals("binary", TARGET.parse("binary"));
        assertEquals(true, ParamSpec.ofBoolean("b", false, false, "").parse("yes"));
        assertEquals(1, TRIALS.defaultFor(Profile.SMOKE));
        assertEquals(3, TRIALS.defaultFor(Profile.FULL));
    }

    @Test
    void badValuesNameTheParameterAndWhatIsAccepted() {
        ParamException wrongType = assertThrows(ParamException.class, () -> TRIALS.parse("three"));
        assertTrue(wrongType.getMessage().contains("'trials'"), wrongType.getMessage());
        assertTrue(wrongType.getMessage().contains("integer in [1, 10]"), wrongType.getMessage());
        ParamException outOfRange = assertThrows(ParamException.class, () -> TRIALS.parse("11"));
        assertTrue(outOfRange.getMessage().contains("out of range"), outOfRange.getMessage());
        ParamException badChoice = assertThrows(ParamException.class, () -> TARGET.parse("ternary"));
        assertTrue(badChoice.getMessage().contains("binary, multiclass"), badChoice.getMessage());
        assertThrows(ParamException.class, () -> RIDGES.parse("1,,2"));
        assertThrows(ParamException.class, () -> RIDGES.parse("NaN"));
    }

    @Test
    void defaultsOutsideTheRangeAreRejectedWhenDeclared() {
        assertThrows(ParamException.class, () -> ParamSpec.ofInt("n", 0, 5, "").range(1, 10));
    }

    @Test
    void formatRoundTrips() {
        List<Double> grid = List.of(1e-6, 0.25, 3.0);
        assertEquals(grid, RIDGES.parse(RIDGES.format(grid)));
        assertEquals("3", TRIALS.format(3));
    }

    @Test
    void claimHelpersDecideFromTheMeasuredValue() {
        assertTrue(ClaimCheck.atMost("c", "s", 0.5, 0.5).held());
        assertFalse(ClaimCheck.atMost("c", "s", Double.NaN, 0.5).held());
        assertFalse(ClaimCheck.atLeast("c", "s", 0.49, 0.5).held());
        assertEquals("≥ 0.5", ClaimCheck.atLeast("c", "s", 0.49, 0.5).expected());
        assertEquals("1.235e-05", ClaimCheck.format(1.2345e-5));
        assertEquals("0.073", ClaimCheck.format(0.073));
    }

    @Test
    void experimentIdsAreChecked() {
        Paper p = new Paper("t", "a", 2024, "");
        assertThrows(IllegalArgumentException.class, () -> new ExperimentInfo("More_Is", "t", p, "theory", null, null));
        assertEquals("more-is-better", new ExperimentInfo("more-is-better", "t", p, "theory", null, null).id());
    }
}
