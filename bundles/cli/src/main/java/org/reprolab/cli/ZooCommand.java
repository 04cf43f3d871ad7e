package org.reprolab.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.runtime.format.TextTable;
import org.reprolab.zoo.ZooEntry;
import org.reprolab.zoo.ZooException;
import org.reprolab.zoo.ZooModel;
import org.reprolab.zoo.ZooRecipe;
import org.reprolab.zoo.ZooService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code reprolab zoo list|build <name>|clear}: the model zoo's models, building them ahead of time, and emptying
 * its cache.
 */
@Command(name = "zoo", description = "List, build or clear the model zoo (base models trained once and cached).")
final class ZooCommand implements Callable<Integer> {

    private final Supplier<ZooService> zoo;
    private final PrintStream out;
    private final PrintStream err;

    ZooCommand(Supplier<ZooService> zoo, PrintStream out, PrintStream err) {
        this.zoo = zoo;
        this.out = out;
        this.err = err;
    }

    /** Without a subcommand, as {@code zoo list}. */
    @Override
    public Integer call() {
        return list();
    }

    @Command(name = "list", description = "List the zoo's models and whether each is cached.")
    Integer list() {
        ZooService service = zoo.get();
        TextTable table = new TextTable("model", "cached", "built in", "metrics", "description");
        for (ZooRecipe recipe : service.recipes()) {
            Optional<ZooEntry> entry;
            String problem = null;
            try {
                entry = service.cached(recipe);
            } catch (RuntimeException e) {
                entry = Optional.empty();
                problem = "unavailable: " + e.getMessage();
            }
            table.row(recipe.name(), problem != null ? "-" : entry.isPresent() ? "yes" : "no",
                    entry.map(e -> seconds(e.buildTime().toMillis())).orElse(""),
                    entry.map(e -> metrics(e.metrics())).orElse(""), problem != null ? problem : recipe.description());
        }
        table.print(out);
        out.println("cache: " + service.cacheFolder());
        return LabCommandLine.OK;
    }

    @Command(name = "build", description = "Build a zoo model (or every model of a group) unless it is cached.")
    Integer build(@Parameters(paramLabel = "<name>", description = "model or group name (see 'reprolab zoo list')") String name) {
        ZooService service = zoo.get();
        List<ZooRecipe> recipes = service.recipes().stream().anyMatch(r -> r.name().equals(name))
                ? List.of(service.recipe(name)) : service.group(name);
        if (recipes.isEmpty()) {
            throw new BadRequestException("no zoo model or group named '" + name + "'; the zoo has "
                    + String.join(", ", service.recipes().stream().map(ZooRecipe::name).toList()));
        }
        for (ZooRecipe recipe : recipes) {
            ProgressPrinter progress = new ProgressPrinter(err, System.console() != null && System.console().isTerminal());
            ZooModel model;
            try {
                model = service.get(recipe, progress::progress);
            } catch (ZooException e) {
                err.println("reprolab: " + e.getMessage());
                return LabCommandLine.FAILED;
            } finally {
                progress.finish();
            }
            out.println(model.describe() + (model.metrics().isEmpty() ? "" : ", " + metrics(model.metrics())));
        }
        return LabCommandLine.OK;
    }

    @Command(name = "clear", description = "Delete every cached zoo model (models being built are kept).")
    Integer clear() {
        ZooService service = zoo.get();
        ZooService.ClearResult result = service.clear();
        out.printf(Locale.ROOT, "removed %d zoo %s (%.1f MB) from %s%n", result.removed(),
                result.removed() == 1 ? "model" : "models", result.bytes() / 1e6, service.cacheFolder());
        for (var busy : result.busy()) {
            err.println("reprolab: kept " + busy + ": a build is using it");
        }
        return LabCommandLine.OK;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String metrics(Map<String, Double> metrics) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(metrics).forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", v)));
        return s.toString();
    }
}
