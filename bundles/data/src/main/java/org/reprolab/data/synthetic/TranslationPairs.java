package org.reprolab.data.synthetic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Synthetic translation pairs with the properties methods/architectures.md (nmt-scaling) asks for: a probabilistic
 * grammar for an SVO source language and a deterministic transduction into an SOV target language whose only
 * randomness is the choice among synonyms, so the exact conditional entropy of every target is known.
 *
 * <p><b>Lexicon</b> (fixed by the grammar seed; words are pseudo-words): 8 determiners (4 singular, 4 plural),
 * 40 adjectives, 80 nouns with singular and plural forms, 30 transitive and 20 intransitive verbs with a form for
 * singular and one for plural subjects, 10 prepositions and a relative pronoun: 319 source word types. Each source
 * lemma maps to its own target lemma (a bijection); 20 % of target lemmas are two tokens long; 15 % have synonyms:
 * two variants with probabilities 0.7/0.3 or three with 0.6/0.3/0.1 (two or three with equal chance).
 *
 * <p><b>Source grammar</b> (each choice independent): S → NP VP with the subject's number uniform. NP → Det Adj^k N
 * [PP] [RC] with k = 0, 1, 2 with probabilities 0.6, 0.3, 0.1 (distinct adjectives), a PP and an RC each with
 * probability 0.15 while the embedding depth is below 2. PP → Prep NP (number uniform). RC → Rel VP, the head noun
 * being the relative clause's subject. VP → V_trans NP (probability 0.6, object number uniform) | V_intrans [PP]
 * (PP with probability 0.3 below depth 2). Verbs agree with their subject. Words of a category are uniform.
 * Sentences are redrawn until they have 4 to 24 tokens.
 *
 * <p><b>Target</b>: verb-final clauses (object before verb); NP' = RC' PP' Det' N' CASE Adj'… (relative clauses and
 * prepositional phrases before the noun, adjectives after it), where CASE is a suffix token for nominative,
 * accusative or oblique case fused with number; PP' = NP'(oblique) Postposition'; RC' = VP' Rel'; every verb is
 * followed by a subject-agreement suffix token (singular or plural).
 */
public final class TranslationPairs {

    public static final String PAD = "<pad>";
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";

    private static final int MIN_LENGTH = 4;
    private static final int MAX_LENGTH = 24;
    private static final int MAX_DEPTH = 2;
    private static final double[] TWO_SYNONYMS = {0.7, 0.3};
    private static final double[] THREE_SYNONYMS = {0.6, 0.3, 0.1};

    private enum Case { NOM, ACC, OBL }

    /** A source lemma's target rendering: variants (token id sequences) with their probabilities. */
    private record Rendering(int[][] variants, double[] probabilities, double entropy) {
    }

    private final List<String> vocabulary = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final int[][] detSg;
    private final int[][] detPl;
    private final int[] adjectives;
    private final int[][] nouns;
    private final int[][] transitive;
    private final int[][] intransitive;
    private final int[] prepositions;
    private final int relative;
    private final Map<Integer, Rendering> renderings = new HashMap<>();
    private final Map<Integer, Integer> lemmaOf = new HashMap<>();
    private final int[][] caseSuffix;
    private final int[] agreement;
    private final int sourceTypes;

    /** The grammar, lexicon and lexical mapping drawn from {@code grammarSeed}. */
    public TranslationPairs(long grammarSeed) {
        SplittableRandom rng = new SplittableRandom(grammarSeed);
        for (String special : List.of(PAD, BOS, EOS)) {
            add(special);
        }
        Set<String> used = new HashSet<>();
        PseudoWords source = new PseudoWords("bdfgklmnprstv", "aeiou", used);
        detSg = forms(source, rng, 4, 1, "");
        detPl = forms(source, rng, 4, 1, "");
        adjectives = column(forms(source, rng, 40, 1, ""));
        nouns = forms(source, rng, 80, 2, "s");
        transitive = forms(source, rng, 30, 2, "s");
        intransitive = forms(source, rng, 20, 2, "s");
        prepositions = column(forms(source, rng, 10, 1, ""));
        relative = column(forms(source, rng, 1, 1, ""))[0];
        sourceTypes = vocabulary.size() - 3;

        PseudoWords target = new PseudoWords("hjqxzwcy", "aeiou", used);
        List<Integer> lemmas = new ArrayList<>();
        for (int[][] group : List.of(detSg, detPl, nouns, transitive, intransitive)) {
            for (int[] forms : group) {
                lemmas.add(forms[0]);
            }
        }
        for (int[] group : List.of(adjectives, prepositions, new int[] {relative})) {
            for (int lemma : group) {
                lemmas.add(lemma);
            }
        }
        for (int[][] group : List.of(detSg, detPl, nouns, transitive, intransitive)) {
            for (int[] forms : group) {
                for (int f : forms) {
                    lemmaOf.put(f, forms[0]);
                }
            }
        }
        for (int lemma : lemmas) {
            lemmaOf.putIfAbsent(lemma, lemma);
        }
        for (int lemma : lemmas) {
            boolean twoTokens = rng.nextDouble() < 0.2;
            double[] probabilities = rng.nextDouble() < 0.15 ? (rng.nextBoolean() ? TWO_SYNONYMS : THREE_SYNONYMS) : new double[] {1};
            int[][] variants = new int[probabilities.length][];
            for (int v = 0; v < variants.length; v++) {
                variants[v] = twoTokens ? new int[] {add(target.next(rng)), add(target.next(rng))} : new int[] {add(target.next(rng))};
            }
            double h = 0;
            for (double p : probabilities) {
                h -= p * Math.log(p);
            }
            renderings.put(lemma, new Rendering(variants, probabilities, h));
        }
        caseSuffix = new int[Case.values().length][2];
        String[] caseNames = {"ga", "o", "ni"};
        for (Case c : Case.values()) {
            caseSuffix[c.ordinal()][0] = add("=" + caseNames[c.ordinal()]);
            caseSuffix[c.ordinal()][1] = add("=" + caseNames[c.ordinal()] + "r");
        }
        agreement = new int[] {add("=ta"), add("=tar")};
    }

