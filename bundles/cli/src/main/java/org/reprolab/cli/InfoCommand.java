package org.reprolab.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.reprolab.runtime.ExperimentRegistry;
import org.reprolab.runtime.format.Listings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code reprolab info <id>}: the paper, the bundle and the parameters of one experiment. */
@Command(name = "info", description = "Show an experiment's paper, bundle and parameters.")
final class InfoCommand implements Callable<Integer> {

    private final ExperimentRegistry registry;
    private final PrintStream out;

    @Parameters(index = "0", paramLabel = "<id>", description = "experiment id (see 'reprolab list')")
    String id;

    InfoCommand(ExperimentRegistry registry, PrintStream out) {
        this.registry = registry;
        this.out = out;
    }

    @Override
    public Integer call() {
        Listings.experiment(registry.require(id), out);
        return LabCommandLine.OK;
    }
}
