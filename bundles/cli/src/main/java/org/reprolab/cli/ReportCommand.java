package org.reprolab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.runtime.ReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reprolab report [--out FILE]}: the lab's reproduction report over the latest run of every experiment. */
@Command(name = "report", description = {"Write the lab's reproduction report: every experiment with its paper, whether "
        + "its claims held in its latest run, wall time and backend, and links to each run's page.",
        "Prints the path of the file written."})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "where to write it (default: index.html in the run store)")
    Path out;

    @Option(names = "--runs", paramLabel = "DIR", description = "the run store to report on, e.g. a folder given to "
            + "'run --out' (default: the lab's run store)")
    Path runs;

    private final Supplier<Optional<ReportRenderer>> renderer;
    private final PrintStream stdout;
    private final PrintStream stderr;

    ReportCommand(Supplier<Optional<ReportRenderer>> renderer, PrintStream stdout, PrintStream stderr) {
        this.renderer = renderer;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() throws Exception {
        if (out != null && Files.isDirectory(out)) {
            throw new BadRequestException("--out " + out + " is a folder; name the file to write, e.g. --out "
                    + out.resolve("index.html"));
        }
        if (runs != null && !Files.isDirectory(runs)) {
            throw new BadRequestException("--runs " + runs + ": no such folder (it should hold run folders, as written by 'run --out')");
        }
        Optional<ReportRenderer> reports = renderer.get();
        if (reports.isEmpty()) {
            stderr.println("reprolab: cannot write a report: the report bundle (org.reprolab.report) is not running");
            return LabCommandLine.FAILED;
        }
        stdout.println(reports.get().renderLab(runs == null ? null : runs.toAbsolutePath(),
                out == null ? null : out.toAbsolutePath()));
        return LabCommandLine.OK;
    }
}
