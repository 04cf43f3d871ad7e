package org.reprolab.runtime.internal;

import java.time.Instant;
import java.util.ArrayList;
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
                result.tables(), result.artifacts(), null, result.heatmaps(), result.imageGrids(), List.of());
    }

    static RunRecord withEnd(RunRecord r, RunStatus status, Instant endedAt, double wallSeconds, String error) {
        return new RunRecord(r.runId(), r.experimentId(), r.title(), r.bundle(), r.bundleVersion(), r.params(), r.seed(),
                r.profile(), r.backend(), r.environment(), r.owner(), status.name(), r.queuedAt(), r.startedAt(),
                endedAt.toString(), wallSeconds, r.metrics(), r.claims(), r.series(), r.tables(), r.artifacts(), error,
                r.heatmaps(), r.imageGrids(), r.warnings());
    }

    /** The record with the files drawn from it added to its artifacts and the warnings added to its own. */
    static RunRecord withRendering(RunRecord r, List<String> files, List<String> warnings) {
        List<String> artifacts = new ArrayList<>(r.artifacts() == null ? List.of() : r.artifacts());
        files.stream().filter(f -> !artifacts.contains(f)).forEach(artifacts::add);
        List<String> allWarnings = new ArrayList<>(r.warnings());
        allWarnings.addAll(warnings);
        return new RunRecord(r.runId(), r.experimentId(), r.title(), r.bundle(), r.bundleVersion(), r.params(), r.seed(),
                r.profile(), r.backend(), r.environment(), r.owner(), r.status(), r.queuedAt(), r.startedAt(),
                r.endedAt(), r.wallSeconds(), r.metrics(), r.claims(), r.series(), r.tables(), List.copyOf(artifacts),
                r.error(), r.heatmaps(), r.imageGrids(), List.copyOf(allWarnings));
    }
}
