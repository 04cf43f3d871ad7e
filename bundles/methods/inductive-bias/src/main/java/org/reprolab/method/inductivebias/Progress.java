package org.reprolab.method.inductivebias;

import org.reprolab.api.RunContext;

/** Counts finished units of work across sections and parallel tasks, reporting them one at a time. */
final class Progress {

    private final RunContext ctx;
    private final long total;
    private long done;

    Progress(RunContext ctx, long total) {
        this.ctx = ctx;
        this.total = total;
    }

    synchronized void tick(String message) {
        done++;
        ctx.progress(done, total, message);
    }
}
