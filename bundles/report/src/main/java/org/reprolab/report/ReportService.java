package org.reprolab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.reprolab.api.Experiment;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Profile;
import org.reprolab.report.html.Html;
import org.reprolab.report.html.LabEntry;
import org.reprolab.report.html.LabPage;
import org.reprolab.report.html.RunPage;
import org.reprolab.report.plot.FigurePlan;
import org.reprolab.report.plot.Plots;
import org.reprolab.report.plot.Plotted;
import org.reprolab.runtime.ExperimentRegistry;
import org.reprolab.runtime.RegisteredExperiment;
import org.reprolab.runtime.ReportRenderer;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunStatus;
import org.reprolab.runtime.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws runs for the runtime: each run that ends gets its plots ({@code plots/*.png}, {@code plots/*.svg}) and its
 * page ({@code report.html}), and the lab report ({@code index.html} of the run store) is brought up to date.
 */
@Component(service = ReportRenderer.class)
public final class ReportService implements ReportRenderer {

    /** The lab report's file name in the run store's folder. */
    public static final String LAB_FILE = "index.html";

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);

    private final RunStore store;
    private final ExperimentRegistry registry;

    @Activate
    public ReportService(@Reference RunStore store, @Reference ExperimentRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    public Drawn renderRun(RunRecord record, Experiment experiment, Path dir) throws IOException {
        List<String> warnings = new ArrayList<>();
        boolean inStore = isInStore(dir);
        List<String> files = drawRun(record, experiment, dir, inStore, warnings);
        if (inStore) {
            try {
                renderLab(store, null, false);
            } catch (IOException | RuntimeException e) {
                warnings.add("the lab report could not be brought up to date: " + e);
            }
        }
        return new Drawn(files, warnings);
    }

    @Override
    public Path renderLab(Path file) throws IOException {
        return renderLab(null, file);
    }

    @Override
    public Path renderLab(Path runsRoot, Path file) throws IOException {
        RunStore source = runsRoot == null ? store : store.at(runsRoot);
        if (runsRoot != null && !Files.isDirectory(source.root())) {
            throw new IllegalArgumentException("no run store at " + source.root() + ": it is not a folder");
        }
        return renderLab(source, file, true);
    }

    /**
     * Writes the lab report over {@code source}; with {@code drawMissing}, first draws the pages of ended runs that
     * have none (asked for by {@code reprolab report}; not after every run, where another run may be drawing its own).
     */
    private synchronized Path renderLab(RunStore source, Path file, boolean drawMissing) throws IOException {
        Path target = file == null ? source.root().resolve(LAB_FILE) : file.toAbsolutePath();
        Map<String, RunRecord> latest = new LinkedHashMap<>();
        Map<String, Integer> runs = new HashMap<>();
        for (RunRecord r : source.list()) {
            // newest first: keep the latest full-profile run that succeeded, else the latest run
            RunRecord shown = latest.get(r.experimentId());
            if (shown == null || !isReproduction(shown) && isReproduction(r)) {
                latest.put(r.experimentId(), r);
            }
            runs.merge(r.experimentId(), 1, Integer::sum);
        }
        List<LabEntry> entries = new ArrayList<>();
        for (RegisteredExperiment reg : registry.experiments()) {
            ExperimentInfo info = reg.experiment().info();
            RunRecord r = latest.remove(reg.id());
            entries.add(new LabEntry(reg.id(), info, r, pageOf(source, r, reg.experiment(), target, drawMissing), runs.getOrDefault(reg.id(), 0)));
        }
        for (RunRecord r : latest.values()) {
            entries.add(new LabEntry(r.experimentId(), null, r, pageOf(source, r, null, target, drawMissing), runs.get(r.experimentId())));
        }
        String html = LabPage.render(entries, source.root().toString(), Instant.now());
        AtomicWrite.write(target, html.getBytes(StandardCharsets.UTF_8));
        return target;
    }

    /** A run that measured the paper's claims at the full profile's scale. */
    private static boolean isReproduction(RunRecord r) {
        return Profile.FULL.id().equals(r.profile()) && RunStatus.SUCCEEDED.name().equals(r.status());
    }

    /** Draws a run's plots and page into its folder; returns the files written, adds what failed to warnings. */
    private List<String> drawRun(RunRecord record, Experiment experiment, Path dir, boolean linkLab, List<String> warnings)
            throws IOException {
        List<PlotSpec> specs = List.of();
        ExperimentInfo info = null;
        if (experiment != null) {
            try {
                info = experiment.info();
                specs = experiment.plots();
            } catch (RuntimeException e) {
                warnings.add("the experiment's plot declarations could not be read: " + e);
            }
        }
        List<Plotted> plots = Plots.write(FigurePlan.of(specs, nonNull(record.series()), record.heatmaps(),
                record.imageGrids()), dir);
        List<String> files = new ArrayList<>();
        for (Plotted p : plots) {
            if (p.drawn()) {
                files.add(p.png());
                files.add(p.svg());
            } else {
                warnings.add("plot '" + p.figure().plotId() + "' could not be drawn: " + p.error());
            }
        }
        String page = RunPage.render(record, info, plots, linkLab ? "../" + LAB_FILE : null, Instant.now());
        AtomicWrite.write(dir.resolve(RunPage.FILE), page.getBytes(StandardCharsets.UTF_8));
        files.add(RunPage.FILE);
        return files;
    }

    /**
     * The link from the lab report to a run's page. A run that ended without one (interrupted, or stored before
     * this bundle was installed) gets its page drawn now; a run still going has none yet.
     */
    private String pageOf(RunStore source, RunRecord r, Experiment experiment, Path labFile, boolean drawMissing) {
        if (r == null) {
            return null;
        }
        Path dir = source.root().resolve(r.runId());
        Path page = dir.resolve(RunPage.FILE);
        RunStatus status = statusOf(r);
        if (drawMissing && !Files.isRegularFile(page) && status != null && status.isFinal()) {
            try {
                List<String> warnings = new ArrayList<>();
                drawRun(r, experiment, dir, true, warnings);
                warnings.forEach(w -> LOG.warn("run {}: {}", r.runId(), w));
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot draw the page of run {}: {}", r.runId(), e.toString());
            }
        }
        Path linked = Files.isRegularFile(page) ? page : dir.resolve("run.json");
        if (!Files.isRegularFile(linked)) {
            return null;
        }
        Path from = labFile.toAbsolutePath().getParent();
        return Html.localHref(from.relativize(linked.toAbsolutePath()).toString());
    }

    private boolean isInStore(Path dir) {
        Path parent = dir.toAbsolutePath().normalize().getParent();
        return parent != null && parent.equals(store.root().toAbsolutePath().normalize());
    }

    private static RunStatus statusOf(RunRecord r) {
        try {
            return Optional.ofNullable(r.status()).map(RunStatus::valueOf).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
