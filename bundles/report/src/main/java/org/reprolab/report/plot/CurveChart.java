package org.reprolab.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * left out and counted in the figure's notes; error bars that would cross zero on a log axis are cut short.
 */
final class CurveChart {

    /** Series with more points than this are drawn without markers. */
    private static final int MARKER_LIMIT = 30;

    private CurveChart() {
    }

    static Drawing draw(Figure f) {
        List<String> notes = new ArrayList<>();
        List<Curve> curves = curves(f, notes);
        int height = Style.PLOT_HEIGHT + Style.LEGEND_LINE * Math.max(1, curves.size()) + 16;
        Chart<?, ?> chart = f.kind() == PlotSpec.Kind.BAR ? bars(f, curves, height) : xy(f, curves, height);
        if (curves.isEmpty()) {
            notes.add("no point to draw");
        }
        return new Drawing(new ChartPainting(chart, Style.WIDTH, height), notes);
    }

    private static XYChart xy(Figure f, List<Curve> curves, int height) {
        XYChart chart = new XYChartBuilder().width(Style.WIDTH).height(height).title(f.title())
                .xAxisTitle(f.xLabel()).yAxisTitle(f.yLabel()).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(f.spec().logScaleX()).setYAxisLogarithmic(f.spec().logScaleY());
        logTicks(chart.getStyler(), true, f.spec().logScaleX(), decades(curves, Curve::x));
        logTicks(chart.getStyler(), false, f.spec().logScaleY(), decades(curves, Curve::y));
        chart.getStyler().setDefaultSeriesRenderStyle(f.kind() == PlotSpec.Kind.SCATTER
                ? org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter : org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line);
        for (Curve c : curves) {
            XYSeries s = chart.addSeries(c.name, c.x, c.y, c.err);
            s.setLineColor(c.colour);
            s.setMarkerColor(c.colour);
            s.setLineStyle(c.dashed ? Style.DASHED : new BasicStroke(2f));
            s.setMarker(c.dashed || c.x.length > MARKER_LIMIT && f.kind() != PlotSpec.Kind.SCATTER
                    ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    private static CategoryChart bars(Figure f, List<Curve> curves, int height) {
        CategoryChart chart = new CategoryChartBuilder().width(Style.WIDTH).height(height).title(f.title())
                .xAxisTitle(f.xLabel()).yAxisTitle(f.yLabel()).build();
        style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(f.spec().logScaleY());
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setAvailableSpaceFill(0.8);
        TreeSet<Double> xs = new TreeSet<>();
        curves.forEach(c -> {
            for (double x : c.x) {
                xs.add(x);
            }
        });
        List<String> categories = xs.stream().map(ClaimCheck::format).toList();
        for (Curve c : curves) {
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (double x : xs) {
                int at = indexOf(c.x, x);
                y.add(at < 0 ? null : c.y[at]);
                err.add(at < 0 || c.err == null ? 0.0 : c.err[at]);
            }
            CategorySeries s = chart.addSeries(c.name, categories, y, c.err == null ? null : err);
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
        st.setLocale(java.util.Locale.ROOT);
        st.setSeriesColors(Style.palette());
    }

    /** The figure's series as they can be drawn: cleaned, uniquely named and coloured; what was left out goes to notes. */
    private static List<Curve> curves(Figure f, List<String> notes) {
        List<Curve> curves = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean logX = f.spec().logScaleX() && f.kind() != PlotSpec.Kind.BAR;
        boolean logY = f.spec().logScaleY();
        int colours = 0;
        Color previous = null;
        for (Series s : f.series()) {
            double[] x = s.x();
            double[] y = s.y();
            double[] e = s.err();
            List<double[]> kept = new ArrayList<>();
            int dropped = 0;
            for (int i = 0; i < x.length; i++) {
                boolean finite = Double.isFinite(x[i]) && Double.isFinite(y[i]);
                if (!finite || logX && x[i] <= 0 || logY && y[i] <= 0) {
                    dropped++;
                } else {
                    double err = e == null || !Double.isFinite(e[i]) ? 0 : Math.abs(e[i]);
                    // a symmetric bar below zero has no place on a log axis: cut it just above zero
                    kept.add(new double[] {x[i], y[i], logY ? Math.min(err, y[i] * 0.999) : err});
                }
            }
            if (dropped > 0) {
                notes.add("'" + s.name() + "': " + dropped + " of " + x.length + " points left out ("
                        + (logX || logY ? "≤ 0 on a log axis, or " : "") + "not finite)");
            }
            boolean dashed = f.spec().dashed() != null && s.name().contains(f.spec().dashed());
            Color colour = dashed && previous != null ? previous : Style.palette(colours++);
            if (!dashed) {
                previous = colour;
            }
            if (kept.isEmpty()) {
                continue;
            }
            double[] cx = kept.stream().mapToDouble(p -> p[0]).toArray();
            double[] cy = kept.stream().mapToDouble(p -> p[1]).toArray();
            double[] ce = e == null ? null : kept.stream().mapToDouble(p -> p[2]).toArray();
            curves.add(new Curve(unique(s.name(), names), cx, cy, ce, colour, dashed));
        }
        return curves;
    }

    /**
     * One label per decade leaves a short log axis with one label or none, so within two decades (one along x, where
     * labels stand side by side) XChart labels every mantissa; beyond, decades only, or the labels crowd.
     */
    private static void logTicks(AxesChartStyler st, boolean xAxis, boolean logarithmic, double decades) {
        if (!logarithmic) {
            return;
        }
        if (xAxis) {
            st.setXAxisLogarithmicDecadeOnly(decades > 1);
        } else {
            st.setYAxisLogarithmicDecadeOnly(decades > 2);
        }
    }

    /** How many decades the positive values span. */
    private static double decades(List<Curve> curves, java.util.function.Function<Curve, double[]> values) {
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

    private record Curve(String name, double[] x, double[] y, double[] err, Color colour, boolean dashed) {
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
