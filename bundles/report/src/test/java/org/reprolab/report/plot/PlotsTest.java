package org.reprolab.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.api.Heatmap;
import org.reprolab.api.ImageGrid;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Series;
import org.w3c.dom.Document;

/** Every kind of figure comes out as a PNG that decodes and an SVG that parses, at the size it says. */
class PlotsTest {

    @TempDir
    Path dir;

    private static final Series RISING = new Series("curves", "measured <b>&</b> \"quoted\"", "features N", "test MSE",
            new double[] {16, 32, 64, 128}, new double[] {0.9, 0.5, 0.3, 0.2}, new double[] {0.05, 0.04, 0.03, 0.02});
    private static final Series THEORY = Series.of("curves", "theory", "features N", "test MSE",
            new double[] {16, 32, 64, 128}, new double[] {0.85, 0.52, 0.31, 0.19});

    private Plotted writeOne(Figure f) throws Exception {
        List<Plotted> out = Plots.write(List.of(f), dir);
        assertEquals(1, out.size());
        Plotted p = out.get(0);
        assertNull(p.error(), "drawn without error");
        BufferedImage png = ImageIO.read(dir.resolve(p.png()).toFile());
        assertNotNull(png, "the PNG decodes");
        assertEquals(2 * p.width(), png.getWidth());
        assertEquals(2 * p.height(), png.getHeight());
        assertTrue(distinctColours(png) > 4, "the PNG is not blank");
        byte[] svg = Files.readAllBytes(dir.resolve(p.svg()));
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = xml.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue(doc.getDocumentElement().getAttribute("width").startsWith(Integer.toString(p.width())),
                doc.getDocumentElement().getAttribute("width"));
        try (var files = Files.list(dir.resolve(Plots.FOLDER))) {
            assertTrue(files.noneMatch(x -> x.getFileName().toString().contains(".tmp-")), "no temporary file is left");
        }
        return p;
    }

    private static Figure figure(PlotSpec spec, List<Series> series, Heatmap h, ImageGrid g) {
        return FigurePlan.of(List.of(spec), series, h == null ? List.of() : List.of(h), g == null ? List.of() : List.of(g)).get(0);
    }

    @Test
    void aLogLogLinePlotLeavesOutWhatALogAxisCannotShowAndSaysSo() throws Exception {
        Series withZero = Series.of("curves", "ridgeless", "features N", "test MSE", new double[] {0, 16, 32}, new double[] {1, 0, 0.4});
        Plotted p = writeOne(figure(PlotSpec.line("curves", "MSE vs N").logLog().dashed("theory"),
                List.of(RISING, THEORY, withZero), null, null));
        assertEquals(List.of("'ridgeless': 2 of 3 points left out (≤ 0 on a log axis, or not finite)"), p.notes());
    }

    @Test
    void aLogAxisOverManyDecadesIsDrawnAsLog10WithMarkedPoints() throws Exception {
        Series path = Series.of("ratio", "empirical", "R", "MSE", new double[] {1e-25, 1e-12, 1e-3, 0.5}, new double[] {1, 0.9, 0.7, 0.8});
        Series optimum = Series.of("ratio", "empirical optimum", "R", "MSE", new double[] {1e-3}, new double[] {0.7});
        Plotted p = writeOne(figure(PlotSpec.line("ratio", "MSE vs R").logX().marked("optimum"), List.of(path, optimum), null, null));
        assertEquals(List.of("x drawn as log₁₀: the values span 25 decades"), p.notes());
    }

    @Test
    void scatterAndBarPlotsRender() throws Exception {
        writeOne(figure(PlotSpec.scatter("curves", "scatter"), List.of(RISING, THEORY), null, null));
        Series other = new Series("curves", "tree", "σ", "MSE", new double[] {0, 1, 2}, new double[] {0.5, 1.2, 2.2},
                new double[] {0.1, 0.1, 0.2});
        Series partial = Series.of("curves", "forest", "σ", "MSE", new double[] {1, 2}, new double[] {0.6, 1.1});
        writeOne(figure(PlotSpec.bar("curves", "bars"), List.of(other, partial), null, null));
    }

