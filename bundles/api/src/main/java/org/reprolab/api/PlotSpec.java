package org.reprolab.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A figure an experiment declares (see {@link Experiment#plots()}): how the runtime draws the {@link Series},
 * {@link Heatmap}s or {@link ImageGrid}s whose {@code plot} matches {@link #id()}.
 *
 * <p>An id ending in {@code *} is a family of figures: it matches every plot id that starts with the text before
 * the star, one figure per matching plot id (e.g. {@code "mse-vs-trees-*"} matches
 * {@code "mse-vs-trees-500-leaves-bootstrap"}, titled after the declaration and the rest of the id).
 *
 * @param id     the plot id (or a family of ids, see above): lower-case words and digits joined by dashes, dots or slashes
 * @param title  what the figure shows, in words
 * @param kind   how the figure is drawn
 * @param xLabel the x axis' label; null takes the series' own
 * @param yLabel the y axis' label; null takes the series' own
 * @param logScaleX whether the x axis is logarithmic (points with x ≤ 0 are then left out)
 * @param logScaleY whether the y axis is logarithmic (points with y ≤ 0 are then left out)
 * @param dashed series whose name contains this text are drawn dashed, in a darker shade of the colour of the last
 *               plain series before them (e.g. "theory" right after the measured curve it predicts); null for none
 * @param marked series whose name contains this text are drawn as points without a line, in the colour of the
 *               last plain series before them (e.g. "optimum" right after its curve); null for none
 */
public record PlotSpec(String id, String title, Kind kind, String xLabel, String yLabel, boolean logScaleX,
                       boolean logScaleY, String dashed, String marked) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+([-./][a-z0-9]+)*([-./]?\\*)?");

    /** How a figure is drawn. */
    public enum Kind {
        /** Series as lines through their points (markers where there are few), error bars where given. */
        LINE,
        /** Series as unconnected points. */
        SCATTER,
        /** Series as grouped bars, one group per distinct x value. */
        BAR,
        /** One {@link Heatmap} per figure, with the series of the same plot drawn over it in cell coordinates. */
        HEATMAP,
        /** One {@link ImageGrid} per figure. */
        IMAGE_GRID
    }

    public PlotSpec {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("plot id '" + id
                    + "' must be lower-case words, digits, dashes, dots or slashes, optionally ending in '*'");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
    }

    /** A line plot with linear axes. */
    public static PlotSpec line(String id, String title) {
        return new PlotSpec(id, title, Kind.LINE, null, null, false, false, null, null);
    }

    /** A scatter plot with linear axes. */
    public static PlotSpec scatter(String id, String title) {
        return new PlotSpec(id, title, Kind.SCATTER, null, null, false, false, null, null);
    }

    /** A grouped bar chart. */
    public static PlotSpec bar(String id, String title) {
        return new PlotSpec(id, title, Kind.BAR, null, null, false, false, null, null);
    }

    /** A heat map. */
    public static PlotSpec heatmap(String id, String title) {
        return new PlotSpec(id, title, Kind.HEATMAP, null, null, false, false, null, null);
    }

    /** A grid of images. */
    public static PlotSpec imageGrid(String id, String title) {
        return new PlotSpec(id, title, Kind.IMAGE_GRID, null, null, false, false, null, null);
    }

    /** This figure with a logarithmic x axis. */
    public PlotSpec logX() {
        return new PlotSpec(id, title, kind, xLabel, yLabel, true, logScaleY, dashed, marked);
    }

    /** This figure with a logarithmic y axis. */
    public PlotSpec logY() {
        return new PlotSpec(id, title, kind, xLabel, yLabel, logScaleX, true, dashed, marked);
    }

    /** This figure with both axes logarithmic. */
    public PlotSpec logLog() {
        return new PlotSpec(id, title, kind, xLabel, yLabel, true, true, dashed, marked);
    }

    /** This figure with its own axis labels (null keeps the series' own). */
    public PlotSpec labels(String x, String y) {
        return new PlotSpec(id, title, kind, x, y, logScaleX, logScaleY, dashed, marked);
    }

    /** This figure, drawing dashed the series whose name contains {@code text}. */
    public PlotSpec dashed(String text) {
        return new PlotSpec(id, title, kind, xLabel, yLabel, logScaleX, logScaleY, text, marked);
    }

    /** This figure, drawing as points the series whose name contains {@code text} (e.g. an optimum on its curve). */
    public PlotSpec marked(String text) {
        return new PlotSpec(id, title, kind, xLabel, yLabel, logScaleX, logScaleY, dashed, text);
    }

    /** Whether this declaration is a family of figures (its id ends in {@code *}). */
    public boolean isFamily() {
        return id.endsWith("*");
    }

    /** Whether this declaration draws the plot with the given id. */
    public boolean matches(String plotId) {
        return isFamily() ? plotId.startsWith(id.substring(0, id.length() - 1)) : id.equals(plotId);
    }
}
