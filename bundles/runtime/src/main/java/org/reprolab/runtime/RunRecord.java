package org.reprolab.runtime;

import java.util.List;
import java.util.Map;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Series;
import org.reprolab.api.Table;

/**
 * The content of a run's {@code run.json}. Times are ISO-8601 instants; {@code wallSeconds} is the
 * experiment's own run time. {@code owner} identifies the process running it, to tell a live run from one
 * whose process died.
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
        String error) {

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
