package org.reprolab.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.reprolab.runtime.BackendCatalog;
import org.reprolab.runtime.format.Listings;
import picocli.CommandLine.Command;

/** {@code reprolab backends}: the compute backends a run can choose with {@code --backend}. */
@Command(name = "backends", description = "List the compute backends a run can choose with --backend.")
final class BackendsCommand implements Callable<Integer> {

    private final BackendCatalog catalog;
    private final PrintStream out;

    BackendsCommand(BackendCatalog catalog, PrintStream out) {
        this.catalog = catalog;
        this.out = out;
    }

    @Override
    public Integer call() {
        Listings.backends(catalog.backends(), out);
        return LabCommandLine.OK;
    }
}
