package org.reprolab.method.testerlearner;

import org.reprolab.api.RunContext;

/**
 * Counts finished trials for the run's progress bar and passes the learner's checkpoints on to the run's
 * cancellation check (every 100 PSGD steps, a few milliseconds). Thread-safe: trials run in parallel.
 */
final class TrialProgress {

    private final RunContext ctx;
    private final long total;
    private long done;

    TrialProgress(RunContext ctx, long total) {
        this.ctx = ctx;
        this.total = total;
        ctx.progress(0, total, "tester-learner trials");
    }

    void checkpoint() {
        ctx.checkCancelled();
    }

    synchronized void trialDone(Trial.Outcome o) {
        ctx.checkCancelled();
        done++;
        ctx.progress(done, total, o.setting().label() + " run " + o.run() + (o.accepted() ? " accepted" : " rejected"));
    }
}
