package org.reprolab.method.forestssmoothers;

import org.reprolab.api.RunContext;

/**
 * Counts fitted trees for the run's progress bar and checks for cancellation after every tree (a tree
 * takes milliseconds, so cancellation is noticed well within a second). Thread-safe: forests are grown
 * in parallel.
 */
final class TreeProgress {

    private static final long REPORT_EVERY_NANOS = 250_000_000L;

    private final RunContext ctx;
    private final long total;
    private long done;
    private long lastReport = System.nanoTime();
    private String stage = "";

    TreeProgress(RunContext ctx, long totalTrees) {
        this.ctx = ctx;
        this.total = totalTrees;
    }

    synchronized void stage(String name) {
        stage = name;
        ctx.checkCancelled();
        ctx.progress(done, total, name);
    }

    synchronized void treeDone() {
        ctx.checkCancelled();
        done++;
        long now = System.nanoTime();
        if (now - lastReport >= REPORT_EVERY_NANOS || done == total) {
            lastReport = now;
            ctx.progress(done, total, stage);
        }
    }
}
