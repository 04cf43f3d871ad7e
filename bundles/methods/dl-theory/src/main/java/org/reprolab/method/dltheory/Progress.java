package org.reprolab.method.dltheory;

import org.reprolab.api.RunContext;

/**
 * Counts finished units of work (network chunks, kurtosis chunks, training runs) across the three parts and their
 * parallel tasks, and checks for cancellation at each one.
 */
final class Progress {

    private final RunContext ctx;
    private final long total;
    private long done;

    Progress(RunContext ctx, long total) {
        this.ctx = ctx;
        this.total = total;
    }

    synchronized void tick(String message) {
        ctx.checkCancelled();
        done++;
        ctx.progress(done, total, message);
    }

    void checkCancelled() {
        ctx.checkCancelled();
    }
}
