package org.reprolab.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunStore;
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
        TextTable table = new TextTable("RUN", "STATUS", "PROFILE", "SEED", "CLAIMS HELD", "WALL");
        for (RunRecord r : store.list()) {
            table.row(r.runId(), r.status().toLowerCase(Locale.ROOT), r.profile(), r.seed(),
                    r.claimCount() == 0 ? "-" : r.claimsHeld() + "/" + r.claimCount(),
                    String.format(Locale.ROOT, "%.1fs", r.wallSeconds()));
        }
        table.print(out);
        out.println("(" + store.root() + ")");
        return LabCommandLine.OK;
    }
}
