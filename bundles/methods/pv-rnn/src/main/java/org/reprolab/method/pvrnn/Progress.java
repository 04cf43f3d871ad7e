package org.reprolab.method.pvrnn;

import org.reprolab.api.RunContext;

/** Counts finished training epochs across models trained in parallel, checking cancellation at each. */
final class Progress {

    private final RunContext ctx;
    private final long total;
    private long done;

    Progress(RunContext ctx, long total) {
        this.ctx = ctx;
        this.total = total;
    }

    /** The per-epoch callback of one model's training. */
    Runnable epoch(String model) {
        return () -> {
            ctx.checkCancelled();
            tick(model);
        };
    }

    private synchronized void tick(String model) {
        done++;
        if (done % 50 == 0 || done == total) {
            ctx.progress(done, total, "training " + model);
        }
    }
}
