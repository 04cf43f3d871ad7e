package org.reprolab.report.plot;

import java.awt.Graphics2D;

/** A drawing of known size, painted the same way onto a bitmap (PNG) or a vector canvas (SVG). */
interface Painting {

    int width();

    int height();

    /** Paints the whole drawing, background included, at the origin. */
    void paint(Graphics2D g);
}
