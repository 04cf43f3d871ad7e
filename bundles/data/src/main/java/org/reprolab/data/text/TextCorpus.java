package org.reprolab.data.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.reprolab.data.DataException;
import org.reprolab.data.LabFolders;

/**
 * The lab's English text corpus: the freely licensed files of Debian's {@code fortunes} package (the BSD
 * fortune collection, about 2.0 MB), read as bytes and concatenated in the fixed order of {@link #FILES}.
 *
 * <p>Which files: those of the upstream BSD collection that the package's copyright file covers with the
 * Regents' BSD licence (the inventory in {@code /usr/share/doc/fortunes/cookie-files.gz}), less the ones that
 * are mainly verbatim excerpts of one copyrighted work (startrek, zippy), song lyrics (songs-poems), not
 * English (translate-me) or pictures (ascii-art). Debian's own additions (debian, knghtbrd, linux,
 * paradoxum, perl, pratchett, tao, disclaimer) are left out: the copyright file says nothing about them.
 *
 * <p>Preparation: each file's bytes are appended as they are, except that a fortune separator (a line holding
 * only {@code %}) becomes an empty line, so fortunes are separated by a blank line. Nothing else is changed;
 * tabs and non-ASCII bytes stay and map to UNK in the {@link CharTokenizer}.
 *
 * <p>Splits are contiguous cuts of the characters: the first 90% are {@link Split#TRAIN}, the next 5%
 * {@link Split#VAL} and the last 5% {@link Split#TEST}.
 *
 * <p>The folder is {@code $REPROLAB_DATA/fortunes} when that variable (or the system property
 * {@code reprolab.data}) is set and holds the files, else the Debian package's folder
 * {@value #DEBIAN_FOLDER} (package {@code fortunes}).
 */
public final class TextCorpus {

    public static final String DEBIAN_FOLDER = "/usr/share/games/fortunes";

    /** The corpus files, in the order they are concatenated. */
    public static final List<String> FILES = List.of("art", "computers", "cookie", "definitions", "drugs",
            "education", "ethnic", "food", "fortunes", "goedel", "humorists", "kids", "law", "linuxcookie",
            "literature", "love", "magic", "medicine", "men-women", "miscellaneous", "news", "people", "pets",
            "platitudes", "politics", "riddles", "science", "sports", "wisdom", "work");

    /** A contiguous part of the corpus. */
    public enum Split {
        TRAIN, VAL, TEST
    }

    private final Path folder;
    private final byte[] bytes;
    private final String sha256;

    private TextCorpus(Path folder, byte[] bytes) {
        this.folder = folder;
        this.bytes = bytes;
        this.sha256 = sha256(bytes);
    }

    /** Reads the corpus from the first folder that holds its files, or says how to install them. */
    public static TextCorpus locate() {
        List<Path> tried = candidateFolders();
        for (Path p : tried) {
            if (Files.isRegularFile(p.resolve(FILES.getFirst()))) {
                return read(p);
            }
        }
        throw new DataException("the text corpus was not found (looked in " + tried + "). Install it with "
                + "'sudo apt-get install fortunes' (Debian/Ubuntu), or copy the files " + FILES + " of that package"
                + " into a folder 'fortunes' and set REPROLAB_DATA to its parent.");
    }

    /** Reads the corpus files from one folder; a missing file is an error naming it. */
    public static TextCorpus read(Path folder) {
        ByteArrayOutputStream all = new ByteArrayOutputStream(1 << 21);
        for (String name : FILES) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new DataException("text corpus file " + file + " is missing; reinstall it with "
                        + "'sudo apt-get install --reinstall fortunes fortunes-min' or fix REPROLAB_DATA");
            }
            try {
                appendFortunes(Files.readAllBytes(file), all);
            } catch (IOException e) {
                throw new DataException("cannot read text corpus file " + file + ": " + e.getMessage(), e);
            }
        }
        return new TextCorpus(folder, all.toByteArray());
    }

    /** A corpus made of given text (tests, examples); its splits follow the same 90/5/5 rule. */
    public static TextCorpus of(String text) {
        return new TextCorpus(null, text.getBytes(StandardCharsets.UTF_8));
    }

    static List<Path> candidateFolders() {
        List<Path> folders = new ArrayList<>();
        LabFolders.data().ifPresent(data -> folders.add(data.resolve("fortunes")));
        folders.add(Path.of(DEBIAN_FOLDER));
        return folders;
    }

    /** Appends a fortune file, turning each separator line ("%") into an empty line. */
    private static void appendFortunes(byte[] file, ByteArrayOutputStream out) {
        int lineStart = 0;
        for (int i = 0; i <= file.length; i++) {
            if (i == file.length || file[i] == '\n') {
                int end = Math.min(i + 1, file.length);
                boolean separator = i - lineStart == 1 && file[lineStart] == '%';
                if (separator) {
                    out.write('\n');
                } else {
                    out.write(file, lineStart, end - lineStart);
                }
                lineStart = i + 1;
            }
        }
        if (file.length > 0 && file[file.length - 1] != '\n') {
            out.write('\n');
        }
    }

    /** The folder the corpus was read from (null for a corpus made with {@link #of}). */
    public Path folder() {
        return folder;
    }

    /** The number of characters (bytes). */
    public int length() {
        return bytes.length;
    }

    /** All characters, as bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The characters of one split (a copy). */
    public byte[] bytes(Split split) {
        return Arrays.copyOfRange(bytes, start(split), end(split));
    }

    /** One split as text (each byte one char, as ISO-8859-1: what the character tokenizer sees). */
    public String text(Split split) {
        return new String(bytes, start(split), end(split) - start(split), StandardCharsets.ISO_8859_1);
    }

    /** Where a split begins (inclusive): 0, ⌊0.90·n⌋ and ⌊0.95·n⌋. */
    public int start(Split split) {
        return switch (split) {
            case TRAIN -> 0;
            case VAL -> cut(90);
            case TEST -> cut(95);
        };
    }

    /** Where a split ends (exclusive). */
    public int end(Split split) {
        return switch (split) {
            case TRAIN -> cut(90);
            case VAL -> cut(95);
            case TEST -> bytes.length;
        };
    }

    public int length(Split split) {
        return end(split) - start(split);
    }

    private int cut(int percent) {
        return (int) ((long) bytes.length * percent / 100);
    }

    /** The SHA-256 of the assembled corpus (hex): its identity in caches and vocabulary files. */
    public String sha256() {
        return sha256;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "TextCorpus(" + bytes.length + " characters, sha256 " + sha256.substring(0, 12) + "…"
                + (folder == null ? "" : ", from " + folder) + ")";
    }
}
