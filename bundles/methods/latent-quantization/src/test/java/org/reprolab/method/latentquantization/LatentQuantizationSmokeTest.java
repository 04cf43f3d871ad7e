package org.reprolab.method.latentquantization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprolab.api.Result;
import org.reprolab.testing.TestRunContext;

/** Runs the smoke profile and checks the invariants the specification lists for it. */
class LatentQuantizationSmokeTest {

    private static Result result;

    @BeforeAll
    static void runSmokeProfile() throws Exception {
        result = TestRunContext.smoke(new LatentQuantizationExperiment(), 1);
    }

    @Test
    void everyTrainingLowersItsLoss() {
        result.metrics().forEach((name, value) -> {
            if (name.startsWith("lossDrop.")) {
                assertTrue(value > 0, name + " = " + value);
            }
        });
        assertTrue(result.metrics().containsKey("lossDrop.qlae.0"), "metrics: " + result.metrics().keySet());
    }

    @Test
    void everyClaimIsCheckedAndScoresAreInRange() {
        assertEquals(7, result.claims().size());
        for (String m : new String[] {"infoM.qlae", "infoC.qlae", "infoE.qlae", "infoM.ae", "infoE.beta-vae"}) {
            double v = result.metrics().get(m);
            assertTrue(v >= -1e-9 && v <= 1 + 1e-9, m + " = " + v);
        }
    }

    @Test
    void sourceCopiesScorePerfectModularityCompactnessAndOneHotSourcesPerfectExplicitness() {
        SourceGrid grid = SourceGrid.of(new int[] {3, 4, 5});
        InfoMec.Scores continuous = InfoMec.of(grid.sources, grid.sizes, grid.copies(), false);
        assertEquals(1, continuous.infoM(), 1e-9);
        assertEquals(1, continuous.infoC(), 1e-9);
        InfoMec.Scores discrete = InfoMec.of(grid.sources, grid.sizes, grid.copies(), true);
        assertEquals(1, discrete.infoM(), 1e-9);
        assertEquals(1, discrete.infoC(), 1e-9);
        assertEquals(1, discrete.infoE(), 1e-3);
    }

    @Test
    void pureNoiseLatentsScoreModularityNearZero() {
        SourceGrid grid = SourceGrid.of(new int[] {3, 6, 5, 8, 8});
        Random rng = new Random(7);
        double[][] noise = new double[grid.sources.length][6];
        for (double[] row : noise) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextInt(10);
            }
        }
        double infoM = InfoMec.of(grid.sources, grid.sizes, noise, true).infoM();
        assertTrue(Math.abs(infoM) < 0.1, "InfoM of noise = " + infoM);
    }

    /** Every combination of some discrete sources once. */
    record SourceGrid(int[][] sources, int[] sizes) {

        static SourceGrid of(int[] sizes) {
            int n = 1;
            for (int s : sizes) {
                n *= s;
            }
            int[][] sources = new int[n][sizes.length];
            for (int t = 0; t < n; t++) {
                int rest = t;
                for (int i = sizes.length - 1; i >= 0; i--) {
                    sources[t][i] = rest % sizes[i];
                    rest /= sizes[i];
                }
            }
            return new SourceGrid(sources, sizes);
        }

        double[][] copies() {
            double[][] z = new double[sources.length][sizes.length];
            for (int t = 0; t < sources.length; t++) {
                for (int i = 0; i < sizes.length; i++) {
                    z[t][i] = sources[t][i];
                }
            }
            return z;
        }
    }
}
