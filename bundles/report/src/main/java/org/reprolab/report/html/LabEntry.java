package org.reprolab.report.html;

import org.reprolab.api.ExperimentInfo;
import org.reprolab.runtime.RunRecord;

/**
 * One line of the lab report: an experiment, installed or not, and its latest run, if any.
 *
 * @param experimentId the experiment's id
 * @param info         its description when installed, else null
 * @param latest       its latest run, or null when it has not run yet
 * @param runHref      the link to that run's page from the lab report, or null
 * @param runs         how many runs it has in the store
 */
public record LabEntry(String experimentId, ExperimentInfo info, RunRecord latest, String runHref, int runs) {

    /** The family it is grouped under: its feature, or "not installed". */
    public String family() {
        return info == null ? LabPage.NOT_INSTALLED : info.feature();
    }

    public String title() {
        if (info != null) {
            return info.title();
        }
        return latest != null && latest.title() != null ? latest.title() : experimentId;
    }

    /** Its latest run ended with a result and every claim held. */
    public boolean reproduced() {
        return latest != null && "SUCCEEDED".equals(latest.status()) && latest.claimCount() > 0
                && latest.claimsHeld() == latest.claimCount();
    }
}
