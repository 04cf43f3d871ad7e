package org.reprolab.api;

import java.util.Locale;
import java.util.Objects;

/**
 * One claim of the paper checked against this run: what the paper says, the value expected by the
 * specification, what was measured, and whether the claim held at this scale.
 */
public record ClaimCheck(String id, String statement, String expected, String measured, boolean held) {

    public ClaimCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(measured, "measured");
    }

    /** Holds when {@code measured ≤ bound}; a NaN measurement never holds. */
    public static ClaimCheck atMost(String id, String statement, double measured, double bound) {
        return new ClaimCheck(id, statement, "≤ " + format(bound), format(measured), measured <= bound);
    }

    /** Holds when {@code measured ≥ bound}; a NaN measurement never holds. */
    public static ClaimCheck atLeast(String id, String statement, double measured, double bound) {
        return new ClaimCheck(id, statement, "≥ " + format(bound), format(measured), measured >= bound);
    }

    /** Holds when {@code lo ≤ measured ≤ hi}. */
    public static ClaimCheck between(String id, String statement, double measured, double lo, double hi) {
        return new ClaimCheck(id, statement, "in [" + format(lo) + ", " + format(hi) + "]", format(measured),
                measured >= lo && measured <= hi);
    }

    /** Four significant digits, plain for ordinary magnitudes and scientific otherwise. */
    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
