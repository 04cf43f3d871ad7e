package org.reprolab.console.web;

import static org.reprolab.console.web.Html.esc;

import java.util.List;
import java.util.Locale;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Series;

/** A plot's series as an inline SVG line chart: shared axes, one colour per series, error bars, a legend. */
final class SvgPlot {

    private static final int WIDTH = 520;
    private static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 48;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf"};

    private SvgPlot() {
    }

    static String render(String plot, List<Series> curves) {
        Range x = new Range();
        Range y = new Range();
        for (Series s : curves) {
            double[] xs = s.x();
            double[] ys = s.y();
            double[] err = s.err();
            for (int i = 0; i < xs.length; i++) {
                x.include(xs[i]);
                y.include(ys[i] - (err == null ? 0 : err[i]));
                y.include(ys[i] + (err == null ? 0 : err[i]));
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"rl-plot\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT + 18 * curves.size()).append("\" role=\"img\" aria-label=\"").append(esc(plot)).append("\">\n")
                .append("<text x=\"").append(WIDTH / 2).append("\" y=\"18\" text-anchor=\"middle\" font-weight=\"bold\">")
                .append(esc(plot)).append("</text>\n");
        axes(svg, x, y, curves.getFirst());
        for (int k = 0; k < curves.size(); k++) {
            curve(svg, curves.get(k), COLOURS[k % COLOURS.length], x, y);
            legend(svg, curves.get(k).name(), COLOURS[k % COLOURS.length], k);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void axes(StringBuilder svg, Range x, Range y, Series first) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(line(LEFT, TOP, LEFT, bottom, "#333")).append(line(LEFT, bottom, WIDTH - RIGHT, bottom, "#333"));
        svg.append(text(LEFT, bottom + 16, "start", ClaimCheck.format(x.lo)))
                .append(text(WIDTH - RIGHT, bottom + 16, "end", ClaimCheck.format(x.hi)))
                .append(text(LEFT - 4, bottom, "end", ClaimCheck.format(y.lo)))
                .append(text(LEFT - 4, TOP + 10, "end", ClaimCheck.format(y.hi)))
                .append(text((LEFT + WIDTH - RIGHT) / 2, bottom + 32, "middle", first.xLabel()))
                .append("<text transform=\"translate(14,").append((TOP + bottom) / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">").append(esc(first.yLabel())).append("</text>\n");
    }

    private static void curve(StringBuilder svg, Series s, String colour, Range x, Range y) {
        double[] xs = s.x();
        double[] ys = s.y();
        double[] err = s.err();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                points.append(fmt(px(x, xs[i]))).append(',').append(fmt(py(y, ys[i]))).append(' ');
                if (err != null && Double.isFinite(err[i]) && err[i] > 0) {
                    svg.append(line(px(x, xs[i]), py(y, ys[i] - err[i]), px(x, xs[i]), py(y, ys[i] + err[i]), colour));
                }
            }
        }
        svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                .append(points.toString().strip()).append("\"/>\n");
    }

    private static void legend(StringBuilder svg, String name, String colour, int k) {
        int yPos = HEIGHT + 18 * k;
        svg.append(line(LEFT, yPos - 4, LEFT + 24, yPos - 4, colour)).append(text(LEFT + 30, yPos, "start", name));
    }

    private static double px(Range x, double v) {
        return LEFT + (WIDTH - LEFT - RIGHT) * x.fraction(v);
    }

    private static double py(Range y, double v) {
        return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * y.fraction(v);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
                + "\" stroke=\"" + colour + "\"/>\n";
    }

    private static String text(double xPos, double yPos, String anchor, String content) {
        return "<text x=\"" + fmt(xPos) + "\" y=\"" + fmt(yPos) + "\" text-anchor=\"" + anchor + "\" font-size=\"12\">"
                + esc(content) + "</text>\n";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The finite values seen; a single value (or none) gets a unit-wide range so nothing divides by zero. */
    private static final class Range {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;

        void include(double v) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }

        double fraction(double v) {
            if (!(lo < hi)) {
                return 0.5;
            }
            return (v - lo) / (hi - lo);
        }
    }
}
