package org.reprolab.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.reprolab.runtime.FeatureService;
import org.reprolab.runtime.format.Listings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code reprolab feature list|install <name>|uninstall <name>}: the distribution's features. */
@Command(name = "feature", description = "List, install or uninstall features (named groups of bundles).")
final class FeatureCommand implements Callable<Integer> {

    private final FeatureService features;
    private final PrintStream out;

    FeatureCommand(FeatureService features, PrintStream out) {
        this.features = features;
        this.out = out;
    }

    /** Without a subcommand, and as {@code feature list}: every feature and whether it is installed. */
    @Override
    public Integer call() {
        return list();
    }

    @Command(name = "list", description = "List the features and whether each is installed.")
    Integer list() {
        Listings.features(features.features(), out);
        return LabCommandLine.OK;
    }

    @Command(name = "install", description = "Install a feature and the features it depends on (all or nothing).")
    Integer install(@Parameters(paramLabel = "<name>", description = "feature name (see 'reprolab feature list')") String name) {
        out.println(Listings.featureChanged(features.install(name), "installed"));
        return LabCommandLine.OK;
    }

    @Command(name = "uninstall", description = "Uninstall a feature's bundles that no other installed feature needs.")
    Integer uninstall(@Parameters(paramLabel = "<name>", description = "feature name (see 'reprolab feature list')") String name) {
        out.println(Listings.featureChanged(features.uninstall(name), "uninstalled"));
        return LabCommandLine.OK;
    }
}
