package org.reprolab.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.api.Heatmap;
import org.reprolab.api.ImageGrid;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Series;

class FigurePlanTest {

    private static Series s(String plot, String name) {
        return Series.of(plot, name, "x", "y", new double[] {1, 2}, new double[] {3, 4});
    }

    @Test
    void declaredFiguresComeFirstInDeclarationOrderAndNothingIsLost() {
        List<PlotSpec> specs = List.of(PlotSpec.line("mse-vs-trees-*", "Test MSE vs trees").logY(),
                PlotSpec.bar("noise", "Forest vs tree"), PlotSpec.line("mse-vs-trees-30-leaves-bootstrap", "Exact"));
        List<Figure> figures = FigurePlan.of(specs, List.of(s("stray/Plot #1", "a"), s("noise", "b"),
                s("mse-vs-trees-30-leaves-no-bootstrap", "c"), s("mse-vs-trees-30-leaves-bootstrap", "d"),
                s("noise", "e")), List.of(), List.of());
        assertEquals(List.of("mse-vs-trees-30-leaves-no-bootstrap", "noise", "mse-vs-trees-30-leaves-bootstrap", "stray/Plot #1"),
                figures.stream().map(Figure::plotId).toList());
        assertEquals("Test MSE vs trees — 30 leaves no bootstrap", figures.get(0).title());
        assertTrue(figures.get(0).spec().logScaleY());
        assertEquals(PlotSpec.Kind.BAR, figures.get(1).kind());
        assertEquals(2, figures.get(1).series().size());
        assertEquals("Exact", figures.get(2).title(), "an exact declaration wins over a family");
        Figure stray = figures.get(3);
        assertFalse(stray.declared());
        assertEquals(PlotSpec.Kind.LINE, stray.kind());
        assertEquals("stray Plot #1", stray.title());
        assertEquals("stray-plot-1", stray.fileStem());
    }

    @Test
    void heatmapsAndImageGridsGetAFigureEachWithUniqueFiles() {
        Heatmap a = new Heatmap("grid", "first", "x", "y", "v", List.of("c"), List.of("r"), new double[][] {{1}});
        Heatmap b = new Heatmap("grid", "second", "x", "y", "v", List.of("c"), List.of("r"), new double[][] {{2}});
        ImageGrid g = new ImageGrid("grid.images", "pics", 1, 1, 1, 0, List.of(new float[1]), null);
        List<Figure> figures = FigurePlan.of(List.of(PlotSpec.heatmap("grid", "Grid")), List.of(s("grid", "overlay")),
                List.of(a, b), List.of(g));
        assertEquals(3, figures.size());
        assertEquals(List.of("grid", "grid-2", "grid.images"), figures.stream().map(Figure::fileStem).toList());
        assertEquals("Grid — first", figures.get(0).title());
        assertEquals(1, figures.get(0).series().size(), "the grid's series are drawn over each of its heat maps");
        assertEquals(PlotSpec.Kind.IMAGE_GRID, figures.get(2).kind());
    }

    @Test
    void axisLabelsComeFromTheDeclarationElseTheData() {
        Figure declared = FigurePlan.of(List.of(PlotSpec.line("p", "P").labels("N", null)), List.of(s("p", "a")),
                List.of(), List.of()).get(0);
        assertEquals("N", declared.xLabel());
        assertEquals("y", declared.yLabel());
    }
}
