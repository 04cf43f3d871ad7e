package org.reprolab.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Series;

/**
 * Line, scatter and bar figures, drawn with XChart. Points a log axis cannot show (≤ 0) and non-finite points are
 * left out and counted in the figure's notes; error bars that would cross zero on a log axis are cut short; a log
 * axis over more than {@value #MAX_DECADES} decades (where XChart's labels would run into each other) is drawn as
 * log₁₀ of the values on a linear axis, and the notes say so.
 */
final class CurveChart {

    /** Series with more points than this are drawn without markers. */
    private static final int MARKER_LIMIT = 30;
    private static final int MAX_DECADES = 10;

    private CurveChart() {
    }

    static Drawing draw(Figure f) {
        List<String> notes = new ArrayList<>();
        boolean bar = f.kind() == PlotSpec.Kind.BAR;
        List<Curve> curves = curves(f, !bar && f.spec().logScaleX(), f.spec().logScaleY(), notes);
        Axis x = axis(f.xLabel(), !bar && f.spec().logScaleX(), decades(curves, Curve::x), "x", notes);
        Axis y = axis(f.yLabel(), f.spec().logScaleY(), decades(curves, Curve::y), "y", notes);
        curves = curves.stream().map(c -> c.inLog10(x.log10, y.log10)).toList();
        int height = Style.PLOT_HEIGHT + Style.LEGEND_LINE * Math.max(1, curves.size()) + 16;
        Chart<?, ?> chart = bar ? bars(f, curves, y, height) : xy(f, curves, x, y, height);
        if (curves.isEmpty()) {
            notes.add("no point to draw");
        }
        return new Drawing(new ChartPainting(chart, Style.WIDTH, height), notes);
    }

