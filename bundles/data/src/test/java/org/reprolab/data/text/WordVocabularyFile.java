package org.reprolab.data.text;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates the committed word vocabulary from the installed corpus:
 * {@code java -cp … org.reprolab.data.text.WordVocabularyFile bundles/data/src/main/resources/org/reprolab/data/text/words.txt}.
 * Run it only when the corpus changes (its SHA-256 is recorded in the file; {@code TextTest} checks they agree).
 */
public final class WordVocabularyFile {
    private WordVocabularyFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WordVocabularyFile <output file>");
        }
        TextCorpus corpus = TextCorpus.locate();
        try (Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            WordTokenizer.writeVocabulary(WordTokenizer.topTokens(corpus, WordTokenizer.STANDARD_SIZE), corpus, out);
        }
    }
}
