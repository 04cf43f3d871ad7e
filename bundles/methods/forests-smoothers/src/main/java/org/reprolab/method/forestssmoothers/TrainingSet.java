package org.reprolab.method.forestssmoothers;

import java.util.Arrays;

/**
 * Training inputs with their outcomes, plus each feature's dense ranks. CART sorts every candidate
 * feature at every node; sorting by precomputed integer ranks is exact (ties keep equal ranks, so no
 * split ever falls between equal values) and the ranks are shared by all trees grown on these inputs.
 *
 * @param x     n × d inputs
 * @param y     n outcomes
 * @param ranks d × n dense ranks: {@code ranks[f][i] < ranks[f][k]} iff {@code x[i][f] < x[k][f]}
 */
record TrainingSet(double[][] x, double[] y, int[][] ranks) {

    TrainingSet {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("training set needs as many outcomes as inputs (got " + x.length
                    + " inputs, " + y.length + " outcomes)");
        }
    }

    static TrainingSet of(double[][] x, double[] y) {
        int n = x.length;
        int d = x[0].length;
        int[][] ranks = new int[d][n];
        Integer[] order = new Integer[n];
        for (int f = 0; f < d; f++) {
            final int feature = f;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(x[a][feature], x[b][feature]));
            int rank = 0;
            for (int p = 0; p < n; p++) {
                if (p > 0 && x[order[p]][f] != x[order[p - 1]][f]) {
                    rank++;
                }
                ranks[f][order[p]] = rank;
            }
        }
        return new TrainingSet(x, y, ranks);
    }

    /** The same inputs with other outcomes (the outcome redraws of the degrees-of-freedom estimate). */
    TrainingSet withOutcomes(double[] outcomes) {
        return new TrainingSet(x, outcomes, ranks);
    }

    int size() {
        return y.length;
    }

    int features() {
        return ranks.length;
    }
}
