package org.reprolab.runtime.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.reprolab.api.Result;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunStatus;

/** Copies of a {@link RunRecord} with some fields changed. */
final class RunRecords {

    private RunRecords() {
    }

    static RunRecord withStart(RunRecord r, Instant startedAt) {
        return new RunRecord(r.runId(), r.experimentId(), r.title(), r.bundle(), r.bundleVersion(), r.params(), r.seed(),
                r.profile(), r.backend(), r.environment(), r.owner(), RunStatus.RUNNING.name(), r.queuedAt(),
                startedAt.toString(), null, 0, Map.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    static RunRecord withResult(RunRecord r, Instant endedAt, double wallSeconds, Result result) {
        return new RunRecord(r.runId(), r.experimentId(), r.title(), r.bundle(), r.bundleVersion(), r.params(), r.seed(),
                r.profile(), r.backend(), r.environment(), r.owner(), RunStatus.SUCCEEDED.name(), r.queuedAt(),
                r.startedAt(), endedAt.toString(), wallSeconds, result.metrics(), result.claims(), result.series(),
                result.tables(), result.artifacts(), null);
    }

    static RunRecord withEnd(RunRecord r, RunStatus status, Instant endedAt, double wallSeconds, String error) {
        return new RunRecord(r.runId(), r.experimentId(), r.title(), r.bundle(), r.bundleVersion(), r.params(), r.seed(),
                r.profile(), r.backend(), r.environment(), r.owner(), status.name(), r.queuedAt(), r.startedAt(),
                endedAt.toString(), wallSeconds, r.metrics(), r.claims(), r.series(), r.tables(), r.artifacts(), error);
    }
}
