package org.reprolab.report.plot;

import java.util.List;

/**
 * A figure as written: its PNG and SVG, relative to the run's folder, its size in CSS pixels, and what it could
 * not show; or, when it could not be drawn at all, the error (and no files).
 */
public record Plotted(Figure figure, String png, String svg, int width, int height, List<String> notes, String error) {

    public Plotted {
        notes = List.copyOf(notes);
    }

    public boolean drawn() {
        return error == null;
    }
}
