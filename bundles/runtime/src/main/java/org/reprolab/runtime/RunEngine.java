package org.reprolab.runtime;

import java.util.List;
import java.util.Optional;

/** Queues and executes runs with bounded concurrency and a per-run time limit. */
public interface RunEngine {

    /**
     * Validates the request and queues the run. Nothing is written when the request is bad.
     *
     * @throws BadRequestException unknown experiment, unknown/invalid parameter, unknown backend
     */
    RunHandle submit(RunRequest request);

    /** Runs queued or running in this process. */
    List<RunHandle> active();

    Optional<RunHandle> active(String runId);

    /** Cancels a queued or running run; false if no such active run. */
    boolean cancel(String runId);
}
