package org.reprolab.data.batch;

import java.util.random.RandomGenerator;

/** Seeded permutations by the Fisher–Yates shuffle: every order equally likely given a uniform generator. */
public final class Permutations {

    private Permutations() {
    }

    /** 0, 1, …, n−1. */
    public static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    /** A uniformly random permutation of 0…n−1. */
    public static int[] random(int n, RandomGenerator rng) {
        int[] p = identity(n);
        shuffle(p, rng);
        return p;
    }

    /** Shuffles the array in place. */
    public static void shuffle(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A shuffled copy. */
    public static int[] shuffled(int[] a, RandomGenerator rng) {
        int[] c = a.clone();
        shuffle(c, rng);
        return c;
    }

    /** The first k entries of a random permutation of 0…n−1: a uniform k-subset in uniform order. */
    public static int[] sample(int n, int k, RandomGenerator rng) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("cannot draw " + k + " of " + n + " indices");
        }
        int[] p = identity(n);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return java.util.Arrays.copyOf(p, k);
    }
}
