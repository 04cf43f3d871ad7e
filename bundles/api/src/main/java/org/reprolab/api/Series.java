package org.reprolab.api;

import java.util.Objects;

/**
 * A named curve of (x, y) points, optionally with error bars, belonging to a plot. Series with the
 * same {@code plot} are drawn together.
 */
public record Series(String plot, String name, String xLabel, String yLabel, double[] x, double[] y, double[] err) {

    public Series {
        Objects.requireNonNull(plot, "plot");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length || err != null && err.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " points, y has "
                    + y.length + (err == null ? "" : ", err has " + err.length));
        }
        x = x.clone();
        y = y.clone();
        err = err == null ? null : err.clone();
    }

    public static Series of(String plot, String name, String xLabel, String yLabel, double[] x, double[] y) {
        return new Series(plot, name, xLabel, yLabel, x, y, null);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] err() {
        return err == null ? null : err.clone();
    }
}