    private static XYChart xy(Figure f, List<Curve> curves, Axis x, Axis y, int height) {
        XYChart chart = new XYChartBuilder().width(Style.WIDTH).height(height).title(title(f))
                .xAxisTitle(x.title).yAxisTitle(y.title).build();
        AxesChartStyler st = chart.getStyler();
        style(st);
        st.setXAxisLogarithmic(x.log).setYAxisLogarithmic(y.log);
        st.setXAxisDecimalPattern(decimalPattern(curves, Curve::x, x.log));
        st.setYAxisDecimalPattern(decimalPattern(curves, Curve::y, y.log));
        if (x.log) {
            // one label per decade leaves a short axis with one label or none; XChart's in-between labels crowd a
            // longer one (along x sooner, where labels stand side by side)
            st.setXAxisLogarithmicDecadeOnly(decades(curves, Curve::x) > 1);
        }
        if (y.log) {
            st.setYAxisLogarithmicDecadeOnly(decades(curves, Curve::y) > 2);
        }
        chart.getStyler().setDefaultSeriesRenderStyle(f.kind() == PlotSpec.Kind.SCATTER
                ? XYSeries.XYSeriesRenderStyle.Scatter : XYSeries.XYSeriesRenderStyle.Line);
        for (Curve c : curves) {
            XYSeries s = chart.addSeries(c.name, c.x, c.y, c.err);
            s.setLineColor(c.colour);
            s.setMarkerColor(c.colour);
            s.setLineStyle(c.style == Look.DASHED ? Style.DASHED : new BasicStroke(2f));
            if (c.style == Look.POINTS) {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
            boolean markers = c.style == Look.POINTS || c.style == Look.PLAIN
                    && (c.x.length <= MARKER_LIMIT || f.kind() == PlotSpec.Kind.SCATTER);
            s.setMarker(!markers ? SeriesMarkers.NONE : c.style == Look.POINTS ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    private static CategoryChart bars(Figure f, List<Curve> curves, Axis y, int height) {
        CategoryChart chart = new CategoryChartBuilder().width(Style.WIDTH).height(height).title(title(f))
                .xAxisTitle(f.xLabel()).yAxisTitle(y.title).build();
        style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(y.log);
        chart.getStyler().setYAxisDecimalPattern(decimalPattern(curves, Curve::y, y.log));
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setAvailableSpaceFill(0.8);
        TreeSet<Double> xs = new TreeSet<>();
        curves.forEach(c -> {
            for (double v : c.x) {
                xs.add(v);
            }
        });
        List<String> categories = xs.stream().map(ClaimCheck::format).toList();
        for (Curve c : curves) {
            List<Double> values = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (double v : xs) {
                int at = indexOf(c.x, v);
                values.add(at < 0 ? null : c.y[at]);
                err.add(at < 0 || c.err == null ? 0.0 : c.err[at]);
            }
            CategorySeries s = chart.addSeries(c.name, categories, values, c.err == null ? null : err);
            s.setFillColor(c.colour);
            s.setLineColor(c.colour);
        }
        return chart;
    }

    private static void style(AxesChartStyler st) {
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(Style.GRID);
        st.setPlotGridLinesColor(Style.GRID);
        st.setChartFontColor(Style.INK);
        st.setChartTitleFont(Style.TITLE);
        st.setChartTitleBoxVisible(false);
        st.setAxisTitleFont(Style.AXIS_TITLE);
        st.setAxisTickLabelsFont(Style.TICK);
        st.setAxisTickLabelsColor(Style.MUTED);
        st.setAxisTickMarksColor(Style.MUTED);
        st.setLegendFont(Style.LEGEND);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Vertical);
        st.setLegendBorderColor(Color.WHITE);
        st.setLegendPadding(4);
        st.setLegendSeriesLineLength(28);
        st.setMarkerSize(7);
        st.setErrorBarsColorSeriesColor(true);
        st.setChartPadding(14);
        st.setPlotMargin(6);
        st.setAntiAlias(true);
        st.setLocale(Locale.ROOT);
        st.setSeriesColors(Style.palette());
    }

    /** How an axis is drawn: its title, and whether it is logarithmic or shows log₁₀ of the values. */
    private record Axis(String title, boolean log, boolean log10) {
    }

    private static Axis axis(String title, boolean log, double decades, String name, List<String> notes) {
        if (log && decades > MAX_DECADES) {
            notes.add(String.format(Locale.ROOT, "%s drawn as log₁₀: the values span %.0f decades", name, decades));
            return new Axis("log₁₀ " + title, false, true);
        }
        return new Axis(title, log, false);
    }

    /** The title cut to the figure's width: XChart would clip it mid-letter. */
    private static String title(Figure f) {
        return Style.fit(Style.TITLE, f.title(), Style.WIDTH - 40);
    }

    /**
     * Tick labels as people write numbers ("0.02", not XChart's ".02"): plain with up to four decimals for ordinary
     * magnitudes, scientific for tiny or huge ones (on a log axis, the smallest value decides; on a linear one, the
     * largest: its ticks are multiples of a step of that size).
     */
    private static String decimalPattern(List<Curve> curves, Function<Curve, double[]> values, boolean log) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (Curve c : curves) {
            for (double v : values.apply(c)) {
                if (v != 0) {
                    smallest = Math.min(smallest, Math.abs(v));
                    largest = Math.max(largest, Math.abs(v));
                }
            }
        }
        return log && smallest < 1e-3 || largest < 1e-3 || largest >= 1e6 ? "0.##E0" : "0.####";
    }

    /** How many decades the positive values span. */
    private static double decades(List<Curve> curves, Function<Curve, double[]> values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Curve c : curves) {
            for (double v : values.apply(c)) {
                if (v > 0) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi > 0 ? Math.log10(hi / lo) : 0;
    }

    /**
     * The figure's series as they can be drawn: cleaned, uniquely named and coloured; what was left out goes to
     * notes. A dashed or point series takes the colour of the last plain series before it (dashed: a darker shade).
     */
    private static List<Curve> curves(Figure f, boolean logX, boolean logY, List<String> notes) {
        List<Curve> curves = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int colours = 0;
        Color previous = null;
        for (Series s : f.series()) {
            double[] x = s.x();
            double[] y = s.y();
            double[] e = s.err();
            List<double[]> kept = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                boolean finite = Double.isFinite(x[i]) && Double.isFinite(y[i]);
                if (finite && !(logX && x[i] <= 0) && !(logY && y[i] <= 0)) {
                    double err = e == null || !Double.isFinite(e[i]) ? 0 : Math.abs(e[i]);
                    // a symmetric bar below zero has no place on a log axis: cut it just above zero
                    kept.add(new double[] {x[i], y[i], logY ? Math.min(err, y[i] * 0.999) : err});
                }
            }
            int dropped = x.length - kept.size();
            if (dropped > 0) {
                notes.add("'" + s.name() + "': " + dropped + " of " + x.length + " points left out ("
                        + (logX || logY ? "≤ 0 on a log axis, or " : "") + "not finite)");
            }
            Look look = look(f.spec(), s.name());
            // a dashed curve often lies on its partner (a fit over its data): a darker shade keeps it visible
            Color colour = look == Look.PLAIN || previous == null ? Style.palette(colours++)
                    : look == Look.DASHED ? Style.darker(previous) : previous;
            if (look == Look.PLAIN) {
                previous = colour;
            }
            if (kept.isEmpty()) {
                continue;
            }
            double[] cx = kept.stream().mapToDouble(p -> p[0]).toArray();
            double[] cy = kept.stream().mapToDouble(p -> p[1]).toArray();
            double[] ce = e == null ? null : kept.stream().mapToDouble(p -> p[2]).toArray();
            curves.add(new Curve(unique(s.name(), names), cx, cy, ce, colour, look));
        }
        return curves;
    }

    private static Look look(PlotSpec spec, String name) {
        if (spec.marked() != null && name.contains(spec.marked())) {
            return Look.POINTS;
        }
        return spec.dashed() != null && name.contains(spec.dashed()) ? Look.DASHED : Look.PLAIN;
    }

    /** XChart needs distinct series names. */
    private static String unique(String name, Set<String> taken) {
        String n = name.isBlank() ? "series" : name;
        String candidate = n;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = n + " (" + i + ")";
        }
        return candidate;
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private enum Look { PLAIN, DASHED, POINTS }

    private record Curve(String name, double[] x, double[] y, double[] err, Color colour, Look style) {

        /** This curve with x and/or y replaced by their log₁₀ (error bars then have no symmetric equivalent: dropped). */
        Curve inLog10(boolean logX, boolean logY) {
            if (!logX && !logY) {
                return this;
            }
            return new Curve(name, logX ? log10(x) : x, logY ? log10(y) : y, logY ? null : err, colour, style);
        }

        private static double[] log10(double[] values) {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = Math.log10(values[i]);
            }
            return out;
        }
    }

    /** An XChart chart as a painting. */
    private record ChartPainting(Chart<?, ?> chart, int width, int height) implements Painting {
        @Override
        public void paint(Graphics2D g) {
            Style.smooth(g);
            chart.paint(g, width, height);
        }
    }
}
