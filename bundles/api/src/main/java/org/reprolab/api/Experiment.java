package org.reprolab.api;

import java.util.List;

/**
 * One reproducible experiment of a paper, registered as an OSGi service.
 *
 * <p>Rules every implementation follows: never print to stdout, never call {@code System.exit},
 * never start unmanaged threads, call {@link RunContext#checkCancelled()} at least once a second,
 * and draw every random number from {@link RunContext#random()} (or a named stream of it) so that
 * the same seed and parameters give the same numbers.
 */
public interface Experiment {

    /** Who this experiment is: id, title, paper, feature. */
    ExperimentInfo info();

    /** The parameters it accepts, each with a default per {@link Profile}. */
    List<ParamSpec<?>> params();

    /**
     * Checks what single parameter specifications cannot, such as two lists that must have the same length.
     * Called before a run is created, so a bad combination writes nothing.
     *
     * @throws ParamException with a message for the user
     */
    default void validate(ParamValues values) {
    }

    /**
     * The figures its methods section asks for; the runtime draws the run's series, heat maps and image grids
     * accordingly when the run ends. A plot no declaration matches is still drawn, as a line plot.
     *
     * @since 1.1
     */
    default List<PlotSpec> plots() {
        return List.of();
    }

    /** Runs the experiment. Throw {@link RunCancelledException} (via checkCancelled) when cancelled. */
    Result run(RunContext ctx) throws Exception;
}
