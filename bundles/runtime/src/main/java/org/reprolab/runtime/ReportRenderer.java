package org.reprolab.runtime;

import java.nio.file.Path;
import java.util.List;
import org.reprolab.api.Experiment;

/**
 * Draws runs for people: a service the report bundle provides and the runtime uses when it is there. Runs
 * complete without one; a renderer that throws never fails or changes a run's outcome (the run engine records a
 * warning and carries on).
 */
public interface ReportRenderer {

    /**
     * Draws a run that has ended into its folder: its plots (as {@link Experiment#plots()} declares them) and its
     * page. Called by the run engine on the run's thread once the final {@code run.json} is written.
     *
     * @param record     the run's final record
     * @param experiment the experiment that ran
     * @param dir        the run's folder
     * @return the files written and what could not be drawn
     * @throws Exception when drawing fails as a whole; what was written before stays
     */
    Drawn renderRun(RunRecord record, Experiment experiment, Path dir) throws Exception;

    /**
     * Writes the lab's reproduction report: the latest run of every experiment in a run store, and the installed
     * experiments that have not run yet.
     *
     * @param runs the run store's folder; null for the lab's own run store
     * @param file where to write it; null for {@code index.html} in that folder
     * @return the file written
     * @throws Exception when it cannot be written
     */
    Path renderLab(Path runs, Path file) throws Exception;

    /** {@link #renderLab(Path, Path)} over the lab's own run store. */
    default Path renderLab(Path file) throws Exception {
        return renderLab(null, file);
    }

    /**
     * What {@link #renderRun} wrote.
     *
     * @param files    the files written, relative to the run's folder
     * @param warnings what could not be drawn (e.g. one plot), for the run's record
     */
    record Drawn(List<String> files, List<String> warnings) {
        public Drawn {
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }
    }
}
