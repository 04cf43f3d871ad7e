package org.reprolab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-split loads of the 10,000-item test split, written small (random labels, blank images). */
class FashionMnistFilesTest {

    private static final int N = FashionMnist.Split.TEST.size();

    @Test
    void wholeSplitLoadsWhenTheFilesAreSound(@TempDir Path dir) throws IOException {
        writeTestSplit(dir, N, N, new byte[0]);
        LabeledImages all = new FashionMnist(dir).load(FashionMnist.Split.TEST);
        assertEquals(N, all.size());
        assertEquals(labels()[N - 1], all.labels()[N - 1]);
        assertFalse(FashionMnist.isComplete(dir), "only the test split was written");
    }

    @Test
    void corruptGzipIsNamed(@TempDir Path dir) throws IOException {
        writeTestSplit(dir, N, N, new byte[0]);
        Path labels = dir.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] bytes = Files.readAllBytes(labels);
        bytes[bytes.length - 5] ^= 0x41; // inside the CRC-32 / length trailer
        Files.write(labels, bytes);
        DataException e = assertThrows(DataException.class, () -> new FashionMnist(dir).load(FashionMnist.Split.TEST));
        assertTrue(e.getMessage().contains(labels.toString()) && e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void truncatedGzipIsNamed(@TempDir Path dir) throws IOException {
        writeTestSplit(dir, N, N, new byte[0]);
        Path labels = dir.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] bytes = Files.readAllBytes(labels);
        Files.write(labels, Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(100, new FashionMnist(dir).load(FashionMnist.Split.TEST, 100).size(), "the intact head still reads");
        DataException e = assertThrows(DataException.class, () -> new FashionMnist(dir).load(FashionMnist.Split.TEST));
        assertTrue(e.getMessage().contains(labels.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void trailingBytesAndWrongCountsAreCorrupt(@TempDir Path dir) throws IOException {
        writeTestSplit(dir, N, N, new byte[] {1, 2, 3});
        DataException trailing = assertThrows(DataException.class, () -> new FashionMnist(dir).load(FashionMnist.Split.TEST));
        assertTrue(trailing.getMessage().contains("bytes follow"), trailing.getMessage());
        writeTestSplit(dir, N + 1, N + 1, new byte[0]);
        DataException count = assertThrows(DataException.class, () -> new FashionMnist(dir).load(FashionMnist.Split.TEST));
        assertTrue(count.getMessage().contains("declares " + (N + 1)), count.getMessage());
    }

    @Test
    void missingFileSaysHowToGetIt(@TempDir Path dir) {
        DataException e = assertThrows(DataException.class, () -> new FashionMnist(dir).load(FashionMnist.Split.TEST, 1));
        assertTrue(e.getMessage().contains("apt-get"), e.getMessage());
    }

    private static int[] labels() {
        SplittableRandom rng = new SplittableRandom(7);
        int[] l = new int[N + 1];
        for (int i = 0; i < l.length; i++) {
            l[i] = rng.nextInt(10);
        }
        return l;
    }

    /** Writes the test split declaring {@code declared} items, holding {@code written}, plus trailing bytes. */
    private static void writeTestSplit(Path dir, int declared, int written, byte[] trailing) throws IOException {
        int[] labels = labels();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(dir.resolve("t10k-labels-idx1-ubyte.gz"))))) {
            out.writeInt(0x801);
            out.writeInt(declared);
            for (int i = 0; i < written; i++) {
                out.writeByte(labels[i]);
            }
            out.write(trailing);
        }
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(dir.resolve("t10k-images-idx3-ubyte.gz"))))) {
            out.writeInt(0x803);
            out.writeInt(declared);
            out.writeInt(28);
            out.writeInt(28);
            out.write(new byte[written * 784]);
            out.write(trailing);
        }
    }
}
