package org.reprolab.method.raescore;

import org.reprolab.api.RunContext;

/** Counts finished units of work across the run's sections, reporting them one at a time. */
final class Progress {

    private final RunContext ctx;
    private final long total;
    private long done;

    Progress(RunContext ctx, long total) {
        this.ctx = ctx;
        this.total = total;
    }

    void tick(String message) {
        done++;
        ctx.progress(done, total, message);
    }
}
