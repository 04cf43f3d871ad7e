package org.reprolab.api;

/**
 * Counts finished units of work of a run — across its sections and parallel tasks — and reports each one through
 * {@link RunContext#progress}, checking for cancellation first. Thread-safe.
 *
 * <pre>{@code
 * ProgressCounter progress = new ProgressCounter(ctx, seeds * sizes);
 * ... progress.tick("seed " + s + ", n = " + n);
 * }</pre>
 */
public final class ProgressCounter {
    private final RunContext ctx;
    private final long total;
    private long done;

    /** A counter of {@code total} units, none done yet. */
    public ProgressCounter(RunContext ctx, long total) {
        if (total < 0) {
            throw new IllegalArgumentException("a negative amount of work: " + total);
        }
        this.ctx = ctx;
        this.total = total;
    }

    /** One more unit is done: checks for cancellation, then reports {@code message} with the new count. */
    public synchronized void tick(String message) {
        ctx.checkCancelled();
        done++;
        ctx.progress(done, total, message);
    }

    /** Checks for cancellation without counting (for long units). */
    public void checkCancelled() {
        ctx.checkCancelled();
    }

    public long total() {
        return total;
    }

    /** Units reported so far. */
    public synchronized long done() {
        return done;
    }
}
