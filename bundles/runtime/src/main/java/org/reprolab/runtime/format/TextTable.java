package org.reprolab.runtime.format;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Left-aligned plain-text columns; the last column is not padded. */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    public TextTable row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "" : c.toString());
        }
        rows.add(r);
        return this;
    }

    public void print(PrintStream out) {
        int[] width = new int[header.size()];
        for (int j = 0; j < width.length; j++) {
            width[j] = header.get(j).length();
            for (List<String> r : rows) {
                width[j] = Math.max(width[j], r.get(j).length());
            }
        }
        printRow(out, header, width);
        for (List<String> r : rows) {
            printRow(out, r, width);
        }
    }

    private static void printRow(PrintStream out, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < cells.size(); j++) {
            String c = cells.get(j);
            line.append(c);
            if (j < cells.size() - 1) {
                line.append(" ".repeat(width[j] - c.length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }
}
