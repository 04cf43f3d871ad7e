package org.reprolab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TabularTest {

    /** Sum of every feature value: a checksum of the file's content, computed independently from the CSVs. */
    private static double featureSum(TabularDataset d) {
        return Arrays.stream(d.x()).flatMapToDouble(Arrays::stream).sum();
    }

    private static int[] classCounts(TabularDataset d) {
        int[] counts = new int[d.classNames().size()];
        for (int l : d.labels()) {
            counts[l]++;
        }
        return counts;
    }

    @Test
    void digitsHas1797ImagesOf64Pixels() {
        TabularDataset d = Tabular.digits();
        assertEquals(1797, d.rows());
        assertEquals(64, d.features());
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, classCounts(d));
        assertEquals(561718.0, featureSum(d));
        assertArrayEquals(new double[] {0, 0, 5, 13, 9}, Arrays.copyOf(d.x()[0], 5));
        assertEquals("pixel_7_7", d.featureNames().get(63));
    }

    @Test
    void irisAndWineHaveTheirDocumentedShapes() {
        TabularDataset iris = Tabular.iris();
        assertEquals(150, iris.rows());
        assertEquals(4, iris.features());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertArrayEquals(new int[] {50, 50, 50}, classCounts(iris));
        assertEquals(2078.7, featureSum(iris), 1e-9);
        TabularDataset wine = Tabular.wine();
        assertEquals(178, wine.rows());
        assertEquals(13, wine.features());
        assertArrayEquals(new int[] {59, 71, 48}, classCounts(wine));
        assertEquals(159975.295999, featureSum(wine), 1e-6);
        assertEquals(14.23, wine.x()[0][0]);
    }

    @Test
    void breastCancerAndDiabetesKeepTheirShapes() {
        TabularDataset cancer = Tabular.breastCancer();
        assertEquals(569, cancer.rows());
        assertEquals(30, cancer.features());
        assertArrayEquals(new int[] {212, 357}, classCounts(cancer));
        assertEquals(1056474.4596356, featureSum(cancer), 1e-6);
        assertEquals("worst fractal dimension", cancer.featureNames().get(29));
        TabularDataset diabetes = Tabular.diabetes();
        assertEquals(442, diabetes.rows());
        assertEquals(10, diabetes.features());
        assertEquals(151.0, diabetes.y()[0]);
        assertTrue(!diabetes.isClassification());
        assertThrows(IllegalStateException.class, diabetes::labels);
    }

    @Test
    void byNameServesEveryTableAndRejectsUnknownNames() {
        for (String name : Tabular.NAMES) {
            assertEquals(name, Tabular.byName(name).name());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tabular.byName("mnist"));
        assertTrue(e.getMessage().contains("iris"), e.getMessage());
    }

    @Test
    void raggedRowNamesTheFileAndRow() {
        List<String> lines = List.of("3,2,a,b", "1.0,2.0,0", "1.5,1", "2.0,3.0,1");
        DataException e = assertThrows(DataException.class,
                () -> CsvTable.classification("t", "ragged.csv", lines, List.of("u", "v")));
        assertTrue(e.getMessage().contains("ragged.csv") && e.getMessage().contains("row 2"), e.getMessage());
    }

    @Test
    void missingRowsBadNumbersAndBadClassesAreCorrupt() {
        DataException rows = assertThrows(DataException.class,
                () -> CsvTable.classification("t", "short.csv", List.of("3,1,a,b", "1,0", "2,1"), List.of("u")));
        assertTrue(rows.getMessage().contains("short.csv") && rows.getMessage().contains("2 rows, expected 3"), rows.getMessage());
        DataException cell = assertThrows(DataException.class,
                () -> CsvTable.parse("cells.csv", List.of("1,x"), ",", 1, 2));
        assertTrue(cell.getMessage().contains("cells.csv") && cell.getMessage().contains("'x'"), cell.getMessage());
        DataException label = assertThrows(DataException.class,
                () -> CsvTable.classification("t", "labels.csv", List.of("1,1,a,b", "1,2"), List.of("u")));
        assertTrue(label.getMessage().contains("labels.csv") && label.getMessage().contains("class 2.0"), label.getMessage());
    }

    @Test
    void corruptOrTruncatedGzipTableIsNamed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 2000; i++) {
                gz.write((i + "," + (i * 7 % 13) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] good = bytes.toByteArray();
        assertEquals(2000, CsvTable.readLines("ok.csv.gz", new ByteArrayInputStream(good)).size());
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        DataException t = assertThrows(DataException.class,
                () -> CsvTable.readLines("cut.csv.gz", new ByteArrayInputStream(truncated)));
        assertTrue(t.getMessage().contains("cut.csv.gz"), t.getMessage());
        byte[] garbled = good.clone();
        garbled[garbled.length - 6] ^= 0x5a;
        DataException g = assertThrows(DataException.class,
                () -> CsvTable.readLines("bad.csv.gz", new ByteArrayInputStream(garbled)));
        assertTrue(g.getMessage().contains("bad.csv.gz") && g.getMessage().contains("corrupt"), g.getMessage());
    }
}
