package org.reprolab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * The small real tables shipped in this bundle (scikit-learn's copies; see {@code tabular/LICENSES.md}).
 * Values are returned raw, as in the source files: standardising is the experiment's choice.
 */
public final class Tabular {

    private static final String FOLDER = "tabular/";

    private Tabular() {
    }

    /** Diabetes (Efron et al. 2004): 442 rows, 10 raw features, target = disease progression after one year. */
    public static TabularDataset diabetes() {
        List<String> names = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
        double[][] x = readRows("diabetes_data_raw.csv.gz", "\\s+", 442, names.size());
        double[][] t = readRows("diabetes_target.csv.gz", "\\s+", 442, 1);
        return new TabularDataset("diabetes", x, column(t, 0), names, "progression");
    }

    /** Breast Cancer Wisconsin (Diagnostic): 569 rows, 30 features, target 0 = malignant, 1 = benign. */
    public static TabularDataset breastCancer() {
        List<String> lines = readLines("breast_cancer.csv");
        String[] header = lines.get(0).split(",");
        int rows = Integer.parseInt(header[0].strip());
        int cols = Integer.parseInt(header[1].strip());
        double[][] all = parse(lines.subList(1, lines.size()), ",", rows, cols + 1, "breast_cancer.csv");
        double[][] x = new double[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = java.util.Arrays.copyOf(all[i], cols);
        }
        List<String> names = IntStream.range(0, cols).mapToObj(j -> "f" + j).toList();
        return new TabularDataset("breast_cancer", x, column(all, cols), names, "benign");
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][j];
        }
        return c;
    }

    private static double[][] readRows(String file, String separator, int rows, int cols) {
        return parse(readLines(file), separator, rows, cols, file);
    }

    private static double[][] parse(List<String> lines, String separator, int rows, int cols, String file) {
        List<String> data = lines.stream().filter(l -> !l.isBlank()).toList();
        if (data.size() != rows) {
            throw new DataException("corrupt table " + file + ": " + data.size() + " rows, expected " + rows);
        }
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            String[] cells = data.get(i).strip().split(separator);
            if (cells.length != cols) {
                throw new DataException("corrupt table " + file + ": row " + (i + 1) + " has " + cells.length
                        + " cells, expected " + cols);
            }
            for (int j = 0; j < cols; j++) {
                try {
                    out[i][j] = Double.parseDouble(cells[j]);
                } catch (NumberFormatException e) {
                    throw new DataException("corrupt table " + file + ": row " + (i + 1) + " cell " + (j + 1)
                            + " is '" + cells[j] + "'", e);
                }
            }
        }
        return out;
    }

    private static List<String> readLines(String file) {
        InputStream in = Tabular.class.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new DataException("table " + file + " is missing from the data bundle");
        }
        try (InputStream raw = file.endsWith(".gz") ? new GZIPInputStream(in) : in;
             BufferedReader r = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new DataException("cannot read table " + file + ": " + e.getMessage(), e);
        }
    }
}
