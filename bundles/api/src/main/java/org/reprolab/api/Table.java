package org.reprolab.api;

import java.util.List;
import java.util.Objects;

/** A small named table of results (rows of formatted cells). */
public record Table(String name, List<String> columns, List<List<String>> rows) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table '" + name + "': row " + row + " has " + row.size()
                        + " cells, expected " + columns.size());
            }
        }
    }
}
