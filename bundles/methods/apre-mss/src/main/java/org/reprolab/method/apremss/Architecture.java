package org.reprolab.method.apremss;

import java.util.ArrayList;
import java.util.List;

/**
 * The layer widths of the authors' symmetric auto-encoder, chosen by the input dimension d: d &lt; 20 keeps a
 * d-wide hidden layer around a d/2 code; 20 ≤ d &lt; 100 narrows d → d/2 → d/4; d ≥ 100 narrows d → d/2 → d/4 → d/8
 * (d/16 as the code when d ≥ 200). The decoder mirrors the encoder.
 */
final class Architecture {

    private Architecture() {
    }

    /** The widths from the input to the code, inclusive: the encoder's layer sizes. */
    static int[] encoderWidths(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("input dimension must be ≥ 1, got " + d);
        }
        List<Integer> widths = new ArrayList<>(List.of(d));
        if (d < 20) {
            widths.add(d);
            widths.add(d / 2);
        } else if (d < 100) {
            widths.add(d / 2);
            widths.add(d / 4);
        } else {
            widths.add(d / 2);
            widths.add(d / 4);
            widths.add(d >= 200 ? d / 16 : d / 8);
        }
        return widths.stream().mapToInt(w -> Math.max(1, w)).toArray();
    }

    /** The full width sequence input → code → output (the encoder followed by its mirror). */
    static int[] widths(int d) {
        int[] enc = encoderWidths(d);
        int[] all = new int[2 * enc.length - 1];
        for (int i = 0; i < enc.length; i++) {
            all[i] = enc[i];
            all[all.length - 1 - i] = enc[i];
        }
        return all;
    }
}
