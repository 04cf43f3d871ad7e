package org.reprolab.theory.common;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Mean and sample standard deviation of one quantity over seeds (or trials). Claims are thresholded on
 * the mean, and the spread is reported beside it.
 */
public record SeedSummary(double mean, double std, int count) {

    /** The summary of the given per-seed values; the std of a single value is 0. */
    public static SeedSummary of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double std = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        return new SeedSummary(mean, std, values.length);
    }

    /** The summary of one value read off each seed's results. */
    public static <T> SeedSummary over(List<T> seeds, ToDoubleFunction<T> value) {
        return of(seeds.stream().mapToDouble(value).toArray());
    }

    /** Per-column summaries of {@code perSeed[seed][column]}, e.g. a test-error curve over a ridge grid. */
    public static SeedSummary[] columns(double[][] perSeed) {
        int columns = perSeed[0].length;
        SeedSummary[] out = new SeedSummary[columns];
        double[] column = new double[perSeed.length];
        for (int j = 0; j < columns; j++) {
            for (int s = 0; s < perSeed.length; s++) {
                if (perSeed[s].length != columns) {
                    throw new IllegalArgumentException("seed " + s + " has " + perSeed[s].length + " values, seed 0 has " + columns);
                }
                column[s] = perSeed[s][j];
            }
            out[j] = of(column);
        }
        return out;
    }

    /** The means of {@link #columns}. */
    public static double[] columnMeans(double[][] perSeed) {
        SeedSummary[] summaries = columns(perSeed);
        double[] means = new double[summaries.length];
        for (int j = 0; j < means.length; j++) {
            means[j] = summaries[j].mean;
        }
        return means;
    }

    /** The means of {@link #columns}, one curve per seed. */
    public static double[] columnMeans(List<double[]> perSeed) {
        return columnMeans(perSeed.toArray(double[][]::new));
    }

    /** The sample standard deviations of {@link #columns}, one curve per seed. */
    public static double[] columnStds(List<double[]> perSeed) {
        SeedSummary[] summaries = columns(perSeed.toArray(double[][]::new));
        double[] stds = new double[summaries.length];
        for (int j = 0; j < stds.length; j++) {
            stds[j] = summaries[j].std;
        }
        return stds;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4g ± %.2g (%d seeds)", mean, std, count);
    }
}
