package org.reprolab.runtime.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reprolab.api.Experiment;
import org.reprolab.runtime.ReportRenderer;
import org.reprolab.runtime.RunRecord;
import org.slf4j.Logger;

/**
 * The report renderers present (none, when the report bundle is not installed), and the step that has them draw
 * a run that has ended. A renderer that throws leaves a warning in the run's log and record, nothing more.
 */
final class RunRendering {

    private final List<ReportRenderer> renderers = new CopyOnWriteArrayList<>();

    void add(ReportRenderer renderer) {
        renderers.add(renderer);
    }

    void remove(ReportRenderer renderer) {
        renderers.remove(renderer);
    }

    boolean isEmpty() {
        return renderers.isEmpty();
    }

    /**
     * Has every renderer draw the run into {@code dir}.
     *
     * @return the record with the files they wrote added to its artifacts and their failures to its warnings
     */
    RunRecord render(RunRecord record, Experiment experiment, Path dir, Logger runLog) {
        List<String> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ReportRenderer renderer : renderers) {
            try {
                ReportRenderer.Drawn drawn = renderer.renderRun(record, experiment, dir);
                files.addAll(drawn.files());
                drawn.warnings().forEach(w -> runLog.warn("{}", w));
                warnings.addAll(drawn.warnings());
            } catch (Exception | LinkageError | StackOverflowError e) {
                String warning = "the report of this run could not be drawn (" + renderer.getClass().getName() + "): " + e;
                runLog.warn(warning, e);
                warnings.add(warning);
            }
        }
        return RunRecords.withRendering(record, files, warnings);
    }
}
