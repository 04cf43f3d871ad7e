package org.reprolab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Experiment;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.Heatmap;
import org.reprolab.api.Paper;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.api.Series;
import org.reprolab.runtime.ExperimentRegistry;
import org.reprolab.runtime.RegisteredExperiment;
import org.reprolab.runtime.ReportRenderer;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunStore;

/** The service the runtime calls: a run's plots and page, and the lab report over the store. */
class ReportServiceTest {

    @TempDir
    Path root;

    private final List<RunRecord> runs = new ArrayList<>();
    private final List<RunRecord> elsewhere = new ArrayList<>();
    private final List<Experiment> installed = new ArrayList<>();

    private final RunStore store = new RunStore() {
        @Override
        public Path root() {
            return root;
        }

        @Override
        public List<RunRecord> list() {
            return runs.reversed();
        }

        @Override
        public Optional<RunRecord> read(String runId) {
            return runs.stream().filter(r -> r.runId().equals(runId)).findFirst();
        }

        @Override
        public RunStore at(Path other) {
            return new RunStore() {
                @Override
                public Path root() {
                    return other;
                }

                @Override
                public List<RunRecord> list() {
                    return elsewhere.reversed();
                }

                @Override
                public Optional<RunRecord> read(String runId) {
                    return elsewhere.stream().filter(r -> r.runId().equals(runId)).findFirst();
                }

                @Override
                public RunStore at(Path again) {
                    return store.at(again);
                }
            };
        }
    };

    private final ExperimentRegistry registry = new ExperimentRegistry() {
        @Override
        public List<RegisteredExperiment> experiments() {
            return installed.stream().map(e -> new RegisteredExperiment(e, "b." + e.info().id(), "1.0.0", 1)).toList();
        }

        @Override
        public Optional<RegisteredExperiment> find(String id) {
            return experiments().stream().filter(r -> r.id().equals(id)).findFirst();
        }
    };

    private final ReportService service = new ReportService(store, registry);

    static Experiment experiment(String id, List<PlotSpec> plots) {
        return new Experiment() {
            @Override
            public ExperimentInfo info() {
                return new ExperimentInfo(id, "Experiment " + id, new Paper("Paper " + id, "Someone", 2024, ""), "theory",
                        List.of(), "");
            }

            @Override
            public List<ParamSpec<?>> params() {
                return List.of();
            }

            @Override
            public List<PlotSpec> plots() {
                return plots;
            }

            @Override
            public Result run(RunContext ctx) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private RunRecord stored(String runId, String experimentId, String status, List<ClaimCheck> claims, List<Series> series,
                             List<Heatmap> heatmaps) throws Exception {
        return stored(runId, experimentId, "smoke", status, claims, series, heatmaps);
    }

    private RunRecord stored(String runId, String experimentId, String profile, String status, List<ClaimCheck> claims,
                             List<Series> series, List<Heatmap> heatmaps) throws Exception {
        RunRecord r = new RunRecord(runId, experimentId, "T " + experimentId, "b", "1", Map.of(), 1, profile, "jvm", Map.of(),
                "o", status, "2026-01-01T00:00:0" + runs.size() + "Z", "2026-01-01T00:00:01Z", "2026-01-01T00:00:02Z", 1.5,
                Map.of(), claims, series, List.of(), List.of(), status.equals("SUCCEEDED") ? null : "it stopped",
                heatmaps, List.of(), List.of());
        Files.createDirectories(root.resolve(runId));
        Files.writeString(root.resolve(runId).resolve("run.json"), "{}");
        runs.add(r);
        return r;
    }

    @Test
    void aRunGetsItsPlotsAndPageAndTheLabReportIsBroughtUpToDate() throws Exception {
        Experiment demo = experiment("demo", List.of(PlotSpec.line("mse", "Test MSE").logY(),
                PlotSpec.heatmap("grid", "Grid")));
        installed.add(demo);
        RunRecord r = stored("run-1", "demo", "SUCCEEDED", List.of(ClaimCheck.atMost("C1", "small", 1, 2)),
                List.of(Series.of("mse", "measured", "n", "MSE", new double[] {1, 2}, new double[] {0.5, 0.25}),
                        Series.of("stray", "undeclared", "x", "y", new double[] {1, 2}, new double[] {2, 1})),
                List.of(new Heatmap("grid", "g", "x", "y", "v", List.of("a", "b"), List.of("r"), new double[][] {{1, 2}})));
        ReportRenderer.Drawn drawn = service.renderRun(r, demo, root.resolve("run-1"));
        assertEquals(List.of("plots/mse.png", "plots/mse.svg", "plots/grid.png", "plots/grid.svg", "plots/stray.png",
                "plots/stray.svg", "report.html"), drawn.files());
        assertEquals(List.of(), drawn.warnings());
        for (String f : drawn.files()) {
            assertTrue(Files.size(root.resolve("run-1").resolve(f)) > 100, f);
        }
        String page = Files.readString(root.resolve("run-1/report.html"));
        assertTrue(page.contains("src=\"plots/mse.png\"") && page.contains("href=\"plots/grid.svg\""));
        assertTrue(page.contains("not declared by the experiment"), "the stray plot is drawn and marked");
        String lab = Files.readString(root.resolve(ReportService.LAB_FILE));
        assertTrue(lab.contains("href=\"run-1/report.html\""), lab);
        assertTrue(lab.contains(">1 / 1<"));
    }

    @Test
    void aRunOutsideTheStoreDoesNotTouchTheLabReport() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("other/place/run-9"));
        RunRecord r = new RunRecord("run-9", "demo", "T", "b", "1", Map.of(), 1, "smoke", "jvm", Map.of(), "o", "SUCCEEDED",
                null, null, null, 0, Map.of(), List.of(), List.of(), List.of(), List.of(), null);
        ReportRenderer.Drawn drawn = service.renderRun(r, null, elsewhere);
        assertEquals(List.of("report.html"), drawn.files());
        assertFalse(Files.exists(root.resolve(ReportService.LAB_FILE)));
        assertFalse(Files.readString(elsewhere.resolve("report.html")).contains("Lab report"));
    }

