package org.reprolab.method.posteriorcollapse;

import org.reprolab.api.RunContext;

/** Counts finished units of work across the parts, reporting them one at a time. */
final class Progress {
    private final RunContext ctx;
    private final long total;
    private long done;

    Progress(RunContext ctx, long total) {
        this.ctx = ctx;
        this.total = total;
    }

    void tick(String message) {
        done = Math.min(total, done + 1);
        ctx.progress(done, total, message);
        ctx.log().debug(message);
    }
}
