package org.reprolab.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.reprolab.runtime.ExperimentRegistry;
import org.reprolab.runtime.format.Listings;
import picocli.CommandLine.Command;

/** {@code reprolab list}: every installed experiment. */
@Command(name = "list", description = "List the installed experiments.")
final class ListCommand implements Callable<Integer> {

    private final ExperimentRegistry registry;
    private final PrintStream out;

    ListCommand(ExperimentRegistry registry, PrintStream out) {
        this.registry = registry;
        this.out = out;
    }

    @Override
    public Integer call() {
        Listings.experiments(registry.experiments(), out);
        return LabCommandLine.OK;
    }
}
