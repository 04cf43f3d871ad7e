package org.reprolab.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.Profile;
import org.reprolab.runtime.ExperimentRegistry;
import org.reprolab.runtime.RegisteredExperiment;
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
        RegisteredExperiment reg = registry.require(id);
        ExperimentInfo info = reg.experiment().info();
        out.println(info.id() + " — " + info.title());
        out.println("paper:   " + info.paper().title() + " (" + info.paper().authors() + ", " + info.paper().year() + ")"
                + (info.paper().link().isEmpty() ? "" : " " + info.paper().link()));
        out.println("feature: " + info.feature() + "    bundle: " + reg.bundleSymbolicName() + " " + reg.bundleVersion());
        if (!info.summary().isEmpty()) {
            out.println();
            out.println(info.summary());
        }
        out.println();
        TextTable table = new TextTable("PARAMETER", "SMOKE", "FULL", "ACCEPTS", "MEANING");
        for (ParamSpec<?> p : reg.experiment().params()) {
            table.row(p.name(), p.format(p.defaultFor(Profile.SMOKE)), p.format(p.defaultFor(Profile.FULL)), p.accepts(), p.help());
        }
        table.print(out);
        return LabCommandLine.OK;
    }
}
