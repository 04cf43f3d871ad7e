package org.reprolab.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Heatmap;
import org.reprolab.api.Series;

/**
 * A heat map drawn cell by cell on the viridis scale, with a colour bar, the row and column labels that fit
 * without overlapping, the values in the cells when there is room, and the figure's series drawn over it in cell
 * coordinates (x = column index, y = row index).
 */
final class HeatmapChart {

    private static final int TOP = 48;
    private static final int COLOUR_BAR = 16;
    private static final int MAX_PLOT_HEIGHT = 460;
    private static final int MIN_PLOT_HEIGHT = 240;

    private HeatmapChart() {
    }

    static Drawing draw(Figure f) {
        Heatmap h = f.heatmap();
        List<String> notes = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int empty = 0;
        for (int r = 0; r < h.rows().size(); r++) {
            for (int c = 0; c < h.columns().size(); c++) {
                double v = h.value(r, c);
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                } else {
                    empty++;
                }
            }
        }
        if (empty > 0) {
            notes.add(empty + " cell" + (empty == 1 ? "" : "s") + " without a finite value, drawn empty");
        }
        return new Drawing(new Layout(f, min, max), notes);
    }

    /** Where everything goes; computed once from the labels' widths. */
    private static final class Layout implements Painting {
        private final Figure f;
        private final Heatmap h;
        private final double min;
        private final double max;
        private final int left;
        private final int plotWidth;
        private final int plotHeight;
        private final int width;
        private final int height;
        private final int xLabelEvery;
        private final int yLabelEvery;
        private final boolean rotateColumns;
        private final double[] ticks;
        private final int tickLabelWidth;

        Layout(Figure f, double min, double max) {
            this.f = f;
            this.h = f.heatmap();
            this.min = min;
            this.max = max;
            int rows = h.rows().size();
            int cols = h.columns().size();
            int rowLabelWidth = h.rows().stream().mapToInt(s -> Style.textWidth(Style.TICK, s)).max().orElse(0);
            int colLabelWidth = h.columns().stream().mapToInt(s -> Style.textWidth(Style.TICK, s)).max().orElse(0);
            ticks = Double.isFinite(min) ? niceTicks(min, max) : new double[0];
            tickLabelWidth = java.util.Arrays.stream(ticks).mapToInt(t -> Style.textWidth(Style.TICK, ClaimCheck.format(t)))
                    .max().orElse(0);
            left = 24 + 14 + Math.min(rowLabelWidth, 160) + 10;
            width = Style.WIDTH;
            plotWidth = width - left - (18 + COLOUR_BAR + 7 + tickLabelWidth + 34);
            plotHeight = Math.clamp(rows * 34L, MIN_PLOT_HEIGHT, MAX_PLOT_HEIGHT);
            double cellWidth = plotWidth / (double) Math.max(1, cols);
            double cellHeight = plotHeight / (double) Math.max(1, rows);
            rotateColumns = colLabelWidth + 6 > cellWidth && cellWidth < 24;
            xLabelEvery = rotateColumns ? (int) Math.ceil(16 / cellWidth) : (int) Math.ceil((colLabelWidth + 8) / cellWidth);
            yLabelEvery = (int) Math.ceil(16 / cellHeight);
            int columnLabels = rotateColumns ? Math.min(colLabelWidth, 120) + 8 : 22;
            height = TOP + plotHeight + columnLabels + 30 + legendHeight() + 12;
        }

        private int legendHeight() {
            return f.series().isEmpty() ? 0 : 10 + Style.LEGEND_LINE * f.series().size();
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public void paint(Graphics2D g) {
            Style.page(g, f.title(), width, height, 10);
            cells(g);
            columnLabels(g);
            rowLabels(g);
            colourBar(g);
            overlay(g);
        }

        private double cellWidth() {
            return plotWidth / (double) h.columns().size();
        }

        private double cellHeight() {
            return plotHeight / (double) h.rows().size();
        }

        private Color colour(double v) {
            return max > min ? Style.viridis((v - min) / (max - min)) : Style.viridis(0.5);
        }

        private void cells(Graphics2D g) {
            double cw = cellWidth();
            double ch = cellHeight();
            boolean values = cw >= 46 && ch >= 18;
            java.util.Set<Long> marked = markedCells();
            g.setFont(Style.SMALL);
            for (int r = 0; r < h.rows().size(); r++) {
                for (int c = 0; c < h.columns().size(); c++) {
                    double v = h.value(r, c);
                    Rectangle2D cell = new Rectangle2D.Double(left + c * cw, TOP + r * ch, cw + 0.5, ch + 0.5);
                    Color fill = Double.isFinite(v) ? colour(v) : Style.EMPTY;
                    g.setColor(fill);
                    g.fill(cell);
                    if (values && Double.isFinite(v) && !marked.contains((long) r << 32 | c)) {
                        g.setColor(Style.textOn(fill));
                        centre(g, ClaimCheck.format(v), cell.getCenterX(), cell.getCenterY() + 4);
                    }
                }
            }
            g.setColor(Style.MUTED);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Rectangle2D.Double(left, TOP, plotWidth, plotHeight));
        }

        /** The cells an overlaid point sits in: their values would sit under its marker. */
        private java.util.Set<Long> markedCells() {
            java.util.Set<Long> cells = new java.util.HashSet<>();
            for (Series s : f.series()) {
                double[] x = s.x();
                double[] y = s.y();
                for (int k = 0; k < x.length; k++) {
                    if (Double.isFinite(x[k]) && Double.isFinite(y[k])) {
                        cells.add(Math.round(y[k]) << 32 | Math.round(x[k]));
                    }
                }
            }
            return cells;
        }

        private void columnLabels(Graphics2D g) {
            g.setFont(Style.TICK);
            g.setColor(Style.MUTED);
            double cw = cellWidth();
            int base = TOP + plotHeight;
            for (int c = 0; c < h.columns().size(); c += xLabelEvery) {
                double x = left + (c + 0.5) * cw;
                g.draw(new Line2D.Double(x, base, x, base + 4));
                String label = Style.fit(Style.TICK, h.columns().get(c), rotateColumns ? 120 : (int) (cw * xLabelEvery) - 4);
                if (rotateColumns) {
                    AffineTransform saved = g.getTransform();
                    g.translate(x + 4, base + 8);
                    g.rotate(Math.PI / 2);
                    g.drawString(label, 0, 0);
                    g.setTransform(saved);
                } else {
                    centre(g, label, x, base + 18);
                }
            }
            int labelsBottom = base + (rotateColumns ? Math.min(h.columns().stream()
                    .mapToInt(s -> Style.textWidth(Style.TICK, s)).max().orElse(0), 120) + 8 : 22);
            g.setFont(Style.AXIS_TITLE);
            g.setColor(Style.INK);
            centre(g, f.xLabel(), left + plotWidth / 2.0, labelsBottom + 20);
        }

        private void rowLabels(Graphics2D g) {
            g.setFont(Style.TICK);
            g.setColor(Style.MUTED);
            double ch = cellHeight();
            for (int r = 0; r < h.rows().size(); r += yLabelEvery) {
                double y = TOP + (r + 0.5) * ch;
                g.draw(new Line2D.Double(left - 4, y, left, y));
                String label = Style.fit(Style.TICK, h.rows().get(r), 160);
                g.drawString(label, left - 8 - Style.textWidth(Style.TICK, label), (float) y + 4);
            }
            g.setFont(Style.AXIS_TITLE);
            g.setColor(Style.INK);
            vertical(g, f.yLabel(), 22, TOP + plotHeight / 2.0);
        }

        private void colourBar(Graphics2D g) {
            int x = left + plotWidth + 18;
            int steps = 64;
            for (int i = 0; i < steps; i++) {
                double t = 1 - i / (double) (steps - 1);
                g.setColor(Style.viridis(t));
                g.fill(new Rectangle2D.Double(x, TOP + i * plotHeight / (double) steps, COLOUR_BAR,
                        plotHeight / (double) steps + 0.5));
            }
            g.setColor(Style.MUTED);
            g.draw(new Rectangle2D.Double(x, TOP, COLOUR_BAR, plotHeight));
            g.setFont(Style.TICK);
            for (double tick : ticks) {
                double t = max > min ? (tick - min) / (max - min) : 0.5;
                double y = TOP + (1 - t) * plotHeight;
                g.draw(new Line2D.Double(x + COLOUR_BAR, y, x + COLOUR_BAR + 4, y));
                g.drawString(ClaimCheck.format(tick), x + COLOUR_BAR + 7, (float) y + 4);
            }
            g.setFont(Style.AXIS_TITLE);
            g.setColor(Style.INK);
            vertical(g, h.valueLabel() == null ? "" : h.valueLabel(), x + COLOUR_BAR + 7 + tickLabelWidth + 20,
                    TOP + plotHeight / 2.0);
        }

        /** The series, in cell coordinates, with a white halo so they read on any colour; and their legend. */
        private void overlay(Graphics2D g) {
            double cw = cellWidth();
            double ch = cellHeight();
            int legendTop = height - legendHeight() - 4;
            for (int i = 0; i < f.series().size(); i++) {
                Series s = f.series().get(i);
                Color colour = i == 0 ? Color.WHITE : Style.palette(i);
                double[] x = s.x();
                double[] y = s.y();
                Path2D path = new Path2D.Double();
                boolean started = false;
                for (int k = 0; k < x.length; k++) {
                    if (!Double.isFinite(x[k]) || !Double.isFinite(y[k])) {
                        continue;
                    }
                    double px = left + (x[k] + 0.5) * cw;
                    double py = TOP + (y[k] + 0.5) * ch;
                    if (started) {
                        path.lineTo(px, py);
                    } else {
                        path.moveTo(px, py);
                        started = true;
                    }
                }
                g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(i == 0 ? Style.INK : Color.WHITE);
                g.draw(path);
                g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(colour);
                g.draw(path);
                for (int k = 0; k < x.length; k++) {
                    if (Double.isFinite(x[k]) && Double.isFinite(y[k])) {
                        marker(g, left + (x[k] + 0.5) * cw, TOP + (y[k] + 0.5) * ch, Math.max(3, 10 - 3 * i), colour,
                                i == 0 ? Style.INK : Color.WHITE);
                    }
                }
                int ly = legendTop + 10 + i * Style.LEGEND_LINE + Style.LEGEND_LINE / 2;
                g.setColor(Style.GRID);
                g.fill(new Rectangle2D.Double(left - 2, ly - 8, 32, 16));
                g.setStroke(new BasicStroke(2f));
                g.setColor(colour);
                g.draw(new Line2D.Double(left + 2, ly, left + 26, ly));
                marker(g, left + 14, ly, Math.max(3, 10 - 3 * i), colour, i == 0 ? Style.INK : Color.WHITE);
                g.setColor(Style.INK);
                g.setFont(Style.LEGEND);
                g.drawString(Style.fit(Style.LEGEND, s.name(), width - left - 60), left + 38, ly + 5);
            }
        }

        /** Round values (1, 2 or 5 times a power of ten apart) between min and max, about five of them. */
        static double[] niceTicks(double min, double max) {
            if (!(max > min)) {
                return new double[] {min};
            }
            double raw = (max - min) / 4;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double norm = raw / magnitude;
            double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
            List<Double> out = new ArrayList<>();
            for (double v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
                out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }

        private static void marker(Graphics2D g, double x, double y, double size, Color fill, Color edge) {
            Ellipse2D dot = new Ellipse2D.Double(x - size / 2, y - size / 2, size, size);
            g.setColor(fill);
            g.fill(dot);
            g.setColor(edge);
            g.setStroke(new BasicStroke(1f));
            g.draw(dot);
        }

        private static void centre(Graphics2D g, String text, double x, double y) {
            Font font = g.getFont();
            g.drawString(text, (float) (x - Style.textWidth(font, text) / 2.0), (float) y);
        }

        private static void vertical(Graphics2D g, String text, double x, double y) {
            AffineTransform saved = g.getTransform();
            g.translate(x, y);
            g.rotate(-Math.PI / 2);
            centre(g, text, 0, 0);
            g.setTransform(saved);
        }
    }
}
