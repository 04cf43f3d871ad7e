package org.reprolab.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.data.DataException;

class TextTest {

    @Test
    void charVocabularyHas98SymbolsAndRoundTripsPrintableText() {
        String text = "Hello, World!\n~ {x} = 42 `q`\n";
        int[] ids = CharTokenizer.encode(text);
        assertEquals(text.length(), ids.length);
        assertEquals(text, CharTokenizer.decode(ids));
        for (int id : ids) {
            assertTrue(id >= 0 && id < CharTokenizer.UNK, "printable text has no UNK or BOS, got " + id);
        }
        assertEquals(98, CharTokenizer.VOCAB_SIZE);
        assertEquals(0, CharTokenizer.id(' '));
        assertEquals(94, CharTokenizer.id('~'));
        assertEquals(CharTokenizer.NEWLINE, CharTokenizer.id('\n'));
        // every one of the 256 byte values maps into 0..96; exactly 96 of them are not UNK
        long known = java.util.stream.IntStream.range(0, 256).filter(b -> CharTokenizer.id(b) != CharTokenizer.UNK).count();
        assertEquals(96, known);
    }

    @Test
    void everyOtherByteIsOneUnk() {
        // tab, carriage return, é (2 UTF-8 bytes) and € (3 bytes)
        int[] ids = CharTokenizer.encode("a\tb\rcé€");
        assertArrayEquals(new int[] {'a' - 32, 96, 'b' - 32, 96, 'c' - 32, 96, 96, 96, 96, 96}, ids);
        assertEquals("a\uFFFDb\uFFFDc\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD", CharTokenizer.decode(ids));
        assertEquals("ab", CharTokenizer.decode(new int[] {CharTokenizer.BOS, 'a' - 32, 'b' - 32}));
        assertThrows(IllegalArgumentException.class, () -> CharTokenizer.decode(new int[] {98}));
    }

    @Test
    void splitsAreContiguous90_5_5() {
        TextCorpus c = TextCorpus.of("x".repeat(1001));
        assertEquals(900, c.length(TextCorpus.Split.TRAIN));
        assertEquals(50, c.length(TextCorpus.Split.VAL));
        assertEquals(51, c.length(TextCorpus.Split.TEST));
        assertEquals(c.end(TextCorpus.Split.TRAIN), c.start(TextCorpus.Split.VAL));
        assertEquals(c.end(TextCorpus.Split.VAL), c.start(TextCorpus.Split.TEST));
        assertEquals(1001, c.end(TextCorpus.Split.TEST));
    }

    @Test
    void fortuneSeparatorsBecomeBlankLinesAndAMissingFileIsNamed(@TempDir Path dir) throws IOException {
        for (String name : TextCorpus.FILES) {
            Files.writeString(dir.resolve(name), name.equals("art") ? "one\n%\ntwo 100%\n%\n" : "");
        }
        TextCorpus c = TextCorpus.read(dir);
        assertEquals("one\n\ntwo 100%\n\n", new String(c.bytes(), StandardCharsets.US_ASCII));
        Files.delete(dir.resolve("work"));
        DataException e = assertThrows(DataException.class, () -> TextCorpus.read(dir));
        assertTrue(e.getMessage().contains(dir.resolve("work").toString()) && e.getMessage().contains("apt-get install"),
                e.getMessage());
    }

    /** The installed corpus: at least 1 MB, and the committed vocabulary was counted on exactly this corpus. */
    @Test
    void installedCorpusMatchesTheCommittedVocabulary() {
        TextCorpus corpus = TextCorpus.locate();
        assertTrue(corpus.length() >= 1_000_000, corpus + " is smaller than 1 MB");
        WordTokenizer words = WordTokenizer.standard();
        assertEquals(WordTokenizer.STANDARD_SIZE, words.size());
        assertEquals(corpus.sha256(), words.corpusSha256(),
                "the corpus changed since words.txt was written; regenerate it with WordVocabularyFile");
        assertEquals(words.tokens().subList(2, words.size()), WordTokenizer.topTokens(corpus, WordTokenizer.STANDARD_SIZE));
    }

    @Test
    void wordTokenizerSplitsWordsNumbersAndPunctuation() {
        assertEquals(List.of("don't", "panic", ",", "it's", "42", "!", "<unk>", "ok"),
                WordTokenizer.tokenize("Don't PANIC,\tit's 42!\u001f\u00e9\u20ac ok"));
        WordTokenizer w = WordTokenizer.of(List.of("the", "cat", "."));
        assertArrayEquals(new int[] {2, 3, WordTokenizer.UNK, 4}, w.encode("The cat sat."));
        assertEquals("the cat <unk> .", w.decode(new int[] {WordTokenizer.BOS, 2, 3, 0, 4}));
        WordTokenizer standard = WordTokenizer.standard();
        assertEquals("the", standard.token(standard.id("the")));
        assertEquals(WordTokenizer.UNK, standard.id("qwzxjv"));
    }

    @Test
    void vocabularyFileRoundTripsAndRejectsDuplicates() throws IOException {
        StringWriter out = new StringWriter();
        WordTokenizer.writeVocabulary(List.of("b", "a"), TextCorpus.of("b a"), out);
        WordTokenizer w = WordTokenizer.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), "test");
        assertEquals(List.of("<unk>", "<bos>", "b", "a"), w.tokens());
        assertEquals(TextCorpus.of("b a").sha256(), w.corpusSha256());
        byte[] duplicate = "<unk>\n<bos>\na\na\n".getBytes(StandardCharsets.UTF_8);
        DataException e = assertThrows(DataException.class, () -> WordTokenizer.read(new ByteArrayInputStream(duplicate), "dup.txt"));
        assertTrue(e.getMessage().contains("dup.txt") && e.getMessage().contains("'a' twice"), e.getMessage());
    }
}
