package org.reprolab.data.text;

import java.nio.charset.StandardCharsets;

/**
 * The character vocabulary of the lab's language models (methods/quantization.md, "Data used by this family"):
 * the 95 printable ASCII characters, newline, one UNK symbol for every other byte, and BOS — 98 symbols.
 *
 * <p>Ids: a printable character c (0x20 ' ' to 0x7E '~') is {@code c − 0x20} (0 to 94); newline is
 * {@value #NEWLINE}; UNK is {@value #UNK}; BOS is {@value #BOS}. Text is encoded byte by byte, so a
 * character outside ASCII becomes one UNK per byte of its UTF-8 form, and a tab is one UNK.
 */
public final class CharTokenizer {

    public static final int VOCAB_SIZE = 98;
    public static final int NEWLINE = 95;
    public static final int UNK = 96;
    public static final int BOS = 97;
    /** What {@link #decode} writes for UNK. */
    public static final char UNK_CHAR = '\uFFFD';

    private static final int FIRST_PRINTABLE = 0x20;
    private static final int LAST_PRINTABLE = 0x7E;

    private CharTokenizer() {
    }

    /** The id of one byte (0–255, or a signed byte). */
    public static int id(int b) {
        int u = b & 0xff;
        if (u >= FIRST_PRINTABLE && u <= LAST_PRINTABLE) {
            return u - FIRST_PRINTABLE;
        }
        return u == '\n' ? NEWLINE : UNK;
    }

    /** Ids of bytes. */
    public static int[] encode(byte[] bytes) {
        return encode(bytes, 0, bytes.length);
    }

    /** Ids of bytes[from, to). */
    public static int[] encode(byte[] bytes, int from, int to) {
        int[] ids = new int[to - from];
        for (int i = from; i < to; i++) {
            ids[i - from] = id(bytes[i]);
        }
        return ids;
    }

    /** Ids of text, taken as its UTF-8 bytes. */
    public static int[] encode(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Ids of one corpus split. */
    public static int[] encode(TextCorpus corpus, TextCorpus.Split split) {
        return encode(corpus.bytes(split));
    }

    /** Text of ids: UNK becomes {@link #UNK_CHAR}, BOS is left out. An id outside 0–97 is an error. */
    public static String decode(int[] ids) {
        StringBuilder out = new StringBuilder(ids.length);
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (id < 0 || id >= VOCAB_SIZE) {
                throw new IllegalArgumentException("character id " + id + " at position " + i + " is outside the "
                        + VOCAB_SIZE + "-symbol vocabulary");
            }
            if (id < NEWLINE) {
                out.append((char) (id + FIRST_PRINTABLE));
            } else if (id == NEWLINE) {
                out.append('\n');
            } else if (id == UNK) {
                out.append(UNK_CHAR);
            }
        }
        return out.toString();
    }

    /** A readable name of one symbol ("a", "\\n", "<unk>", "<bos>"). */
    public static String symbol(int id) {
        return switch (id) {
            case NEWLINE -> "\\n";
            case UNK -> "<unk>";
            case BOS -> "<bos>";
            default -> decode(new int[] {id});
        };
    }
}
