package org.reprolab.report.plot;

import java.util.List;

/** A figure ready to be written, and what it could not show (points left out, …), for its caption. */
record Drawing(Painting painting, List<String> notes) {

    Drawing {
        notes = List.copyOf(notes);
    }
}
