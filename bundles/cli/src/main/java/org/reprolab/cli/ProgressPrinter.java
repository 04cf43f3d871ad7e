package org.reprolab.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.reprolab.runtime.ProgressListener;

/**
 * Shows a run's progress: a redrawn bar on a terminal, otherwise a plain line at most every few seconds
 * (and at every 10 % step) so that CI logs stay readable.
 */
final class ProgressPrinter implements ProgressListener {

    private static final int BAR = 30;
    private static final long PLAIN_INTERVAL_NS = 5_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final long t0 = System.nanoTime();
    private long lastPlain = Long.MIN_VALUE;
    private int lastDecile = -1;
    private boolean drawn;

    ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        double f = total <= 0 ? 0 : Math.min(1, Math.max(0, done / (double) total));
        long now = System.nanoTime();
        String elapsed = String.format(Locale.ROOT, "%5.1fs", (now - t0) / 1e9);
        String text = message == null ? "" : message;
        if (terminal) {
            int filled = (int) Math.round(f * BAR);
            String line = String.format(Locale.ROOT, "\r[%s%s] %3.0f%% %s %s", "#".repeat(filled), ".".repeat(BAR - filled),
                    100 * f, elapsed, text);
            out.print(line.length() > 119 ? line.substring(0, 119) : line + "\u001b[K");
            out.flush();
            drawn = true;
        } else {
            int decile = (int) Math.floor(f * 10);
            if (decile != lastDecile || now - lastPlain >= PLAIN_INTERVAL_NS) {
                out.printf(Locale.ROOT, "progress %3.0f%% %s %s%n", 100 * f, elapsed, text);
                lastDecile = decile;
                lastPlain = now;
            }
        }
    }

    /** Ends the bar's line so that what follows starts on a fresh one. */
    synchronized void finish() {
        if (terminal && drawn) {
            out.println();
        }
    }
}
