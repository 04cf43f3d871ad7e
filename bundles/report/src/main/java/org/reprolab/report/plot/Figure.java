package org.reprolab.report.plot;

import java.util.List;
import org.reprolab.api.Heatmap;
import org.reprolab.api.ImageGrid;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Series;

/**
 * One figure of a run, ready to draw: what it draws ({@code kind}), how ({@code spec}: the experiment's
 * declaration, or the default line plot for a plot nobody declared), its title and file name, and its data.
 *
 * @param plotId   the plot id its data carries
 * @param spec     the declaration that matched, or a default one
 * @param declared whether the experiment declared it
 * @param title    the figure's title
 * @param fileStem the file name without extension, unique within the run
 * @param series   the curves (for a heat map: those drawn over it)
 * @param heatmap  the heat map, for {@link PlotSpec.Kind#HEATMAP}
 * @param images   the image grid, for {@link PlotSpec.Kind#IMAGE_GRID}
 */
public record Figure(String plotId, PlotSpec spec, boolean declared, String title, String fileStem, List<Series> series,
                     Heatmap heatmap, ImageGrid images) {

    public Figure {
        series = List.copyOf(series);
    }

    /** How this figure is drawn: a heat map or image grid by its data, curves as declared. */
    public PlotSpec.Kind kind() {
        if (heatmap != null) {
            return PlotSpec.Kind.HEATMAP;
        }
        if (images != null) {
            return PlotSpec.Kind.IMAGE_GRID;
        }
        return switch (spec.kind()) {
            case SCATTER, BAR -> spec.kind();
            default -> PlotSpec.Kind.LINE;
        };
    }

    /** The x axis' label: the declaration's, else the first series' (or the heat map's). */
    public String xLabel() {
        if (spec.xLabel() != null) {
            return spec.xLabel();
        }
        if (heatmap != null) {
            return heatmap.xLabel();
        }
        return series.isEmpty() || series.get(0).xLabel() == null ? "" : series.get(0).xLabel();
    }

    /** The y axis' label: the declaration's, else the first series' (or the heat map's). */
    public String yLabel() {
        if (spec.yLabel() != null) {
            return spec.yLabel();
        }
        if (heatmap != null) {
            return heatmap.yLabel();
        }
        return series.isEmpty() || series.get(0).yLabel() == null ? "" : series.get(0).yLabel();
    }
}
