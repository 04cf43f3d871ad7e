package org.reprolab.method.apremss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MeanShiftTest {

    private static double[][] gaussian(int n, int d, Random r) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void withOneNeighbourNothingMoves() {
        Random r = new Random(1);
        double[][] pool = gaussian(30, 4, r);
        double[][] queries = gaussian(5, 4, r);
        List<MeanShift.Shifted> path = MeanShift.rounds(pool, queries, new int[] {1}, 3).get(1);
        for (MeanShift.Shifted s : path) {
            for (int i = 0; i < pool.length; i++) {
                assertArrayEquals(pool[i], s.pool()[i], 0);
            }
            for (int i = 0; i < queries.length; i++) {
                assertArrayEquals(queries[i], s.queries()[i], 0);
            }
        }
    }

    @Test
    void anIsolatedTestPointOnATrainingPointMovesTowardsItsNeighbours() {
        // a training point at 10 far from the rest; a test point exactly on it; its other neighbours are at 0 and 1
        double[][] pool = {{0, 0}, {1, 0}, {10, 0}, {0, 1}};
        double[][] queries = {{10, 0}};
        MeanShift.Shifted s = MeanShift.rounds(pool, queries, new int[] {3}, 1).get(3).get(0);
        // itself + its 2 nearest pool points: (10, 0) and (1, 0)
        assertArrayEquals(new double[] {7, 0}, s.queries()[0], 1e-12);
        // a pool point averages its 3 nearest pool points including itself: (10,0), (1,0), (0,0)
        assertArrayEquals(new double[] {11 / 3.0, 0}, s.pool()[2], 1e-12);
    }

    @Test
    void laterRoundsSearchTheShiftedPoolAndEveryKSharesTheFirstSearch() {
        Random r = new Random(3);
        double[][] pool = gaussian(60, 3, r);
        double[][] queries = gaussian(7, 3, r);
        Map<Integer, List<MeanShift.Shifted>> all = MeanShift.rounds(pool, queries, new int[] {2, 5}, 2);
        for (int k : new int[] {2, 5}) {
            MeanShift.Shifted alone = MeanShift.rounds(pool, queries, new int[] {k}, 1).get(k).get(0);
            MeanShift.Shifted first = all.get(k).get(0);
            for (int i = 0; i < pool.length; i++) {
                assertArrayEquals(alone.pool()[i], first.pool()[i], 1e-12);
            }
            MeanShift.Shifted second = MeanShift.round(first, k);
            for (int i = 0; i < queries.length; i++) {
                assertArrayEquals(second.queries()[i], all.get(k).get(1).queries()[i], 1e-12);
            }
        }
        assertEquals(2, all.get(5).size());
    }

    @Test
    void refusesKLargerThanThePool() {
        assertThrows(IllegalArgumentException.class, () -> MeanShift.rounds(new double[][] {{0}, {1}}, new double[][] {{0}}, new int[] {3}, 1));
        assertThrows(IllegalArgumentException.class, () -> MeanShift.rounds(new double[][] {{0}, {1}}, new double[][] {{0}}, new int[] {2}, 0));
    }
}
