package org.reprolab.data.synthetic;

import java.util.random.RandomGenerator;

/**
 * A random deterministic finite automaton and the regular language it accepts. Construction from a seed: each
 * transition δ(q, a) is uniform over the states; each state accepts independently with probability
 * {@code acceptProbability}, redrawn until at least one state accepts and one rejects; the start state is 0.
 * Strings are int arrays over the alphabet {0, …, A−1}. {@link #sampleMember} draws uniformly from the accepted
 * strings of a given length (by counting paths), {@link #sampleNonMember} from the rejected ones.
 */
public final class RandomDfa {

    private final int states;
    private final int alphabet;
    private final int[][] delta;
    private final boolean[] accepting;

    /**
     * @param states            number of states (≥ 2)
     * @param alphabet          alphabet size (≥ 1)
     * @param acceptProbability chance that a state accepts, in (0, 1)
     * @param seed              the automaton's seed
     */
    public RandomDfa(int states, int alphabet, double acceptProbability, long seed) {
        if (states < 2 || alphabet < 1 || !(acceptProbability > 0 && acceptProbability < 1)) {
            throw new IllegalArgumentException("need ≥ 2 states, alphabet ≥ 1 and acceptProbability in (0, 1), got "
                    + states + ", " + alphabet + ", " + acceptProbability);
        }
        RandomGenerator rng = new java.util.SplittableRandom(seed);
        this.states = states;
        this.alphabet = alphabet;
        this.delta = new int[states][alphabet];
        for (int[] row : delta) {
            for (int a = 0; a < alphabet; a++) {
                row[a] = rng.nextInt(states);
            }
        }
        this.accepting = new boolean[states];
        int accepted;
        do {
            accepted = 0;
            for (int q = 0; q < states; q++) {
                accepting[q] = rng.nextDouble() < acceptProbability;
                accepted += accepting[q] ? 1 : 0;
            }
        } while (accepted == 0 || accepted == states);
    }

    public int states() {
        return states;
    }

    public int alphabet() {
        return alphabet;
    }

    /** δ(q, a). */
    public int next(int state, int symbol) {
        return delta[state][symbol];
    }

    public boolean isAccepting(int state) {
        return accepting[state];
    }

    /** The state reached from the start state by reading the string. */
    public int run(int[] string) {
        int q = 0;
        for (int i = 0; i < string.length; i++) {
            int a = string[i];
            if (a < 0 || a >= alphabet) {
                throw new IllegalArgumentException("symbol " + a + " at position " + i + " is outside the alphabet 0…" + (alphabet - 1));
            }
            q = delta[q][a];
        }
        return q;
    }

    /** The membership oracle. */
    public boolean accepts(int[] string) {
        return accepting[run(string)];
    }

    /** A string of the given length, each symbol uniform. */
    public int[] sampleString(int length, RandomGenerator rng) {
        int[] s = new int[length];
        for (int i = 0; i < length; i++) {
            s[i] = rng.nextInt(alphabet);
        }
        return s;
    }

    /** A string drawn uniformly from the accepted strings of that length; an exception when there are none. */
    public int[] sampleMember(int length, RandomGenerator rng) {
        return sampleUniform(length, true, rng);
    }

    /** A string drawn uniformly from the rejected strings of that length; an exception when there are none. */
    public int[] sampleNonMember(int length, RandomGenerator rng) {
        return sampleUniform(length, false, rng);
    }

    /**
     * Walks from the start state choosing each symbol with probability proportional to the number of completions
     * that end with the wanted verdict. Counts are rescaled per length so they never overflow.
     */
    private int[] sampleUniform(int length, boolean accept, RandomGenerator rng) {
        double[][] completions = new double[length + 1][states];
        for (int q = 0; q < states; q++) {
            completions[0][q] = accepting[q] == accept ? 1 : 0;
        }
        for (int k = 1; k <= length; k++) {
            double max = 0;
            for (int q = 0; q < states; q++) {
                double c = 0;
                for (int a = 0; a < alphabet; a++) {
                    c += completions[k - 1][delta[q][a]];
                }
                completions[k][q] = c;
                max = Math.max(max, c);
            }
            if (max > 0) {
                for (int q = 0; q < states; q++) {
                    completions[k][q] /= max;
                }
            }
        }
        if (completions[length][0] == 0) {
            throw new IllegalArgumentException("the language has no " + (accept ? "" : "non-") + "member of length " + length);
        }
        int[] s = new int[length];
        int q = 0;
        for (int i = 0; i < length; i++) {
            double[] next = completions[length - i - 1];
            double total = 0;
            for (int a = 0; a < alphabet; a++) {
                total += next[delta[q][a]];
            }
            double u = rng.nextDouble() * total;
            int a = 0;
            double acc = next[delta[q][0]];
            while (acc <= u && a < alphabet - 1) {
                a++;
                acc += next[delta[q][a]];
            }
            s[i] = a;
            q = delta[q][a];
        }
        return s;
    }
}
