package org.reprolab.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.reprolab.api.ParamException;
import org.reprolab.launch.HeadlessCommand;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.runtime.BackendCatalog;
import org.reprolab.runtime.ExperimentRegistry;
import org.reprolab.runtime.FeatureException;
import org.reprolab.runtime.FeatureService;
import org.reprolab.runtime.ReportRenderer;
import org.reprolab.runtime.RunEngine;
import org.reprolab.runtime.RunStore;
import org.reprolab.zoo.ZooException;
import org.reprolab.zoo.ZooService;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line, served to the host launcher. Bad input gets one line on stderr naming the
 * problem and the valid choices, and exit status 2.
 */
@Component(service = HeadlessCommand.class)
public final class LabCommandLine implements HeadlessCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private final ExperimentRegistry registry;
    private final RunEngine engine;
    private final RunStore store;
    private final FeatureService features;
    private final BackendCatalog backends;
    /** Taken only when a {@code zoo} command runs, so other commands do not start the zoo. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<ZooService> zoo;

    /** The report bundle's renderer, for {@code report}; the other commands work without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ReportRenderer reports;

    /** Needs the FeatureService also so that no command runs before the installed features are started. */
    @Activate
    public LabCommandLine(@Reference ExperimentRegistry registry, @Reference RunEngine engine, @Reference RunStore store,
                          @Reference FeatureService features, @Reference BackendCatalog backends) {
        this.registry = registry;
        this.engine = engine;
        this.store = store;
        this.features = features;
        this.backends = backends;
    }

    /** The top-level command; its subcommands do the work. */
    @Command(name = "reprolab", mixinStandardHelpOptions = false,
            description = "ReproLab: run and compare machine-learning research methods.",
            footer = {"", "Also: 'reprolab console' (interactive Gogo shell), 'reprolab test' (the test suite)."})
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** The zoo service for one command (the CLI serves one command per call). */
    private ZooService zoo() {
        ComponentServiceObjects<ZooService> objects = zoo;
        ZooService service = objects == null ? null : objects.getService();
        if (service == null) {
            throw new ZooException("the model zoo is not running: the zoo bundle (org.reprolab.zoo) is not installed or"
                    + " did not start (see 'reprolab feature list')");
        }
        return service;
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cli = new CommandLine(new Root())
                .addSubcommand("list", new ListCommand(registry, out))
                .addSubcommand("info", new InfoCommand(registry, out))
                .addSubcommand("run", new RunCommand(engine, out, err))
                .addSubcommand("runs", new RunsCommand(store, out))
                .addSubcommand("feature", new FeatureCommand(features, out))
                .addSubcommand("backends", new BackendsCommand(backends, out))
                .addSubcommand("zoo", new ZooCommand(this::zoo, out, err))
                .addSubcommand("report", new ReportCommand(() -> Optional.ofNullable(reports), out, err))
                .addSubcommand("help", new CommandLine.HelpCommand());
        cli.setOut(outWriter).setErr(errWriter);
        cli.setParameterExceptionHandler((e, a) -> {
            errWriter.println("reprolab: " + plain(e.getMessage()) + hint(e.getCommandLine()));
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof BadRequestException || e instanceof ParamException) {
                errWriter.println("reprolab: " + e.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof FeatureException) {
                errWriter.println("reprolab: " + e.getMessage());
                return FAILED;
            }
            errWriter.println("reprolab: " + e);
            return FAILED;
        });
        if (!args.isEmpty() && !args.get(0).startsWith("-") && !cli.getSubcommands().containsKey(args.get(0))) {
            errWriter.println("reprolab: unknown command '" + args.get(0) + "'; commands: "
                    + String.join(", ", cli.getSubcommands().keySet()) + ", console, test");
            return BAD_INPUT;
        }
        return cli.execute(args.toArray(String[]::new));
    }

    private static String plain(String picocliMessage) {
        return picocliMessage.replace("Unmatched argument at index", "unexpected argument at index")
                .replace("Unknown option:", "unknown option");
    }

    private static String hint(CommandLine where) {
        return "; see 'reprolab help" + (where.getParent() == null ? "" : " " + where.getCommandName()) + "'";
    }
}
