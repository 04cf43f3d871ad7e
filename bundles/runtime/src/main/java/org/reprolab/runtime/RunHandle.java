package org.reprolab.runtime;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** A submitted run. */
public interface RunHandle {

    String runId();

    /** The run's folder (run.json, metrics.csv, run.log, artifacts). */
    Path dir();

    RunStatus status();

    /** Completes with the final record when the run has ended, whatever the outcome. */
    CompletableFuture<RunRecord> completion();

    /** Asks the run to stop; it is recorded as cancelled. */
    void cancel();

    void addProgressListener(ProgressListener listener);
}
