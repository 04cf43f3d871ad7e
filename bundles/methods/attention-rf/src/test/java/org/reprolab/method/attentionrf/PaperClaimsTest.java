package org.reprolab.method.attentionrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Result;

class PaperClaimsTest {

    private static final int[] KEYS = {4, 16};
    private static final int[] SAMPLES = {250, 1000, 4000};

    /** Curves shaped like the prototype's: every claim holds. */
    @Test
    void prototypeShapedCurvesHoldEveryClaim() {
        Map<String, Boolean> held = claims(0.9);
        held.forEach((id, ok) -> assertTrue(ok, id));
        assertEquals(6, held.size());
    }

    /** Zero-mean RFA dipping below 0.9 on f_B breaks claim 5 and nothing else. */
    @Test
    void rfaLearningTheDegreeFourTargetBreaksClaimFive() {
        Map<String, Boolean> held = claims(0.85);
        assertFalse(held.get("5-sample-size-vs-complexity"));
        held.entrySet().stream().filter(e -> !e.getKey().startsWith("5")).forEach(e -> assertTrue(e.getValue(), e.getKey()));
    }

    @Test
    void referenceSizeIsTheLargestAtMostAQuarterOfTheLargest() {
        assertEquals(1000, new Curves(List.of(), KEYS, new int[] {250, 500, 1000, 2000, 4000}).referenceN());
        assertEquals(100, new Curves(List.of(), KEYS, new int[] {100, 200}).referenceN());
    }

    private static Map<String, Boolean> claims(double rfaOnFbAtLargestN) {
        List<LearningCurve> curves = new ArrayList<>();
        for (int keys : KEYS) {
            for (int seed = 0; seed < 2; seed++) {
                // rows: n = 250, 1000, 4000; columns: f_A, f_B, f_C
                curves.add(curve(Model.RFA, keys, seed, new double[][] {{0.5, 1.0, 0.9}, {0.2, 0.98, 0.8}, {0.07, rfaOnFbAtLargestN, 0.6}}));
                curves.add(curve(Model.BRFA, keys, seed, new double[][] {{0.6, 0.9, 0.7}, {0.3, 0.8, 0.5}, {0.12, 0.5, 0.3}}));
                curves.add(curve(Model.RFMLP, keys, seed, new double[][] {{0.95, 1.0, 1.0}, {0.8, 1.0, 1.0}, {0.6, 1.0, 1.0}}));
            }
        }
        Result.Builder out = Result.builder();
        new PaperClaims(new Curves(curves, KEYS, SAMPLES)).check(out);
        return out.build().claims().stream().collect(Collectors.toMap(ClaimCheck::id, ClaimCheck::held));
    }

    private static LearningCurve curve(Model model, int keys, int seed, double[][] error) {
        return new LearningCurve(model, keys, seed, SAMPLES, error, new double[SAMPLES.length][Targets.COUNT]);
    }
}
