package org.reprolab.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The run records on disk: one folder per run under {@link #root()}. */
public interface RunStore {

    Path root();

    /** All readable run records under the default root, newest first. */
    List<RunRecord> list();

    Optional<RunRecord> read(String runId);

    /**
     * The run records kept under another folder (one given to {@code reprolab run --out}), read the same way;
     * nothing is marked or changed there.
     */
    RunStore at(Path root);
}
