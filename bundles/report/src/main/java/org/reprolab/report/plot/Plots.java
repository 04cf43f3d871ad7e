package org.reprolab.report.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.reprolab.report.AtomicWrite;

/** Draws figures and writes each as PNG (at twice its size, for sharp text on any screen) and SVG. */
public final class Plots {

    /** The folder of a run that receives its plots. */
    public static final String FOLDER = "plots";

    private static final int PNG_SCALE = 2;

    private Plots() {
    }

    /**
     * Draws every figure into {@code runDir/plots}. A figure that cannot be drawn does not stop the others: it comes
     * back with its error.
     */
    public static List<Plotted> write(List<Figure> figures, Path runDir) {
        List<Plotted> out = new ArrayList<>();
        for (Figure f : figures) {
            try {
                Drawing d = draw(f);
                String png = FOLDER + "/" + f.fileStem() + ".png";
                String svg = FOLDER + "/" + f.fileStem() + ".svg";
                AtomicWrite.write(runDir.resolve(png), png(d.painting()));
                AtomicWrite.write(runDir.resolve(svg), svg(d.painting()));
                out.add(new Plotted(f, png, svg, d.painting().width(), d.painting().height(), d.notes(), null));
            } catch (IOException | RuntimeException e) {
                out.add(new Plotted(f, null, null, 0, 0, List.of(), e.toString()));
            }
        }
        return out;
    }

    static Drawing draw(Figure f) {
        return switch (f.kind()) {
            case HEATMAP -> HeatmapChart.draw(f);
            case IMAGE_GRID -> ImageGridChart.draw(f);
            case LINE, SCATTER, BAR -> CurveChart.draw(f);
        };
    }

    static byte[] png(Painting p) throws IOException {
        BufferedImage image = new BufferedImage(p.width() * PNG_SCALE, p.height() * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(PNG_SCALE, PNG_SCALE);
            p.paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        return bytes.toByteArray();
    }

    static byte[] svg(Painting p) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        p.paint(g);
        Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, p.width(), p.height()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.writeTo(bytes);
        return bytes.toByteArray();
    }
}
