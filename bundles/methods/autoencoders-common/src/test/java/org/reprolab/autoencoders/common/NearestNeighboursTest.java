package org.reprolab.autoencoders.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

    /** Points on a small integer grid, so that many distances tie exactly. */
    private static double[][] gridPoints(int n, int dims, Random r) {
        double[][] x = new double[n][dims];
        for (double[] row : x) {
            for (int j = 0; j < dims; j++) {
                row[j] = r.nextInt(4);
            }
        }
        return x;
    }

    /** The reference answer: sort all pool indices by (distance, index). */
    private static int[] sortedNeighbours(double[][] pool, double[] q, int k, int skip) {
        return IntStream.range(0, pool.length).filter(p -> p != skip).boxed()
                .sorted(Comparator.<Integer>comparingDouble(p -> distance(pool[p], q)).thenComparingInt(p -> p))
                .mapToInt(Integer::intValue).limit(k).toArray();
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    @Test
    void matchesAFullSortWithTiesByLowerIndexAcrossBatchesAndBlocks() {
        Random r = new Random(3);
        double[][] pool = gridPoints(700, 3, r);    // > one pool block, heavy ties
        double[][] queries = gridPoints(150, 3, r); // > two query batches
        NearestNeighbours nn = new NearestNeighbours(pool);
        NearestNeighbours.Neighbours found = nn.search(queries, 25);
        for (int q = 0; q < queries.length; q++) {
            int[] expected = sortedNeighbours(pool, queries[q], 25, -1);
            assertArrayEquals(expected, found.indices()[q], "query " + q);
            for (int j = 0; j < 25; j++) {
                assertEquals(distance(pool[expected[j]], queries[q]), found.distances()[q][j], 1e-12);
            }
        }
    }

    @Test
    void excludingSelfLeavesEachPoolPointOutOfItsOwnList() {
        Random r = new Random(5);
        double[][] pool = gridPoints(300, 2, r);
        NearestNeighbours nn = new NearestNeighbours(pool);
        NearestNeighbours.Neighbours loo = nn.searchPoolExcludingSelf(7);
        NearestNeighbours.Neighbours with = nn.search(pool, 1);
        for (int i = 0; i < pool.length; i++) {
            assertArrayEquals(sortedNeighbours(pool, pool[i], 7, i), loo.indices()[i]);
            assertEquals(0, with.distances()[i][0], 0, "a point is at distance 0 from itself");
            int self = i;
            assertEquals(false, Arrays.stream(loo.indices()[i]).anyMatch(p -> p == self));
        }
    }

    @Test
    void aDuplicatePointIsFoundBeforeItselfWhenItsIndexIsLower() {
        double[][] pool = {{1, 1}, {0, 0}, {1, 1}};
        NearestNeighbours nn = new NearestNeighbours(pool);
        assertArrayEquals(new int[] {0, 2, 1}, nn.search(new double[][] {{1, 1}}, 3).indices()[0]);
        assertArrayEquals(new int[] {0, 1}, nn.searchPoolExcludingSelf(2).indices()[2]);
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        NearestNeighbours nn = new NearestNeighbours(new double[][] {{0, 0}, {1, 0}});
        assertThrows(IllegalArgumentException.class, () -> nn.search(new double[][] {{0, 0}}, 3));
        assertThrows(IllegalArgumentException.class, () -> nn.searchPoolExcludingSelf(2));
        assertThrows(IllegalArgumentException.class, () -> nn.search(new double[][] {{0, 0, 0}}, 1));
        assertThrows(IllegalArgumentException.class, () -> new NearestNeighbours(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> new NearestNeighbours(new double[][] {{0}, {0, 1}}));
    }
}
