package org.reprolab.runtime;

/** Receives a run's progress reports. Called on the run's thread: keep it quick. */
@FunctionalInterface
public interface ProgressListener {
    void progress(long done, long total, String message);
}
