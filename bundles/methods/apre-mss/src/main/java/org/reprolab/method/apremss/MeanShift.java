package org.reprolab.method.apremss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.autoencoders.common.NearestNeighbours;

/**
 * The mean shift of MSS, as in the authors' code. Each round moves every training (pool) point to the mean of its k
 * nearest neighbours in the current pool, itself included, so the pool drifts towards its local modes; a query point
 * (a test point, never part of the pool) is moved in round r to the mean of itself and its k − 1 nearest neighbours
 * in the pool as it stood after round r − 1. k = 1 leaves every point where it is.
 */
final class MeanShift {

    private MeanShift() {
    }

    /** The pool and the queries after some number of rounds. */
    record Shifted(double[][] pool, double[][] queries) {
    }

    /**
     * For each k, the positions after rounds 1 … t ({@code get(k).get(r − 1)} after round r). Round 1 starts from
     * the same pool for every k, so it is searched once with the largest k and each k takes a prefix.
     */
    static Map<Integer, List<Shifted>> rounds(double[][] pool, double[][] queries, int[] ks, int t) {
        if (t < 1) {
            throw new IllegalArgumentException("mean-shift rounds t must be ≥ 1, got " + t);
        }
        int largest = 1;
        for (int k : ks) {
            if (k < 1 || k > pool.length) {
                throw new IllegalArgumentException("mean-shift k must be in [1, " + pool.length + "] (the pool size), got " + k);
            }
            largest = Math.max(largest, k);
        }
        NearestNeighbours first = new NearestNeighbours(pool);
        int[][] poolNn = first.search(pool, largest).indices();
        int[][] queryNn = first.search(queries, Math.max(1, largest - 1)).indices();
        Map<Integer, List<Shifted>> out = new LinkedHashMap<>();
        for (int k : ks) {
            List<Shifted> path = new ArrayList<>();
            Shifted current = new Shifted(means(pool, pool, poolNn, k, null), means(pool, queries, queryNn, k - 1, queries));
            path.add(current);
            for (int r = 2; r <= t; r++) {
                current = round(current, k);
                path.add(current);
            }
            out.put(k, path);
        }
        return out;
    }

    /** One round from the given positions with a fresh neighbour search in the shifted pool. */
    static Shifted round(Shifted from, int k) {
        NearestNeighbours nn = new NearestNeighbours(from.pool());
        int[][] poolNn = nn.search(from.pool(), k).indices();
        int[][] queryNn = k > 1 ? nn.search(from.queries(), k - 1).indices() : new int[from.queries().length][0];
        return new Shifted(means(from.pool(), from.pool(), poolNn, k, null), means(from.pool(), from.queries(), queryNn, k - 1, from.queries()));
    }

    /**
     * Row i of the result is the mean of the first {@code count} neighbours {@code nn[i]} in {@code pool}, together
     * with {@code self[i]} when {@code self} is given (the query's own position).
     */
    private static double[][] means(double[][] pool, double[][] rows, int[][] nn, int count, double[][] self) {
        int dims = pool[0].length;
        double[][] out = new double[rows.length][dims];
        int members = count + (self == null ? 0 : 1);
        for (int i = 0; i < rows.length; i++) {
            double[] m = out[i];
            if (self != null) {
                System.arraycopy(self[i], 0, m, 0, dims);
            }
            for (int j = 0; j < count; j++) {
                double[] p = pool[nn[i][j]];
                for (int c = 0; c < dims; c++) {
                    m[c] += p[c];
                }
            }
            for (int c = 0; c < dims; c++) {
                m[c] /= members;
            }
        }
        return out;
    }
}
