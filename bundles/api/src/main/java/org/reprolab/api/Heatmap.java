package org.reprolab.api;

import java.util.List;
import java.util.Objects;

/**
 * A matrix of values drawn as coloured cells, belonging to a plot (see {@link PlotSpec.Kind#HEATMAP}). Row 0 is
 * drawn at the top, as in a table. Series of the same plot are drawn over the cells in cell coordinates: x is
 * the column index and y the row index of a cell's centre (fractions in between), so a line can mark, for
 * instance, the best column of every row. NaN cells are drawn empty.
 *
 * @param plot       the plot it belongs to
 * @param name       what the values are, for the figure's caption
 * @param xLabel     the columns' axis label
 * @param yLabel     the rows' axis label
 * @param valueLabel the colour bar's label
 * @param columns    one label per column
 * @param rows       one label per row
 * @param values     {@code values[row][column]}, rows.size() × columns.size()
 */
public record Heatmap(String plot, String name, String xLabel, String yLabel, String valueLabel, List<String> columns,
                      List<String> rows, double[][] values) {

    public Heatmap {
        Objects.requireNonNull(plot, "plot");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        Objects.requireNonNull(values, "values");
        if (values.length != rows.size()) {
            throw new IllegalArgumentException("heat map '" + name + "': " + values.length + " rows of values for "
                    + rows.size() + " row labels");
        }
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != columns.size()) {
                throw new IllegalArgumentException("heat map '" + name + "': row " + r + " has " + values[r].length
                        + " values for " + columns.size() + " column labels");
            }
            copy[r] = values[r].clone();
        }
        values = copy;
    }

    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            copy[r] = values[r].clone();
        }
        return copy;
    }

    /** The value at a cell, without copying the matrix. */
    public double value(int row, int column) {
        return values[row][column];
    }
}
