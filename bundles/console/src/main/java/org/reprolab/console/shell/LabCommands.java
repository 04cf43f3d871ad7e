package org.reprolab.console.shell;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.reprolab.api.ParamException;
import org.reprolab.api.Profile;
import org.reprolab.runtime.BackendCatalog;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.runtime.ExperimentRegistry;
import org.reprolab.runtime.FeatureException;
import org.reprolab.runtime.FeatureService;
import org.reprolab.runtime.ReportRenderer;
import org.reprolab.runtime.RunEngine;
import org.reprolab.runtime.RunHandle;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunRequest;
import org.reprolab.runtime.RunStore;
import org.reprolab.runtime.format.Listings;
import org.reprolab.runtime.format.TextTable;

/**
 * The {@code lab:} commands of the Gogo shell, thin over the runtime services, with the CLI's validation and
 * messages. Output goes to {@code System.out}, which Gogo points at the session. A request the user has to fix
 * prints one line {@code lab: …} on the session's error stream and the command returns nothing.
 */
@Component(service = LabCommands.class, property = {
    "osgi.command.scope=lab",
    "osgi.command.function=list", "osgi.command.function=info", "osgi.command.function=run",
    "osgi.command.function=runs", "osgi.command.function=show", "osgi.command.function=cancel",
    "osgi.command.function=feature", "osgi.command.function=bundles", "osgi.command.function=backends", "osgi.command.function=report"})
public final class LabCommands {

    private final BundleContext context;
    private final ExperimentRegistry registry;
    private final RunEngine engine;
    private final RunStore store;
    private final FeatureService features;
    private final BackendCatalog backends;
    /** Optional: without the report bundle, lab:report says so. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ReportRenderer reports;

    @Activate
    public LabCommands(BundleContext context, @Reference ExperimentRegistry registry, @Reference RunEngine engine,
                       @Reference RunStore store, @Reference FeatureService features, @Reference BackendCatalog backends) {
        this.context = context;
        this.registry = registry;
        this.engine = engine;
        this.store = store;
        this.features = features;
        this.backends = backends;
    }

    @Descriptor("list the compute backends a run can choose with --backend")
    public void backends() {
        Listings.backends(backends.backends(), System.out);
    }

    @Descriptor("list the installed experiments")
    public void list() {
        Listings.experiments(registry.experiments(), System.out);
    }

    @Descriptor("show an experiment's paper, bundle and parameters")
    public void info(@Descriptor("experiment id (see lab:list)") String id) {
        print(() -> Listings.experiment(registry.require(id), System.out));
    }

    @Descriptor("start a run and print its id; with --wait, wait for it and print how it ended")
    public String run(
            @Descriptor("smoke (seconds) or full (the paper's claims)") @Parameter(names = "--profile", absentValue = "smoke") String profile,
            @Descriptor("the run's seed") @Parameter(names = "--seed", absentValue = "1") String seed,
            @Descriptor("compute backend (see lab:backends)") @Parameter(names = "--backend", absentValue = RunRequest.DEFAULT_BACKEND) String backend,
            @Descriptor("wait for the run to end") @Parameter(names = "--wait", presentValue = "true", absentValue = "false") boolean wait,
            @Descriptor("experiment id (see lab:list)") String id,
            @Descriptor("parameters as name=value (see lab:info <id>)") String... params) {
        return answer(() -> {
            RunRequest request = new RunRequest(id, RunRequest.parseAssignments(List.of(params)), Profile.parse(profile),
                    RunRequest.parseSeed(seed), backend, null);
            RunHandle run = engine.submit(request);
            if (!wait) {
                return run.runId();
            }
            return awaitOutcome(run);
        });
    }

    @Descriptor("write the lab's reproduction report (index.html in the run store) and print its path")
    public String report() {
        return answer(() -> {
            ReportRenderer renderer = reports;
            if (renderer == null) {
                throw new BadRequestException("cannot write a report: the report bundle (org.reprolab.report) is not running");
            }
            try {
                return renderer.renderLab(null).toString();
            } catch (Exception e) {
                throw new BadRequestException("the report could not be written: " + e.getMessage());
            }
        });
    }

    @Descriptor("list the stored runs, newest first")
    public void runs() {
        Listings.runs(store, System.out);
    }

    @Descriptor("show a stored run: status, parameters, metrics and claims")
    public void show(@Descriptor("run id (see lab:runs)") String runId) {
        print(() -> Listings.run(store.read(runId).orElseThrow(() ->
                new BadRequestException("unknown run '" + runId + "'; see lab:runs")), System.out));
    }

    @Descriptor("cancel a queued or running run")
    public String cancel(@Descriptor("run id (see lab:runs)") String runId) {
        return answer(() -> {
            if (!engine.cancel(runId)) {
                throw new BadRequestException("no queued or running run '" + runId + "'; see lab:runs");
            }
            return "cancelling run " + runId;
        });
    }

    @Descriptor("feature list | feature install <name> | feature uninstall <name>")
    public String feature(@Descriptor("list, install <name> or uninstall <name>") String... args) {
        return answer(() -> {
            String action = args.length == 0 ? "list" : args[0];
            switch (action) {
                case "list" -> {
                    requireArgs(args, Math.min(args.length, 1), "feature list");
                    Listings.features(features.features(), System.out);
                    return null;
                }
                case "install" -> {
                    requireArgs(args, 2, "feature install <name>");
                    return Listings.featureChanged(features.install(args[1]), "installed");
                }
                case "uninstall" -> {
                    requireArgs(args, 2, "feature uninstall <name>");
                    return Listings.featureChanged(features.uninstall(args[1]), "uninstalled");
                }
                default -> throw new BadRequestException("unknown feature command '" + action + "'; commands: list, install, uninstall");
            }
        });
    }

    @Descriptor("list the framework's bundles with their state")
    public void bundles() {
        TextTable table = new TextTable("ID", "STATE", "BUNDLE", "VERSION");
        for (Bundle b : context.getBundles()) {
            table.row(b.getBundleId(), BundleStates.name(b.getState()), b.getSymbolicName(), b.getVersion());
        }
        table.print(System.out);
    }

    private static void requireArgs(String[] args, int count, String usage) {
        if (args.length != count) {
            throw new BadRequestException("usage: lab:" + usage);
        }
    }

    /** The run's outcome line; when the wait is interrupted (Ctrl-C) the run goes on and can be cancelled. */
    private static String awaitOutcome(RunHandle run) {
        try {
            RunRecord record = run.completion().get();
            return Listings.outcome(record, run.dir());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "run " + run.runId() + " goes on; lab:cancel " + run.runId() + " stops it";
        } catch (ExecutionException e) {
            return "run " + run.runId() + " failed: " + e.getCause();
        }
    }

    private static void print(Runnable command) {
        answer(() -> {
            command.run();
            return null;
        });
    }

    /** Runs a command; a request the user has to fix becomes one line on the error stream. */
    private static <T> T answer(Supplier<T> command) {
        try {
            return command.get();
        } catch (BadRequestException | ParamException | FeatureException e) {
            System.err.println("lab: " + e.getMessage());
            return null;
        }
    }
}
