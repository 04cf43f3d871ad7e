package org.reprolab.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.reprolab.runtime.RunStore;
import org.reprolab.runtime.format.Listings;
import picocli.CommandLine.Command;

/** {@code reprolab runs}: the stored runs, newest first. */
@Command(name = "runs", description = "List the stored runs, newest first.")
final class RunsCommand implements Callable<Integer> {

    private final RunStore store;
    private final PrintStream out;

    RunsCommand(RunStore store, PrintStream out) {
        this.store = store;
        this.out = out;
    }

    @Override
    public Integer call() {
        Listings.runs(store, out);
        return LabCommandLine.OK;
    }
}
