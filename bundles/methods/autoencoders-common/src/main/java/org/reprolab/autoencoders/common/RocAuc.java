package org.reprolab.autoencoders.common;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve of a score that should be higher for positives (e.g. outliers): the probability that a
 * random positive scores above a random negative, ties counting one half (the Mann–Whitney statistic with midranks),
 * in O(n log n).
 */
public final class RocAuc {
    private RocAuc() {
    }

    /** The AUC of {@code scores} against {@code positive} labels; both classes must be present. */
    public static double of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
        }
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        long positives = 0;
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midrank = (i + j) / 2.0 + 1; // ranks are 1-based
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSum += midrank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs both classes: " + positives + " positives, " + negatives
                    + " negatives");
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
