package org.reprolab.runtime;

import java.util.List;
import java.util.Map;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Heatmap;
import org.reprolab.api.ImageGrid;
import org.reprolab.api.Series;
import org.reprolab.api.Table;

/**
 * The content of a run's {@code run.json}. Times are ISO-8601 instants; {@code wallSeconds} is the
 * experiment's own run time. {@code owner} identifies the process running it, to tell a live run from one
 * whose process died. {@code artifacts} lists the files the experiment wrote and those drawn from its result
 * (plots, report page); {@code warnings} says what went wrong without failing the run (e.g. a plot that could
 * not be drawn). Records written before 1.4 read with empty heat maps, image grids and warnings.
 */
public record RunRecord(
        String runId,
        String experimentId,
        String title,
        String bundle,
        String bundleVersion,
        Map<String, Object> params,
        long seed,
        String profile,
        String backend,
        Map<String, String> environment,
        String owner,
        String status,
        String queuedAt,
        String startedAt,
        String endedAt,
        double wallSeconds,
        Map<String, Double> metrics,
        List<ClaimCheck> claims,
        List<Series> series,
        List<Table> tables,
        List<String> artifacts,
        String error,
        List<Heatmap> heatmaps,
        List<ImageGrid> imageGrids,
        List<String> warnings) {

    public RunRecord {
        heatmaps = heatmaps == null ? List.of() : heatmaps;
        imageGrids = imageGrids == null ? List.of() : imageGrids;
        warnings = warnings == null ? List.of() : warnings;
    }

    /** A record without heat maps, image grids or warnings (the fields before 1.4). */
    public RunRecord(String runId, String experimentId, String title, String bundle, String bundleVersion,
                     Map<String, Object> params, long seed, String profile, String backend, Map<String, String> environment,
                     String owner, String status, String queuedAt, String startedAt, String endedAt, double wallSeconds,
                     Map<String, Double> metrics, List<ClaimCheck> claims, List<Series> series, List<Table> tables,
                     List<String> artifacts, String error) {
        this(runId, experimentId, title, bundle, bundleVersion, params, seed, profile, backend, environment, owner, status,
                queuedAt, startedAt, endedAt, wallSeconds, metrics, claims, series, tables, artifacts, error, List.of(),
                List.of(), List.of());
    }

    public RunStatus runStatus() {
        return RunStatus.valueOf(status);
    }

    public long claimsHeld() {
        return claims == null ? 0 : claims.stream().filter(ClaimCheck::held).count();
    }

    public int claimCount() {
        return claims == null ? 0 : claims.size();
    }
}
