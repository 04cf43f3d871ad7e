package org.reprolab.report.html;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.reprolab.runtime.RunStatus;

/** How times, durations and statuses read on the pages. */
final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** "0.8 s", "42 s", "3 min 05 s", "2 h 07 min". */
    static String duration(double seconds) {
        if (!(seconds >= 0)) {
            return "–";
        }
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    /** An ISO-8601 instant as "2026-01-31 14:05 UTC"; what does not parse as it is; null as "–". */
    static String when(String iso) {
        if (iso == null) {
            return "–";
        }
        try {
            return WHEN.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    static String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** "succeeded", "timed out", … and the CSS class of its badge. */
    static String status(RunStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String statusClass(RunStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** The record's status, or null when the text names none (a record from a newer runtime). */
    static RunStatus statusOf(String text) {
        try {
            return text == null ? null : RunStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
