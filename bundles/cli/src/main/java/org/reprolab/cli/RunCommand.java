package org.reprolab.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.reprolab.api.Profile;
import org.reprolab.runtime.RunEngine;
import org.reprolab.runtime.RunHandle;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunRequest;
import org.reprolab.runtime.RunStatus;
import org.reprolab.runtime.format.ClaimsReport;
import org.reprolab.runtime.format.Listings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reprolab run <id> …}: runs one experiment, shows progress, then the claims table. */
@Command(name = "run", description = "Run an experiment and print its claims table.")
final class RunCommand implements Callable<Integer> {

    private static final long CANCEL_GRACE_SECONDS = 5;

    private final RunEngine engine;
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "<id>", description = "experiment id (see 'reprolab list')")
    String id;

    @Option(names = {"-p", "--param"}, paramLabel = "name=value", description = "set a parameter (see 'reprolab info <id>')")
    List<String> params = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "smoke|full", description = "smoke (seconds) or full (the paper's claims); default: smoke")
    String profile = Profile.SMOKE.id();

    @Option(names = "--seed", paramLabel = "n", description = "the run's seed; default: " + RunRequest.DEFAULT_SEED)
    String seed = String.valueOf(RunRequest.DEFAULT_SEED);

    @Option(names = "--backend", paramLabel = "name", description = "compute backend (see 'reprolab backends'), e.g. opencl or opencl:1 for its second device; default: " + RunRequest.DEFAULT_BACKEND)
    String backend = RunRequest.DEFAULT_BACKEND;

    @Option(names = "--out", paramLabel = "dir", description = "folder that receives the run's record; default: ./runs")
    String out_;

    @Option(names = "--time-limit", paramLabel = "duration", converter = DurationConverter.class,
            description = "stop the run after this long, e.g. 90s, 20m, 2h; default: the platform's (6h)")
    Duration timeLimit;

    @Option(names = "--strict", description = "exit 1 when a claim did not hold")
    boolean strict;

    RunCommand(RunEngine engine, PrintStream out, PrintStream err) {
        this.engine = engine;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        RunRequest request = new RunRequest(id, RunRequest.parseAssignments(params), Profile.parse(profile), RunRequest.parseSeed(seed), backend, out_,
                timeLimit);
        RunHandle run = engine.submit(request);
        ProgressPrinter progress = new ProgressPrinter(err, System.console() != null && System.console().isTerminal());
        run.addProgressListener(progress);
        // Ctrl-C: cancel the run and give it a moment to record itself as cancelled before the JVM exits.
        Thread cancelOnInterrupt = Thread.ofPlatform().unstarted(() -> {
            run.cancel();
            try {
                run.completion().get(CANCEL_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // the run did not finish in time: the next start marks it interrupted
            }
        });
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        RunRecord record;
        try {
            record = run.completion().get();
        } catch (ExecutionException e) {
            err.println("reprolab: run " + run.runId() + " failed: " + e.getCause());
            return LabCommandLine.FAILED;
        } finally {
            progress.finish();
            removeHook(cancelOnInterrupt);
        }
        printClaims(record);
        RunStatus status = record.runStatus();
        out.println(Listings.outcome(record, run.dir()));
        if (record.profile().equals(Profile.SMOKE.id()) && record.claimsHeld() < record.claimCount()) {
            out.println("(the smoke profile runs at toy scale to check the machinery; the claims are meant for --profile full)");
        }
        if (status != RunStatus.SUCCEEDED) {
            err.println("reprolab: run " + Listings.status(record) + ": " + record.error());
            return LabCommandLine.FAILED;
        }
        return strict && record.claimsHeld() < record.claimCount() ? LabCommandLine.FAILED : LabCommandLine.OK;
    }

    private void printClaims(RunRecord record) {
        if (record.claimCount() > 0) {
            out.println();
            ClaimsReport.print(record.claims(), out);
            out.println();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or has run
        }
    }
}
