package org.reprolab.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;

/**
 * Everything a running experiment may use from the platform. One context belongs to one run.
 */
public interface RunContext extends ParamValues {

    /** The id of this run, also the name of its folder under the run store. */
    String runId();

    Profile profile();

    /** The run's seed; every random draw derives from it. */
    long seed();

    /** All parameter values of this run by name. */
    Map<String, Object> params();

    /** The run's main random generator, seeded from {@link #seed()}. Not thread-safe. */
    RandomGenerator random();

    /**
     * An independent random stream derived from the seed and a name: the same name gives the same
     * stream on every run with this seed, whatever else was drawn before. Use one per concern
     * ("features/trial-3", "labels-noise") so that adding draws in one place does not shift another.
     */
    RandomGenerator random(String stream);

    /** Logs to the platform's log and to the run's {@code run.log}. */
    Logger log();

    /** Reports progress; shown as a bar on a terminal, as lines elsewhere. */
    void progress(long done, long total, String message);

    /** Throws {@link RunCancelledException} once the run was cancelled, aborted or timed out. */
    void checkCancelled();

    boolean isCancelled();

    /** The id of the compute backend chosen for this run ("jvm" unless the user chose another). */
    String backend();

    /** The run's folder: experiments write their artifacts here. */
    Path outDir();

    /** Records one point of a scalar series (stored in {@code metrics.csv}). */
    void metric(String series, long step, double value);
}
