package org.reprolab.data.synthetic;

import java.util.random.RandomGenerator;

/**
 * The TokFSM task of methods/quantization.md (codebook-features): a random graph over N states in which each state
 * has k distinct successors drawn uniformly without replacement from all N states (itself included); a sequence
 * starts in a uniform state and moves to a uniform successor at each step. States are written as fixed-width
 * base-10 digit strings ("00"…"99" for N = 100), so a sequence of S states is BOS followed by S·digits tokens.
 * Tokens: the digits are 0…9 and {@link #BOS} is 10.
 */
public final class TokFsm {

    /** The beginning-of-sequence token. */
    public static final int BOS = 10;
    /** Vocabulary size: ten digits and BOS. */
    public static final int VOCABULARY = 11;

    private final int states;
    private final int[][] successors;
    private final boolean[][] edge;
    private final int digits;

    /**
     * @param states     N (≥ 2)
     * @param successors k distinct successors per state (1 ≤ k ≤ N)
     * @param seed       the graph's seed
     */
    public TokFsm(int states, int successors, long seed) {
        if (states < 2 || successors < 1 || successors > states) {
            throw new IllegalArgumentException("need N ≥ 2 and 1 ≤ k ≤ N, got N = " + states + ", k = " + successors);
        }
        this.states = states;
        this.digits = Integer.toString(states - 1).length();
        this.successors = new int[states][];
        this.edge = new boolean[states][states];
        RandomGenerator rng = new java.util.SplittableRandom(seed);
        int[] pool = new int[states];
        for (int s = 0; s < states; s++) {
            for (int i = 0; i < states; i++) {
                pool[i] = i;
            }
            // Partial Fisher–Yates: the first k entries are a uniform k-subset in uniform order.
            for (int i = 0; i < successors; i++) {
                int j = i + rng.nextInt(states - i);
                int t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
            }
            this.successors[s] = java.util.Arrays.copyOf(pool, successors);
            for (int t : this.successors[s]) {
                edge[s][t] = true;
            }
        }
    }

    /** The codebook-features setting: N = 100 states with 10 successors each, seed 42. */
    public static TokFsm codebookFeaturesSetting() {
        return new TokFsm(100, 10, 42);
    }

    public int states() {
        return states;
    }

    /** Digits per state. */
    public int digits() {
        return digits;
    }

    /** The successors of a state (a copy). */
    public int[] successors(int state) {
        return successors[state].clone();
    }

    /** Whether {@code to} is a successor of {@code from}. */
    public boolean isEdge(int from, int to) {
        return edge[from][to];
    }

    /** A walk of {@code length} states from a uniform start state. */
    public int[] walk(int length, RandomGenerator rng) {
        return walkFrom(rng.nextInt(states), length, rng);
    }

    /** A walk of {@code length} states starting at {@code start}. */
    public int[] walkFrom(int start, int length, RandomGenerator rng) {
        int[] walk = new int[length];
        int s = start;
        for (int i = 0; i < length; i++) {
            walk[i] = s;
            s = successors[s][rng.nextInt(successors[s].length)];
        }
        return walk;
    }

    /** BOS followed by the digits of each state, most significant first. */
    public int[] tokens(int[] walk) {
        int[] t = new int[1 + walk.length * digits];
        t[0] = BOS;
        for (int i = 0; i < walk.length; i++) {
            int s = walk[i];
            for (int d = digits - 1; d >= 0; d--) {
                t[1 + i * digits + d] = s % 10;
                s /= 10;
            }
        }
        return t;
    }

    /** The state written by the {@link #digits()} tokens at {@code offset}; −1 if they are not digits or name no state. */
    public int state(int[] tokens, int offset) {
        int s = 0;
        for (int d = 0; d < digits; d++) {
            int t = tokens[offset + d];
            if (t < 0 || t > 9) {
                return -1;
            }
            s = s * 10 + t;
        }
        return s < states ? s : -1;
    }

    /** {@code count} token sequences, each BOS plus a walk of {@code statesPerSequence} states, stacked row-major. */
    public int[] sequences(int count, int statesPerSequence, RandomGenerator rng) {
        int len = 1 + statesPerSequence * digits;
        int[] out = new int[count * len];
        for (int i = 0; i < count; i++) {
            System.arraycopy(tokens(walk(statesPerSequence, rng)), 0, out, i * len, len);
        }
        return out;
    }
}
