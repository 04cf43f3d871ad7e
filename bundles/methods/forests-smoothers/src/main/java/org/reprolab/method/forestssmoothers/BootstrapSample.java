package org.reprolab.method.forestssmoothers;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Bootstrap counts w_i: how often training point i was drawn when sampling n points with replacement.
 * They are the weights in a tree's smoother (the paper's tree smoother: ŝ_i(x) = w_i·1{x_i ∈ leaf(x)} / Σ_j w_j·1{x_j ∈ leaf(x)}).
 */
final class BootstrapSample {

    private BootstrapSample() {
    }

    /** Counts of n draws with replacement from n points; they sum to n. */
    static int[] counts(int n, RandomGenerator rng) {
        int[] counts = new int[n];
        for (int draw = 0; draw < n; draw++) {
            counts[rng.nextInt(n)]++;
        }
        return counts;
    }

    /** Every point once: the weights of a tree grown without bootstrap. */
    static int[] everyPointOnce(int n) {
        int[] counts = new int[n];
        Arrays.fill(counts, 1);
        return counts;
    }
}
