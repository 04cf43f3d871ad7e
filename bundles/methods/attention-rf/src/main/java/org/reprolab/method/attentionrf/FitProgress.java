package org.reprolab.method.attentionrf;

import org.reprolab.api.RunContext;

/**
 * Counts finished (model, N, seed, n) fits for the progress bar and passes cancellation checks through.
 * Thread-safe: learning curves are measured in parallel.
 */
final class FitProgress {

    private final RunContext ctx;
    private final long total;
    private long done;

    FitProgress(RunContext ctx, long total) {
        this.ctx = ctx;
        this.total = total;
    }

    synchronized void fitDone(String what) {
        ctx.checkCancelled();
        done++;
        ctx.progress(done, total, what);
    }

    void checkpoint() {
        ctx.checkCancelled();
    }
}
