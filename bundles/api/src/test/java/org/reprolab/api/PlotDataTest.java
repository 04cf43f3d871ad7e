package org.reprolab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlotDataTest {

    @Test
    void aSpecMatchesItsIdOrAFamilyOfIds() {
        PlotSpec exact = PlotSpec.line("mse-vs-offset", "MSE vs offset");
        assertTrue(exact.matches("mse-vs-offset"));
        assertFalse(exact.matches("mse-vs-offset-2"));
        PlotSpec family = PlotSpec.line("mse-vs-trees-*", "MSE vs trees").logY();
        assertTrue(family.isFamily());
        assertTrue(family.matches("mse-vs-trees-500-leaves-bootstrap"));
        assertFalse(family.matches("mse-vs-offset"));
        assertTrue(family.logScaleY() && !family.logScaleX());
        PlotSpec styled = PlotSpec.line("p", "t").dashed("theory").marked("optimum").logLog().labels("N", null);
        assertEquals("theory", styled.dashed());
        assertEquals("optimum", styled.marked());
        assertTrue(styled.logScaleX() && styled.logScaleY());
        assertEquals("N", styled.xLabel());
        assertTrue(PlotSpec.line("mse-vs-fitting-ratio*", "t").matches("mse-vs-fitting-ratio/a1.5-b3-n64"));
    }

    @Test
    void badSpecIdsAreRefusedWithTheId() {
        var e = assertThrows(IllegalArgumentException.class, () -> PlotSpec.line("MSE vs N", "t"));
        assertTrue(e.getMessage().contains("'MSE vs N'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlotSpec.line("a*b", "t"));
    }

    @Test
    void aHeatmapNeedsOneValuePerCellAndKeepsItsOwnCopy() {
        double[][] v = {{1, 2, 3}, {4, 5, 6}};
        Heatmap h = new Heatmap("p", "mse", "δ", "N", "MSE", List.of("a", "b", "c"), List.of("r1", "r2"), v);
        v[0][0] = 99;
        assertEquals(1, h.value(0, 0));
        assertEquals(6, h.values()[1][2]);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Heatmap("p", "mse", "x", "y", "z", List.of("a", "b"), List.of("r1", "r2"), new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1 has 1 values for 2 column labels"), e.getMessage());
    }

    @Test
    void anImageGridChecksShapesAndLabels() {
        ImageGrid g = new ImageGrid("samples", "digits", 2, 3, 1, 0, List.of(new float[6], new float[6]), null);
        assertEquals(2, g.size());
        assertEquals(List.of(), g.labels());
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ImageGrid("s", "rgb", 2, 2, 3, 0, List.of(new float[4]), List.of("x")));
        assertTrue(e.getMessage().contains("image 0 has 4 values, expected 2 × 2 × 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ImageGrid("s", "two", 1, 1, 1, 0, List.of(new float[1], new float[1]), List.of("only one")));
    }

    @Test
    void aResultCarriesHeatmapsAndImageGrids() {
        Result r = Result.builder()
                .heatmap(new Heatmap("h", "m", "x", "y", "z", List.of("a"), List.of("b"), new double[][] {{1}}))
                .imageGrid(new ImageGrid("g", "i", 1, 1, 1, 1, List.of(new float[] {0.5f}), List.of("one")))
                .build();
        assertEquals(1, r.heatmaps().size());
        assertEquals(0.5f, r.imageGrids().get(0).pixel(0, 0, 0, 0));
    }
}
