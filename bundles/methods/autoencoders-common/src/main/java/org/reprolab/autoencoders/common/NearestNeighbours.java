package org.reprolab.autoencoders.common;

import java.util.stream.IntStream;

/**
 * Exact k-nearest-neighbour search in Euclidean distance over a fixed pool of points, by brute force: every query is
 * compared with every pool point, in blocks of queries and pool points so that a block of the pool stays in cache
 * while a batch of queries is scanned. Distances are summed coordinate by coordinate in double precision (not by the
 * ‖q‖² + ‖p‖² − 2q·p expansion), so a point's distance to itself is exactly 0 and equal distances are exactly equal.
 *
 * <p>Ties are broken by the lower pool index, so the answer is deterministic; batches of queries run in parallel, but
 * each query's answer depends on nothing but the query and the pool. With {@code excludeSelf}, query i is pool point
 * i and is left out of its own neighbours (leave-one-out, e.g. for a k-NN distance score of the pool itself or a
 * k-NN entropy estimator).
 */
public final class NearestNeighbours {

    private static final int QUERY_BATCH = 64;
    private static final int POOL_BLOCK = 256;

    private final double[][] pool;
    private final int dims;

    /** A search over these pool points (rows, all of one length; the array is kept, not copied). */
    public NearestNeighbours(double[][] pool) {
        if (pool.length == 0) {
            throw new IllegalArgumentException("the neighbour pool is empty");
        }
        this.dims = pool[0].length;
        for (int i = 0; i < pool.length; i++) {
            if (pool[i].length != dims) {
                throw new IllegalArgumentException("pool point " + i + " has " + pool[i].length + " coordinates, point 0 has " + dims);
            }
        }
        this.pool = pool;
    }

    /** The k nearest pool points of each query, and their distances. */
    public record Neighbours(int[][] indices, double[][] distances) {
    }

    /** The number of pool points. */
    public int poolSize() {
        return pool.length;
    }

    /** The k nearest pool points of every query (query itself may be one of them). */
    public Neighbours search(double[][] queries, int k) {
        return search(queries, k, false);
    }

    /** For every pool point, its k nearest other pool points. */
    public Neighbours searchPoolExcludingSelf(int k) {
        return search(pool, k, true);
    }

    /**
     * The k nearest pool points of every query, nearest first (ties: lower pool index first). With
     * {@code excludeSelf}, the queries must be the pool's own points in pool order, and query i never lists pool
     * point i.
     */
    public Neighbours search(double[][] queries, int k, boolean excludeSelf) {
        int available = pool.length - (excludeSelf ? 1 : 0);
        if (k < 1 || k > available) {
            throw new IllegalArgumentException("k must be in [1, " + available + "] for a pool of " + pool.length
                    + (excludeSelf ? " points excluding the query itself" : " points") + ", got " + k);
        }
        if (excludeSelf && queries.length != pool.length) {
            throw new IllegalArgumentException("excludeSelf needs the pool's own " + pool.length + " points as queries, got "
                    + queries.length);
        }
        for (int q = 0; q < queries.length; q++) {
            if (queries[q].length != dims) {
                throw new IllegalArgumentException("query " + q + " has " + queries[q].length + " coordinates, the pool has " + dims);
            }
        }
        int[][] indices = new int[queries.length][k];
        double[][] distances = new double[queries.length][k];
        int batches = (queries.length + QUERY_BATCH - 1) / QUERY_BATCH;
        IntStream.range(0, batches).parallel().forEach(b -> {
            int from = b * QUERY_BATCH;
            int to = Math.min(queries.length, from + QUERY_BATCH);
            searchBatch(queries, from, to, k, excludeSelf, indices, distances);
        });
        for (double[] row : distances) {
            for (int j = 0; j < k; j++) {
                row[j] = Math.sqrt(row[j]);
            }
        }
        return new Neighbours(indices, distances);
    }

    /** Fills rows [from, to) with squared distances, scanning the pool block by block in index order. */
    private void searchBatch(double[][] queries, int from, int to, int k, boolean excludeSelf, int[][] indices,
                             double[][] squared) {
        int[] filled = new int[to - from];
        for (int start = 0; start < pool.length; start += POOL_BLOCK) {
            int end = Math.min(pool.length, start + POOL_BLOCK);
            for (int q = from; q < to; q++) {
                double[] x = queries[q];
                int[] idx = indices[q];
                double[] dist = squared[q];
                for (int p = start; p < end; p++) {
                    if (excludeSelf && p == q) {
                        continue;
                    }
                    double d = squaredDistance(x, pool[p]);
                    int n = filled[q - from];
                    if (n == k && !(d < dist[k - 1])) {
                        continue; // an equal distance never displaces a lower index found earlier
                    }
                    int at = n == k ? k - 1 : n;
                    while (at > 0 && dist[at - 1] > d) {
                        dist[at] = dist[at - 1];
                        idx[at] = idx[at - 1];
                        at--;
                    }
                    dist[at] = d;
                    idx[at] = p;
                    if (n < k) {
                        filled[q - from] = n + 1;
                    }
                }
            }
        }
    }

    private double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < dims; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }
}