    @Test
    void aHeatmapRendersWithItsOverlayAndEmptyCells() throws Exception {
        double[][] v = new double[6][12];
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 12; c++) {
                v[r][c] = Math.log10(1 + Math.abs(c - 2 * r)) - r * 0.1;
            }
        }
        v[0][0] = Double.NaN;
        List<String> cols = java.util.stream.IntStream.range(0, 12).mapToObj(c -> "1e-" + c).toList();
        List<String> rows = List.of("4096", "1024", "256", "64", "16", "4");
        Heatmap h = new Heatmap("grid", "log10 MSE", "ridge δ", "features N", "log₁₀ test MSE", cols, rows, v);
        Series optimum = Series.of("grid", "optimal ridge", "", "", new double[] {0, 2, 4, 6, 8, 10}, new double[] {0, 1, 2, 3, 4, 5});
        Plotted p = writeOne(figure(PlotSpec.heatmap("grid", "Test MSE over (δ, N)"), List.of(optimum), h, null));
        assertEquals(List.of("1 cell without a finite value, drawn empty"), p.notes());
        Heatmap small = new Heatmap("grid", "confusion", "predicted", "true", "count", List.of("a", "b"), List.of("a", "b"),
                new double[][] {{5, 1}, {0, 7}});
        writeOne(figure(PlotSpec.heatmap("grid", "Confusion"), List.of(), small, null));
    }

    @Test
    void imageGridsRenderInGreyAndColour() throws Exception {
        float[] grey = new float[28 * 28];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (i % 28) / 27f;
        }
        ImageGrid g = new ImageGrid("samples", "digits", 28, 28, 1, 0, List.of(grey, grey, grey, grey, grey),
                List.of("0", "1", "2", "3", "a long label that will not fit"));
        writeOne(figure(PlotSpec.imageGrid("samples", "Samples"), List.of(), null, g));
        float[] rgb = new float[4 * 4 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = i % 3 == 0 ? 1.5f : 0.2f;
        }
        Plotted p = writeOne(figure(PlotSpec.imageGrid("samples", "Colour"), List.of(), null,
                new ImageGrid("samples", "rgb", 4, 4, 3, 2, List.of(rgb, rgb), null)));
        assertEquals(List.of("32 pixel values outside [0, 1], clipped"), p.notes());
    }

    @Test
    void aFigureThatCannotBeWrittenDoesNotStopTheOthers() throws Exception {
        // a folder where the first figure's PNG should go: that file cannot be written
        Files.createDirectories(dir.resolve(Plots.FOLDER).resolve("blocked.png").resolve("inside"));
        Series blocked = Series.of("blocked", "a", "x", "y", new double[] {1, 2}, new double[] {1, 2});
        Series fine = Series.of("fine", "b", "x", "y", new double[] {1, 2}, new double[] {2, 1});
        List<Plotted> out = Plots.write(FigurePlan.of(List.of(), List.of(blocked, fine), List.of(), List.of()), dir);
        assertEquals(2, out.size());
        assertFalse(out.get(0).drawn());
        assertTrue(out.get(0).error().contains("blocked.png"), out.get(0).error());
        assertTrue(out.get(1).drawn());
        assertTrue(Files.isRegularFile(dir.resolve(out.get(1).png())));
    }

    @Test
    void emptyFiguresStillRender() throws Exception {
        writeOne(figure(PlotSpec.heatmap("e", "empty"), List.of(), new Heatmap("e", "none", "x", "y", "v", List.of(),
                List.of(), new double[0][]), null));
        Plotted p = writeOne(figure(PlotSpec.line("e", "nothing positive").logY(),
                List.of(Series.of("e", "zeros", "x", "y", new double[] {1, 2}, new double[] {0, 0})), null, null));
        assertTrue(p.notes().contains("no point to draw"), p.notes().toString());
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
