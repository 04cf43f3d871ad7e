package org.reprolab.data.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reprolab.data.DataException;

/**
 * A word-level tokenizer with a fixed vocabulary: the most frequent tokens of the corpus's train split, written
 * once to the resource {@value #RESOURCE} and committed, so every model and method sees the same ids.
 *
 * <p>Tokens: the text is lower-cased (ASCII), then split into words (letters with inner apostrophes, as in
 * "don't"), numbers (runs of digits) and single ASCII punctuation characters; a run of non-ASCII characters is
 * one {@value #UNK_TOKEN}; white space and other control characters separate and are dropped.
 * Ids: {@value #UNK_TOKEN} is 0, {@value #BOS_TOKEN} is 1, then the words by falling train-split count (ties in
 * alphabetical order). A token outside the vocabulary is UNK. Decoding joins tokens with single spaces, so it
 * is lossy: it does not restore case, line breaks or the spacing around punctuation.
 *
 * <p>The vocabulary file: a header of lines starting with {@code #} (the corpus's SHA-256 and the size are
 * recorded there), then one token per line in id order (a later "#" line is the token "#"). It is regenerated from the corpus with
 * {@link #topTokens} and {@link #writeVocabulary} (see the data bundle's test {@code WordVocabularyFile}).
 */
public final class WordTokenizer {

    public static final String RESOURCE = "words.txt";
    public static final String UNK_TOKEN = "<unk>";
    public static final String BOS_TOKEN = "<bos>";
    public static final int UNK = 0;
    public static final int BOS = 1;
    /** The committed vocabulary's size, special tokens included. */
    public static final int STANDARD_SIZE = 4096;

    private static final Pattern TOKEN = Pattern.compile("([a-z]+(?:'[a-z]+)*|[0-9]+|\\p{Punct})|[^\\x00-\\x7F]+");
    private static final String SHA_COMMENT = "# corpus-sha256: ";

    private static volatile WordTokenizer standard;

    private final List<String> tokens;
    private final Map<String, Integer> ids;
    private final String corpusSha256;

    private WordTokenizer(List<String> tokens, String corpusSha256) {
        if (tokens.size() < 2 || !tokens.get(UNK).equals(UNK_TOKEN) || !tokens.get(BOS).equals(BOS_TOKEN)) {
            throw new IllegalArgumentException("a word vocabulary starts with " + UNK_TOKEN + " and " + BOS_TOKEN);
        }
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (ids.put(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("the word vocabulary lists '" + tokens.get(i) + "' twice");
            }
        }
        this.corpusSha256 = corpusSha256;
    }

    /** The committed vocabulary ({@value #STANDARD_SIZE} tokens of the lab's corpus), read once. */
    public static WordTokenizer standard() {
        WordTokenizer w = standard;
        if (w == null) {
            InputStream in = WordTokenizer.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new DataException("the word vocabulary " + RESOURCE + " is missing from the data bundle");
            }
            try (in) {
                w = read(in, RESOURCE);
            } catch (IOException e) {
                throw new DataException("cannot read the word vocabulary " + RESOURCE + ": " + e.getMessage(), e);
            }
            standard = w;
        }
        return w;
    }

    /** Reads a vocabulary file (format in the class comment); {@code source} names it in errors. */
    public static WordTokenizer read(InputStream in, String source) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> tokens = new ArrayList<>();
        String sha = null;
        int lineNo = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            boolean header = tokens.isEmpty() && line.startsWith("#");
            if (header && line.startsWith(SHA_COMMENT)) {
                sha = line.substring(SHA_COMMENT.length()).strip();
            } else if (!header) {
                if (line.isEmpty() || !line.equals(line.strip())) {
                    throw new DataException("word vocabulary " + source + ", line " + lineNo + ": a token is one "
                            + "non-empty line without surrounding spaces, got '" + line + "'");
                }
                tokens.add(line);
            }
        }
        try {
            return new WordTokenizer(tokens, sha);
        } catch (IllegalArgumentException e) {
            throw new DataException("corrupt word vocabulary " + source + ": " + e.getMessage(), e);
        }
    }

    /** A tokenizer over given tokens (UNK and BOS are put first). */
    public static WordTokenizer of(List<String> words) {
        List<String> all = new ArrayList<>(List.of(UNK_TOKEN, BOS_TOKEN));
        all.addAll(words);
        return new WordTokenizer(all, null);
    }

    /** The tokens of text, by the rule in the class comment. */
    public static List<String> tokenize(String text) {
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : UNK_TOKEN);
        }
        return out;
    }

    /**
     * The {@code size − 2} most frequent tokens of the corpus's train split, by falling count and then
     * alphabetically: the words of a vocabulary of {@code size} entries.
     */
    public static List<String> topTokens(TextCorpus corpus, int size) {
        Map<String, Integer> counts = new HashMap<>();
        for (String t : tokenize(corpus.text(TextCorpus.Split.TRAIN))) {
            if (!t.equals(UNK_TOKEN)) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> words = new ArrayList<>();
        for (int i = 0; i < Math.min(size - 2, sorted.size()); i++) {
            words.add(sorted.get(i).getKey());
        }
        return words;
    }

    /** Writes a vocabulary file: comments naming the corpus, then UNK, BOS and the words, one per line. */
    public static void writeVocabulary(List<String> words, TextCorpus corpus, Writer out) {
        try {
            out.write("# Word vocabulary of the ReproLab text corpus (org.reprolab.data.text.WordTokenizer):\n");
            out.write("# the most frequent tokens of its train split; after this header, line k (from 0) holds the token of id k.\n");
            out.write(SHA_COMMENT + corpus.sha256() + "\n");
            out.write("# size: " + (words.size() + 2) + "\n");
            out.write(UNK_TOKEN + "\n" + BOS_TOKEN + "\n");
            for (String w : words) {
                out.write(w + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids of the tokens of text (no BOS added). */
    public int[] encode(String text) {
        List<String> t = tokenize(text);
        int[] out = new int[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(t.get(i));
        }
        return out;
    }

    /** The tokens of ids joined by single spaces (BOS left out). */
    public String decode(int[] ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            if (id != BOS) {
                out.add(token(id));
            }
        }
        return String.join(" ", out);
    }

    /** A token's id, UNK when it is not in the vocabulary. */
    public int id(String token) {
        return ids.getOrDefault(token, UNK);
    }

    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("word id " + id + " is outside the vocabulary of " + tokens.size());
        }
        return tokens.get(id);
    }

    public int size() {
        return tokens.size();
    }

    /** Every token in id order. */
    public List<String> tokens() {
        return Collections.unmodifiableList(tokens);
    }

    /** The SHA-256 of the corpus the vocabulary was counted on, as its file records it (null if none). */
    public String corpusSha256() {
        return corpusSha256;
    }
}
