package org.reprolab.data.batch;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;

/**
 * Consecutive mini-batches of an index array: batch b holds entries b·size … (b+1)·size − 1; the last, shorter
 * batch is kept or dropped. For a shuffled epoch pass a permutation (see {@link #shuffledEpoch}).
 */
public final class MiniBatches implements Iterable<int[]> {

    private final int[] indices;
    private final int batchSize;
    private final boolean dropLast;

    /**
     * @param indices   the indices in the order they are served (not copied)
     * @param batchSize entries per batch (≥ 1)
     * @param dropLast  whether a final batch shorter than batchSize is dropped
     */
    public MiniBatches(int[] indices, int batchSize, boolean dropLast) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        }
        this.indices = indices;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
    }

    /** One epoch over 0…n−1 in a fresh random order. */
    public static MiniBatches shuffledEpoch(int n, int batchSize, boolean dropLast, RandomGenerator rng) {
        return new MiniBatches(Permutations.random(n, rng), batchSize, dropLast);
    }

    /** The number of batches. */
    public int count() {
        return dropLast ? indices.length / batchSize : (indices.length + batchSize - 1) / batchSize;
    }

    /** Batch b. */
    public int[] batch(int b) {
        if (b < 0 || b >= count()) {
            throw new IndexOutOfBoundsException("batch " + b + " of " + count());
        }
        return Arrays.copyOfRange(indices, b * batchSize, Math.min(indices.length, (b + 1) * batchSize));
    }

    @Override
    public Iterator<int[]> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count();
            }

            @Override
            public int[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch(next++);
            }
        };
    }
}
