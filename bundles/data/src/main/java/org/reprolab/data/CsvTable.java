package org.reprolab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the small numeric tables of this bundle (plain or gzipped text, one row a line). Every shape or number
 * problem is a {@link DataException} naming the file, the row and the cell.
 */
final class CsvTable {

    private CsvTable() {
    }

    /** All lines of a text file; {@code file} names it in error messages and ends in ".gz" when it is gzipped. */
    static List<String> readLines(String file, InputStream in) {
        try (InputStream raw = file.endsWith(".gz") ? new GZIPInputStream(in) : in;
             BufferedReader r = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
            return lines;
        } catch (ZipException e) {
            throw new DataException("corrupt table " + file + ": not a valid gzip stream (" + e.getMessage() + ")", e);
        } catch (java.io.EOFException e) {
            throw new DataException("truncated table " + file + ": the gzip stream ends early", e);
        } catch (IOException e) {
            throw new DataException("cannot read table " + file + ": " + e.getMessage(), e);
        }
    }

    /** The non-blank lines as a rows × cols matrix; any other shape, or a cell that is not a number, is an error. */
    static double[][] parse(String file, List<String> lines, String separator, int rows, int cols) {
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

    /**
     * A table in scikit-learn's classification layout: a header line "rows,features,class names…", then one line
     * per row holding the features and the class index last.
     */
    static TabularDataset classification(String name, String file, List<String> lines, List<String> featureNames) {
        if (lines.isEmpty()) {
            throw new DataException("corrupt table " + file + ": it is empty");
        }
        String[] header = lines.get(0).split(",");
        int rows;
        int cols;
        try {
            rows = Integer.parseInt(header[0].strip());
            cols = Integer.parseInt(header[1].strip());
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new DataException("corrupt table " + file + ": header '" + lines.get(0)
                    + "' does not start with the row and column counts", e);
        }
        if (cols != featureNames.size()) {
            throw new DataException("corrupt table " + file + ": header says " + cols + " features, expected "
                    + featureNames.size());
        }
        List<String> classNames = List.of(header).subList(2, header.length).stream().map(String::strip).toList();
        double[][] all = parse(file, lines.subList(1, lines.size()), ",", rows, cols + 1);
        return split(name, file, all, featureNames, "class", classNames);
    }

    /** Splits off the last column as the target; for classification, checks it is a valid class index. */
    static TabularDataset split(String name, String file, double[][] all, List<String> featureNames, String targetName,
                                List<String> classNames) {
        int cols = featureNames.size();
        double[][] x = new double[all.length][];
        double[] y = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            x[i] = java.util.Arrays.copyOf(all[i], cols);
            y[i] = all[i][cols];
            if (!classNames.isEmpty() && (y[i] != Math.rint(y[i]) || y[i] < 0 || y[i] >= classNames.size())) {
                throw new DataException("corrupt table " + file + ": row " + (i + 1) + " has class " + y[i]
                        + ", expected 0…" + (classNames.size() - 1));
            }
        }
        return new TabularDataset(name, x, y, featureNames, targetName, classNames);
    }
}
