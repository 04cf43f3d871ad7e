package org.reprolab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataTest {

    @Test
    void shippedTablesHaveTheirDocumentedShapes() {
        TabularDataset diabetes = Tabular.diabetes();
        assertEquals(442, diabetes.rows());
        assertEquals(10, diabetes.features());
        assertEquals(151.0, diabetes.y()[0]);
        TabularDataset cancer = Tabular.breastCancer();
        assertEquals(569, cancer.rows());
        assertEquals(30, cancer.features());
        long benign = java.util.Arrays.stream(cancer.y()).filter(v -> v == 1).count();
        assertEquals(357, benign);
    }

    @Test
    void readsIdxFilesAndNamesATruncatedOne(@TempDir Path dir) throws IOException {
        writeIdx(dir, "train", 5, 5);
        LabeledImages images = new FashionMnist(dir).load(FashionMnist.Split.TRAIN, 3);
        assertEquals(3, images.size());
        assertEquals(784, images.pixels()[0].length);
        assertEquals(2, images.labels()[2]);
        assertEquals(2 / 255f, images.pixels()[2][0]);

        writeIdx(dir, "train", 5, 2);
        DataException e = assertThrows(DataException.class, () -> new FashionMnist(dir).load(FashionMnist.Split.TRAIN, 5));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void wrongMagicNumberIsReportedAsCorrupt(@TempDir Path dir) throws IOException {
        writeIdx(dir, "train", 5, 5);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("train-labels-idx1-ubyte.gz")))) {
            out.write(new byte[] {0, 0, 9, 9, 0, 0, 0, 5, 1, 2, 3, 4, 5});
        }
        DataException e = assertThrows(DataException.class, () -> new FashionMnist(dir).load(FashionMnist.Split.TRAIN, 5));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    /** Writes labels i % 10 and images whose pixels all equal i; the image file holds only {@code written} images. */
    private static void writeIdx(Path dir, String prefix, int declared, int written) throws IOException {
        try (var out = new java.io.DataOutputStream(new GZIPOutputStream(Files.newOutputStream(dir.resolve(prefix + "-labels-idx1-ubyte.gz"))))) {
            out.writeInt(0x801);
            out.writeInt(declared);
            for (int i = 0; i < declared; i++) {
                out.writeByte(i % 10);
            }
        }
        try (var out = new java.io.DataOutputStream(new GZIPOutputStream(Files.newOutputStream(dir.resolve(prefix + "-images-idx3-ubyte.gz"))))) {
            out.writeInt(0x803);
            out.writeInt(declared);
            out.writeInt(28);
            out.writeInt(28);
            for (int i = 0; i < written; i++) {
                for (int p = 0; p < 784; p++) {
                    out.writeByte(i);
                }
            }
        }
    }
}