    @Test
    void theLabReportWithNoExperimentsAndNoRuns() throws Exception {
        Path written = service.renderLab(null);
        assertEquals(root.resolve(ReportService.LAB_FILE), written);
        assertTrue(Files.readString(written).contains("No experiment is installed"));
    }

    @Test
    void theLabReportOverSeveralExperimentsListsTheLatestRunOfEachAndDrawsMissingPages() throws Exception {
        installed.add(experiment("alpha", List.of()));
        installed.add(experiment("beta", List.of()));
        installed.add(experiment("never", List.of()));
        stored("a-old", "alpha", "SUCCEEDED", List.of(ClaimCheck.atMost("C1", "x", 3, 2)), List.of(), List.of());
        stored("a-new", "alpha", "SUCCEEDED", List.of(ClaimCheck.atMost("C1", "x", 1, 2)), List.of(), List.of());
        stored("b-1", "beta", "INTERRUPTED", List.of(), List.of(), List.of());
        stored("g-1", "gone", "FAILED", List.of(), List.of(), List.of());
        Path out = root.resolve("site/lab.html");
        assertEquals(out, service.renderLab(out));
        String lab = Files.readString(out);
        assertTrue(lab.contains("href=\"../a-new/report.html\""), "the latest run, linked relative to the report");
        assertFalse(lab.contains("a-old"));
        assertTrue(Files.isRegularFile(root.resolve("b-1/report.html")), "the interrupted run got its page");
        assertTrue(lab.contains("class=\"badge interrupted\""));
        assertTrue(lab.contains("reprolab run never"));
        assertTrue(lab.contains("Runs of experiments not installed") && lab.contains("href=\"../g-1/report.html\""));
        assertTrue(lab.contains("2 runs"));
        assertTrue(lab.contains(">1 / 1<"), "claims held in the latest runs");
    }

    @Test
    void theLabReportPrefersTheLatestSuccessfulFullRunToNewerSmokeOrStoppedRuns() throws Exception {
        installed.add(experiment("alpha", List.of()));
        stored("a-full-old", "alpha", "full", "SUCCEEDED", List.of(ClaimCheck.atMost("C1", "x", 3, 2)), List.of(), List.of());
        stored("a-full", "alpha", "full", "SUCCEEDED", List.of(ClaimCheck.atMost("C1", "x", 1, 2)), List.of(), List.of());
        stored("a-smoke", "alpha", "smoke", "SUCCEEDED", List.of(ClaimCheck.atMost("C1", "x", 3, 2)), List.of(), List.of());
        stored("a-full-cancelled", "alpha", "full", "CANCELLED", List.of(), List.of(), List.of());
        String lab = Files.readString(service.renderLab(null));
        assertTrue(lab.contains("href=\"a-full/report.html\""), lab);
        assertFalse(lab.contains("href=\"a-smoke/report.html\"") || lab.contains("href=\"a-full-old/report.html\"")
                || lab.contains("href=\"a-full-cancelled/report.html\""));
        assertTrue(lab.contains(">1 / 1<"));
    }

    @Test
    void theLabReportOverAnotherRunStoreReadsThatFolderAndWritesThere() throws Exception {
        installed.add(experiment("alpha", List.of()));
        stored("in-lab", "alpha", "full", "SUCCEEDED", List.of(), List.of(), List.of());
        Path other = Files.createDirectories(root.resolve("../other-runs").normalize());
        RunRecord away = new RunRecord("away-1", "alpha", "T alpha", "b", "1", Map.of(), 1, "full", "jvm", Map.of(), "o",
                "SUCCEEDED", "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", "2026-01-01T00:00:02Z", 1.5, Map.of(),
                List.of(ClaimCheck.atMost("C1", "x", 1, 2)), List.of(), List.of(), List.of(), null);
        Files.createDirectories(other.resolve("away-1"));
        elsewhere.add(away);
        Path written = service.renderLab(other, null);
        assertEquals(other.resolve(ReportService.LAB_FILE), written);
        String lab = Files.readString(written);
        assertTrue(lab.contains("href=\"away-1/report.html\"") && !lab.contains("in-lab"), lab);
        assertTrue(Files.isRegularFile(other.resolve("away-1/report.html")), "the run's page is drawn where the run is");
        assertThrows(IllegalArgumentException.class, () -> service.renderLab(root.resolve("missing"), null));
    }
}
