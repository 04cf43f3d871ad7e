package org.reprolab.runtime;

/** Where a run is in its life. Every state but QUEUED and RUNNING is final. */
public enum RunStatus {
    QUEUED, RUNNING,
    /** Finished and produced a result (whether or not its claims held). */
    SUCCEEDED,
    /** The experiment threw. */
    FAILED,
    /** Cancelled by a user. */
    CANCELLED,
    /** Stopped because its bundle was stopped, updated or uninstalled, or the platform shut down. */
    ABORTED,
    /** Ran past its time limit. */
    TIMED_OUT,
    /** Found unfinished at start-up: the process running it died (crash, kill -9). */
    INTERRUPTED;

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
