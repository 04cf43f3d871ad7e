package org.reprolab.tensor.jvm;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/** Fixed, timing-independent partitions of an index range over a fork/join pool. */
final class Parallel {
    private Parallel() {
    }

    @FunctionalInterface
    interface Range {
        void run(int lo, int hi);
    }

    /** Splits [0, n) into the pool's parallelism many equal chunks and waits for all of them. */
    static void forRange(ForkJoinPool pool, int n, Range body) {
        int tasks = pool == null ? 1 : Math.min(pool.getParallelism(), n);
        if (tasks <= 1) {
            body.run(0, n);
            return;
        }
        RecursiveAction[] parts = new RecursiveAction[tasks];
        for (int t = 0; t < tasks; t++) {
            int lo = (int) ((long) n * t / tasks);
            int hi = (int) ((long) n * (t + 1) / tasks);
            parts[t] = new RecursiveAction() {
                @Override
                protected void compute() {
                    body.run(lo, hi);
                }
            };
        }
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
            RecursiveAction.invokeAll(parts);
        } else {
            pool.invoke(new RecursiveAction() {
                @Override
                protected void compute() {
                    invokeAll(parts);
                }
            });
        }
    }
}