    /** The nmt-scaling setting's grammar (seed 0). */
    public static TranslationPairs nmtScalingSetting() {
        return new TranslationPairs(0);
    }

    /** The shared vocabulary: PAD, BOS, EOS (ids 0, 1, 2), the source words, then the target tokens. */
    public List<String> vocabulary() {
        return List.copyOf(vocabulary);
    }

    /** The number of source word types. */
    public int sourceTypes() {
        return sourceTypes;
    }

    /** The tokens of a sequence, joined by spaces. */
    public String decode(int[] tokens) {
        StringBuilder sb = new StringBuilder();
        for (int t : tokens) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(vocabulary.get(t));
        }
        return sb.toString();
    }

    /** A fresh pair drawn from the grammar (without BOS or EOS). */
    public Pair sample(RandomGenerator rng) {
        while (true) {
            Builder b = new Builder();
            boolean plural = rng.nextBoolean();
            b.emitTarget(nounPhrase(b, plural, Case.NOM, 0, rng));
            verbPhrase(b, plural, 0, rng);
            if (b.source.size() >= MIN_LENGTH && b.source.size() <= MAX_LENGTH) {
                return new Pair(toArray(b.source), toArray(b.target), b.entropy);
            }
        }
    }

    /** {@code n} fresh pairs. */
    public List<Pair> sample(int n, RandomGenerator rng) {
        List<Pair> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pairs.add(sample(rng));
        }
        return pairs;
    }

    /**
     * The loss floor of a set of pairs in nats per target token: the exact conditional entropy of their targets given
     * their sources divided by the number of predicted tokens (one more per pair when EOS is predicted too).
     */
    public static double entropyPerToken(List<Pair> pairs, boolean countEos) {
        double h = 0;
        long tokens = 0;
        for (Pair p : pairs) {
            h += p.entropyNats();
            tokens += p.target().length + (countEos ? 1 : 0);
        }
        return h / tokens;
    }

    /**
     * A translation pair.
     *
     * @param source      source token ids
     * @param target      target token ids
     * @param entropyNats the exact entropy of the target given the source (the synonym choices), in nats
     */
    public record Pair(int[] source, int[] target, double entropyNats) {
    }

    /** The target variants of a source word's lemma (one sequence of token ids each); for tests. */
    int[][] variantsOf(int sourceWord) {
        return renderings.get(lemmaOf.get(sourceWord)).variants();
    }

    /** The probabilities of those variants. */
    double[] variantProbabilities(int sourceWord) {
        return renderings.get(lemmaOf.get(sourceWord)).probabilities().clone();
    }

    /** Emits the source NP and returns its target tokens (the caller places them: SOV puts them before the verb). */
    private List<Integer> nounPhrase(Builder b, boolean plural, Case c, int depth, RandomGenerator rng) {
        List<Integer> tgt = new ArrayList<>();
        int[] det = (plural ? detPl : detSg)[rng.nextInt(detSg.length)];
        int[] noun = nouns[rng.nextInt(nouns.length)];
        double u = rng.nextDouble();
        int adjectiveCount = u < 0.6 ? 0 : u < 0.9 ? 1 : 2;
        int[] adjs = new int[adjectiveCount];
        for (int i = 0; i < adjectiveCount; i++) {
            do {
                adjs[i] = adjectives[rng.nextInt(adjectives.length)];
            } while (i == 1 && adjs[1] == adjs[0]);
        }
        b.source.add(det[0]);
        for (int a : adjs) {
            b.source.add(a);
        }
        b.source.add(noun[plural ? 1 : 0]);
        List<Integer> pp = depth < MAX_DEPTH && rng.nextDouble() < 0.15 ? prepositionalPhrase(b, depth + 1, rng) : List.of();
        List<Integer> rc = List.of();
        if (depth < MAX_DEPTH && rng.nextDouble() < 0.15) {
            b.source.add(relative);
            Builder inner = b.nested();
            verbPhrase(inner, plural, depth + 1, rng);
            b.absorb(inner);
            rc = new ArrayList<>(inner.target);
            rc.addAll(b.render(relative, rng));
        }
        tgt.addAll(rc);
        tgt.addAll(pp);
        tgt.addAll(b.render(det[0], rng));
        tgt.addAll(b.render(noun[0], rng));
        tgt.add(caseSuffix[c.ordinal()][plural ? 1 : 0]);
        for (int a : adjs) {
            tgt.addAll(b.render(a, rng));
        }
        return tgt;
    }

    private List<Integer> prepositionalPhrase(Builder b, int depth, RandomGenerator rng) {
        int prep = prepositions[rng.nextInt(prepositions.length)];
        b.source.add(prep);
        List<Integer> tgt = new ArrayList<>(nounPhrase(b, rng.nextBoolean(), Case.OBL, depth, rng));
        tgt.addAll(b.render(prep, rng));
        return tgt;
    }

    /** Emits the source VP and appends its target (object or PP, verb, agreement) to the builder's target. */
    private void verbPhrase(Builder b, boolean subjectPlural, int depth, RandomGenerator rng) {
        int form = subjectPlural ? 1 : 0;
        if (rng.nextDouble() < 0.6) {
            int[] verb = transitive[rng.nextInt(transitive.length)];
            b.source.add(verb[form]);
            b.emitTarget(nounPhrase(b, rng.nextBoolean(), Case.ACC, depth, rng));
            b.emitTarget(b.render(verb[0], rng));
        } else {
            int[] verb = intransitive[rng.nextInt(intransitive.length)];
            b.source.add(verb[form]);
            if (depth < MAX_DEPTH && rng.nextDouble() < 0.3) {
                b.emitTarget(prepositionalPhrase(b, depth + 1, rng));
            }
            b.emitTarget(b.render(verb[0], rng));
        }
        b.target.add(agreement[form]);
    }

    /** Source tokens, target tokens and entropy of one sentence (or of a relative clause being built). */
    private final class Builder {
        final List<Integer> source;
        final List<Integer> target = new ArrayList<>();
        double entropy;

        Builder() {
            this.source = new ArrayList<>();
        }

        private Builder(List<Integer> source) {
            this.source = source;
        }

        /** A builder sharing this one's source list, with its own target (a clause placed elsewhere in the target). */
        Builder nested() {
            return new Builder(source);
        }

        void absorb(Builder inner) {
            entropy += inner.entropy;
        }

        void emitTarget(List<Integer> tokens) {
            target.addAll(tokens);
        }

        /** The target tokens of a source lemma, choosing a synonym when it has several. */
        List<Integer> render(int lemma, RandomGenerator rng) {
            Rendering r = renderings.get(lemma);
            int v = 0;
            if (r.variants().length > 1) {
                double u = rng.nextDouble();
                double acc = r.probabilities()[0];
                while (u >= acc && v < r.variants().length - 1) {
                    acc += r.probabilities()[++v];
                }
                entropy += r.entropy();
            }
            List<Integer> out = new ArrayList<>(r.variants()[v].length);
            for (int t : r.variants()[v]) {
                out.add(t);
            }
            return out;
        }
    }

    private int add(String token) {
        Integer id = ids.get(token);
        if (id != null) {
            return id;
        }
        ids.put(token, vocabulary.size());
        vocabulary.add(token);
        return vocabulary.size() - 1;
    }

    /** n lemmas, each with {@code formCount} forms: the stem, then the stem plus the suffix. */
    private int[][] forms(PseudoWords words, RandomGenerator rng, int n, int formCount, String suffix) {
        int[][] out = new int[n][formCount];
        for (int i = 0; i < n; i++) {
            String stem = formCount == 1 ? words.next(rng) : words.nextWithForm(rng, suffix);
            out[i][0] = add(stem);
            if (formCount == 2) {
                out[i][1] = add(stem + suffix);
            }
        }
        return out;
    }

    private static int[] column(int[][] forms) {
        int[] c = new int[forms.length];
        for (int i = 0; i < forms.length; i++) {
            c[i] = forms[i][0];
        }
        return c;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Distinct pseudo-words of two or three consonant–vowel syllables from an inventory. */
    private record PseudoWords(String consonants, String vowels, Set<String> used) {

        String next(RandomGenerator rng) {
            while (true) {
                String w = candidate(rng);
                if (used.add(w)) {
                    return w;
                }
            }
        }

        /** A word whose form with the suffix is unused too. */
        String nextWithForm(RandomGenerator rng, String suffix) {
            while (true) {
                String w = candidate(rng);
                if (!used.contains(w) && !used.contains(w + suffix)) {
                    used.add(w);
                    used.add(w + suffix);
                    return w;
                }
            }
        }

        private String candidate(RandomGenerator rng) {
            int syllables = 2 + rng.nextInt(2);
            StringBuilder sb = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                sb.append(consonants.charAt(rng.nextInt(consonants.length())));
                sb.append(vowels.charAt(rng.nextInt(vowels.length())));
            }
            return sb.toString();
        }
    }
}
