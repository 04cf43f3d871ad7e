package org.reprolab.method.latentquantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class InfoMecTest {

    @Test
    void modularityAndCompactnessFollowTheNormalisedRatioDefinitions() {
        // two sources × three latents; latent 2 is inactive and must be ignored
        double[][] nmi = {{0.6, 0.2, 9}, {0.2, 0.2, 9}};
        List<Integer> active = List.of(0, 1);
        double ratioM = (0.6 / 0.8 + 0.2 / 0.4) / 2;
        assertEquals((ratioM - 0.5) / 0.5, InfoMec.modularity(nmi, active, 2), 1e-12);
        double ratioC = (0.6 / 0.8 + 0.2 / 0.4) / 2;
        assertEquals((ratioC - 0.5) / 0.5, InfoMec.compactness(nmi, active, 2), 1e-12);
    }

    @Test
    void activeLatentsFollowTheRangeRules() {
        double[][] columns = {{0, 10}, {0, 0.4}, {0, 0.6}, {1, 1}};
        assertArrayEquals(new boolean[] {true, false, true, false}, InfoMec.active(columns, false));
        assertArrayEquals(new boolean[] {true, true, true, false}, InfoMec.active(columns, true));
    }

    @Test
    void distinctValuesBecomeCategories() {
        assertArrayEquals(new int[] {0, 1, 0, 2}, InfoMec.distinctValueIndex(new double[] {0.3, -0.1, 0.3, 0.5}));
    }
}
