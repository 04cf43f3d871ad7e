package org.reprolab.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The look every figure shares: size, fonts and colours (matplotlib's tab10, which researchers read at a glance). */
final class Style {

    static final int WIDTH = 880;
    static final int PLOT_HEIGHT = 500;
    static final int LEGEND_LINE = 19;

    static final Color INK = new Color(0x22, 0x26, 0x2e);
    static final Color MUTED = new Color(0x5b, 0x63, 0x70);
    static final Color GRID = new Color(0xe6, 0xe8, 0xec);
    static final Color EMPTY = new Color(0xf1, 0xf2, 0xf4);

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 5f}, 0f);

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    /** Viridis, sampled at nine points: perceptually even and readable in grey. */
    private static final Color[] VIRIDIS = {
        new Color(0x440154), new Color(0x472c7a), new Color(0x3b518b), new Color(0x2c718e), new Color(0x21908d),
        new Color(0x27ad81), new Color(0x5cc863), new Color(0xaadc32), new Color(0xfde725)};

    private static final Graphics2D MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();

    private Style() {
    }

    static Color[] palette() {
        return PALETTE.clone();
    }

    static Color palette(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** The colour of {@code t} in [0, 1] on the viridis scale. */
    static Color viridis(double t) {
        double x = Math.clamp(t, 0, 1) * (VIRIDIS.length - 1);
        int i = Math.min((int) x, VIRIDIS.length - 2);
        double f = x - i;
        Color a = VIRIDIS[i];
        Color b = VIRIDIS[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    /** A darker shade of a colour, for the dashed partner of a curve. */
    static Color darker(Color c) {
        return new Color((int) (c.getRed() * 0.62), (int) (c.getGreen() * 0.62), (int) (c.getBlue() * 0.62));
    }

    /** Dark text on light cells, light text on dark ones. */
    static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return luminance > 140 ? INK : Color.WHITE;
    }

    static int textWidth(Font font, String text) {
        synchronized (MEASURE) {
            return MEASURE.getFontMetrics(font).stringWidth(text);
        }
    }

    static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    /**
     * Starts a hand-drawn figure: smooth rendering, a white page of {@code width}×{@code height}, and the title
     * centred on top, cut to fit within {@code margin} of each side. Leaves the ink colour set.
     */
    static void page(Graphics2D g, String title, int width, int height, int margin) {
        smooth(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(INK);
        g.setFont(TITLE);
        String fitted = fit(TITLE, title, width - 2 * margin);
        g.drawString(fitted, (width - textWidth(TITLE, fitted)) / 2f, 28);
    }

    /** {@code text} cut with an ellipsis to fit {@code width} pixels. */
    static String fit(Font font, String text, int width) {
        if (textWidth(font, text) <= width) {
            return text;
        }
        String s = text;
        while (!s.isEmpty() && textWidth(font, s + "…") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
