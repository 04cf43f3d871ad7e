package org.reprolab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void dfaSamplesAgreeWithItsOracleAndMembersAreUniform() {
        RandomDfa dfa = new RandomDfa(6, 2, 0.4, 12);
        RandomDfa again = new RandomDfa(6, 2, 0.4, 12);
        List<int[]> members = new java.util.ArrayList<>();
        for (int code = 0; code < 1 << 7; code++) {
            int[] s = new int[7];
            for (int i = 0; i < 7; i++) {
                s[i] = code >> i & 1;
            }
            assertEquals(dfa.accepts(s), again.accepts(s), "the seed fixes the automaton");
            if (dfa.accepts(s)) {
                members.add(s);
            }
        }
        assertTrue(!members.isEmpty() && members.size() < 128, members.size() + " members of length 7");
        SplittableRandom rng = new SplittableRandom(8);
        Map<String, Integer> counts = new HashMap<>();
        int draws = 200 * members.size();
        for (int i = 0; i < draws; i++) {
            int[] s = dfa.sampleMember(7, rng);
            assertTrue(dfa.accepts(s));
            counts.merge(java.util.Arrays.toString(s), 1, Integer::sum);
            assertFalse(dfa.accepts(dfa.sampleNonMember(7, rng)));
        }
        assertEquals(members.size(), counts.size(), "every member is drawn");
        for (int c : counts.values()) {
            assertEquals(200, c, 5 * Math.sqrt(200));
        }
    }

    @Test
    void tokFsmWalksFollowEdgesAndAreWrittenAsDigits() {
        TokFsm fsm = TokFsm.codebookFeaturesSetting();
        TokFsm again = TokFsm.codebookFeaturesSetting();
        for (int s = 0; s < 100; s++) {
            int[] succ = fsm.successors(s);
            assertEquals(10, succ.length);
            assertEquals(10, java.util.Arrays.stream(succ).distinct().count());
            assertArrayEquals(succ, again.successors(s));
        }
        SplittableRandom rng = new SplittableRandom(1);
        int[] seqs = fsm.sequences(200, 31, rng);
        assertEquals(200 * 63, seqs.length);
        int[] starts = new int[100];
        for (int i = 0; i < 200; i++) {
            int base = i * 63;
            assertEquals(TokFsm.BOS, seqs[base]);
            int prev = -1;
            for (int k = 0; k < 31; k++) {
                int state = fsm.state(seqs, base + 1 + 2 * k);
                assertTrue(state >= 0);
                if (prev >= 0) {
                    assertTrue(fsm.isEdge(prev, state), prev + " → " + state + " is an edge");
                } else {
                    starts[state]++;
                }
                prev = state;
            }
        }
        assertTrue(java.util.Arrays.stream(starts).filter(c -> c > 0).count() > 80, "start states spread over the graph");
        assertArrayEquals(new int[] {TokFsm.BOS, 0, 7, 4, 2}, fsm.tokens(new int[] {7, 42}));
    }

    @Test
    void translationPairsHaveTheSpecifiedShapeAndAreDeterministicButForSynonyms() {
        TranslationPairs tp = TranslationPairs.nmtScalingSetting();
        assertEquals(319, tp.sourceTypes());
        assertEquals(tp.vocabulary(), new TranslationPairs(0).vocabulary());
        List<TranslationPairs.Pair> pairs = tp.sample(3000, new SplittableRandom(5));
        List<TranslationPairs.Pair> same = tp.sample(3000, new SplittableRandom(5));
        Map<String, Set<String>> targets = new HashMap<>();
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < pairs.size(); i++) {
            TranslationPairs.Pair p = pairs.get(i);
            assertArrayEquals(p.target(), same.get(i).target());
            int n = p.source().length;
            assertTrue(n >= 4 && n <= 24, "length " + n);
            lengths.add(n);
            for (int t : p.source()) {
                assertTrue(t >= 3 && t < 3 + tp.sourceTypes(), "source tokens are source words");
            }
            for (int t : p.target()) {
                assertTrue(t >= 3 + tp.sourceTypes(), "target tokens are target words");
            }
            String last = tp.vocabulary().get(p.target()[p.target().length - 1]);
            assertTrue(last.equals("=ta") || last.equals("=tar"), "verb-final with agreement: " + tp.decode(p.target()));
            if (p.entropyNats() == 0) {
                targets.computeIfAbsent(java.util.Arrays.toString(p.source()), k -> new HashSet<>())
                        .add(java.util.Arrays.toString(p.target()));
            }
        }
        for (Set<String> t : targets.values()) {
            assertEquals(1, t.size(), "without synonyms a source has one translation");
        }
        assertTrue(lengths.contains(4) && lengths.stream().mapToInt(Integer::intValue).max().orElseThrow() >= 20);
        double floor = TranslationPairs.entropyPerToken(pairs, true);
        assertTrue(floor > 0.01 && floor < 0.3, "entropy floor " + floor + " nats per token");
    }

    @Test
    void synonymsAreDrawnWithTheirProbabilitiesAndCountedInTheEntropy() {
        TranslationPairs tp = TranslationPairs.nmtScalingSetting();
        SplittableRandom rng = new SplittableRandom(6);
        double[][] chosen = {new double[2], new double[3]};
        int synonymLemmas = 0;
        Set<String> seenLemmas = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            TranslationPairs.Pair p = tp.sample(rng);
            Set<Integer> targetTokens = new HashSet<>();
            for (int t : p.target()) {
                targetTokens.add(t);
            }
            Map<String, Integer> occurrences = new HashMap<>();
            double entropy = 0;
            for (int w : p.source()) {
                double[] probs = tp.variantProbabilities(w);
                double h = 0;
                for (double q : probs) {
                    h -= q * Math.log(q);
                }
                entropy += h;
                occurrences.merge(java.util.Arrays.deepToString(tp.variantsOf(w)), 1, Integer::sum);
            }
            assertEquals(entropy, p.entropyNats(), 1e-9, "the stated entropy is the sum over the source words");
            for (int w : p.source()) {
                int[][] variants = tp.variantsOf(w);
                String key = java.util.Arrays.deepToString(variants);
                if (variants.length > 1 && seenLemmas.add(key)) {
                    synonymLemmas++;
                }
                if (variants.length > 1 && occurrences.get(key) == 1) {
                    int found = -1;
                    for (int v = 0; v < variants.length; v++) {
                        if (targetTokens.contains(variants[v][0])) {
                            assertEquals(-1, found, "exactly one variant appears");
                            found = v;
                        }
                    }
                    assertTrue(found >= 0, "one variant appears in " + tp.decode(p.target()));
                    chosen[variants.length - 2][found]++;
                }
            }
        }
        assertTrue(synonymLemmas > 10 && synonymLemmas < 50, synonymLemmas + " lemmas with synonyms (15 % of 189 expected)");
        double two = chosen[0][0] + chosen[0][1];
        double three = chosen[1][0] + chosen[1][1] + chosen[1][2];
        assertEquals(0.7, chosen[0][0] / two, 5 * Math.sqrt(0.21 / two));
        assertEquals(0.6, chosen[1][0] / three, 5 * Math.sqrt(0.24 / three));
        assertEquals(0.1, chosen[1][2] / three, 5 * Math.sqrt(0.09 / three));
    }
}
