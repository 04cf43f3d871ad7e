package org.reprolab.data.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchTest {

    @Test
    void permutationsAreSeededUniformPermutations() {
        int[] p = Permutations.random(1000, new SplittableRandom(1));
        assertArrayEquals(p, Permutations.random(1000, new SplittableRandom(1)));
        assertNotEquals(Arrays.toString(p), Arrays.toString(Permutations.random(1000, new SplittableRandom(2))));
        assertArrayEquals(Permutations.identity(1000), Arrays.stream(p).sorted().toArray());
        // Position of element 0 over many shuffles of 4: each of the 4 places about equally often.
        int[] where = new int[4];
        SplittableRandom rng = new SplittableRandom(3);
        for (int t = 0; t < 40_000; t++) {
            int[] q = Permutations.random(4, rng);
            for (int i = 0; i < 4; i++) {
                if (q[i] == 0) {
                    where[i]++;
                }
            }
        }
        for (int w : where) {
            assertEquals(10_000, w, 5 * Math.sqrt(10_000 * 0.75));
        }
        int[] s = Permutations.sample(50, 20, new SplittableRandom(4));
        assertEquals(20, Arrays.stream(s).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> Permutations.sample(5, 6, rng));
    }

    @Test
    void randomSplitPartitionsTheIndices() {
        DataSplit s = Splits.random(1000, 0.1, 0.2, new SplittableRandom(5));
        assertEquals(700, s.train().length);
        assertEquals(100, s.validation().length);
        assertEquals(200, s.test().length);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(Permutations.identity(1000), all);
        assertArrayEquals(s.test(), Splits.random(1000, 0.1, 0.2, new SplittableRandom(5)).test());
        assertThrows(IllegalArgumentException.class, () -> Splits.random(10, 0.5, 0.5, new SplittableRandom(1)));
    }

    @Test
    void stratifiedSplitKeepsClassShares() {
        int[] labels = new int[1000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 800 ? 0 : i < 950 ? 1 : 2;
        }
        DataSplit s = Splits.stratified(labels, 0.2, 0.2, new SplittableRandom(6));
        assertArrayEquals(new int[] {160, 30, 10}, counts(labels, s.test()));
        assertArrayEquals(new int[] {160, 30, 10}, counts(labels, s.validation()));
        assertArrayEquals(new int[] {480, 90, 30}, counts(labels, s.train()));
        assertEquals(1000, IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                Arrays.stream(s.test())).distinct().count());
    }

    private static int[] counts(int[] labels, int[] idx) {
        int[] c = new int[3];
        for (int i : idx) {
            c[labels[i]]++;
        }
        return c;
    }

    @Test
    void miniBatchesCoverTheEpoch() {
        MiniBatches keep = MiniBatches.shuffledEpoch(103, 10, false, new SplittableRandom(7));
        assertEquals(11, keep.count());
        int seen = 0;
        boolean[] hit = new boolean[103];
        for (int[] b : keep) {
            seen += b.length;
            for (int i : b) {
                hit[i] = true;
            }
        }
        assertEquals(103, seen);
        for (boolean h : hit) {
            assertTrue(h);
        }
        assertEquals(3, keep.batch(10).length);
        MiniBatches drop = new MiniBatches(Permutations.identity(103), 10, true);
        assertEquals(10, drop.count());
        assertArrayEquals(new int[] {90, 91, 92, 93, 94, 95, 96, 97, 98, 99}, drop.batch(9));
        assertThrows(IndexOutOfBoundsException.class, () -> drop.batch(10));
    }

    @Test
    void classIncrementalStreamServesTasksInOrderWithoutMixing() {
        int[] labels = new int[600];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 6;
        }
        List<int[]> tasks = ClassIncrementalStream.consecutiveTasks(6, 2);
        ClassIncrementalStream stream = new ClassIncrementalStream(labels, tasks, 32, new SplittableRandom(8));
        assertEquals(3, stream.tasks());
        assertEquals(3 * 7, stream.batches(), "200 examples per task: 6 full batches and one of 8");
        boolean[] served = new boolean[600];
        int lastTask = 0;
        for (int b = 0; b < stream.batches(); b++) {
            int t = stream.taskOfBatch(b);
            assertTrue(t >= lastTask, "tasks never come back");
            lastTask = t;
            for (int i : stream.batch(b)) {
                assertTrue(labels[i] / 2 == t, "batch " + b + " holds only task " + t + "'s classes");
                assertTrue(!served[i], "each example once");
                served[i] = true;
            }
        }
        assertArrayEquals(stream.indicesOf(1), new ClassIncrementalStream(labels, tasks, 32, new SplittableRandom(8)).indicesOf(1));
        assertThrows(IllegalArgumentException.class,
                () -> new ClassIncrementalStream(labels, List.of(new int[] {0, 1}, new int[] {1, 2}), 8, new SplittableRandom(1)));
    }
}
