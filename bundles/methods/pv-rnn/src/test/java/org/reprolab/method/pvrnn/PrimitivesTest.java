package org.reprolab.method.pvrnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The data generator, the primitive classifier and the trivial predictors. */
class PrimitivesTest {

    @Test
    void primitivesAreClosedLoopsOfAmplitudePointEight() {
        for (int p = 0; p < MotionPrimitives.COUNT; p++) {
            double[][] t = MotionPrimitives.template(p);
            assertEquals(MotionPrimitives.LENGTH, t.length);
            assertArrayEquals(new double[] {0.8, 0}, t[MotionPrimitives.LENGTH - 1], 1e-12, MotionPrimitives.NAMES[p]);
            for (double[] point : t) {
                assertTrue(Math.abs(point[0]) <= 0.8 + 1e-12 && Math.abs(point[1]) <= 0.8 + 1e-12);
            }
        }
        assertArrayEquals(new double[] {0.8, 0.32}, MotionPrimitives.template(2)[0], 1e-12);
    }

    @Test
    void classifierRecoversTheGeneratorsLabelsAndTransitionMatrix() {
        PrimitiveFsm.Sample s = new PrimitiveFsm(PrimitiveFsm.TRANSITIONS, 0.02).generate(400, 8, new SplittableRandom(1));
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(s.labels()[i], PrimitiveClassifier.labels(s.sequences()[i]));
        }
        double[][] p = PrimitiveClassifier.transitionMatrix(PrimitiveClassifier.transitionCounts(s.sequences()));
        assertTrue(PrimitiveClassifier.meanRowTotalVariation(p, PrimitiveFsm.TRANSITIONS) < 0.05);
        assertTrue(PrimitiveClassifier.meanNearestTemplateMse(s.sequences()) < 0.001);
    }

    @Test
    void anUnvisitedRowCountsAsTheWorstCase() {
        double[][] p = PrimitiveClassifier.transitionMatrix(new int[][] {{0, 5, 5}, {0, 0, 0}, {1, 1, 2}});
        assertTrue(Double.isNaN(p[1][0]));
        double tv = PrimitiveClassifier.meanRowTotalVariation(p, PrimitiveFsm.TRANSITIONS);
        assertEquals((0.2 + 1 + 0.1) / 3, tv, 1e-12);
    }

    @Test
    void repeatLastIsExactWhenAPrimitiveRepeatsWithoutNoise() {
        double[][][] seq = new double[1][60][];
        for (int b = 0; b < 3; b++) {
            double[][] t = MotionPrimitives.template(1);
            for (int k = 0; k < 20; k++) {
                seq[0][b * 20 + k] = t[k];
            }
        }
        int[] times = {20, 40};
        assertEquals(0, Predictors.mse(Predictors.repeatLast(seq, times, 10), seq, times), 1e-24);
        assertTrue(Predictors.mse(Predictors.trueTransitions(seq, times, 10, PrimitiveFsm.TRANSITIONS), seq, times) > 0);
    }

    @Test
    void badTransitionMatricesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PrimitiveFsm(new double[][] {{0.5, 0.5, 0.5}, {1, 0, 0}, {1, 0, 0}}, 0));
    }
}
