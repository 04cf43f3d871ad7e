package org.reprolab.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Experiment;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.Heatmap;
import org.reprolab.api.ImageGrid;
import org.reprolab.api.Paper;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.Profile;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.api.Series;
import org.reprolab.runtime.ExperimentRegistry;
import org.reprolab.runtime.RegisteredExperiment;
import org.reprolab.runtime.ReportRenderer;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunRequest;
import org.reprolab.runtime.RunStatus;

/** Runs end the same with or without a report renderer, and whatever the renderer does. */
class RunRenderingTest {

    /** Returns a series, a heat map and an image grid; fails when asked to. */
    static final class Plotter implements Experiment {
        static final ParamSpec<Boolean> FAIL = ParamSpec.ofBoolean("fail", false, false, "throw instead of returning");

        @Override
        public ExperimentInfo info() {
            return new ExperimentInfo("plotter", "Plotter", new Paper("A paper", "Someone", 2024, ""), "test", null, null);
        }

        @Override
        public List<ParamSpec<?>> params() {
            return List.of(FAIL);
        }

        @Override
        public Result run(RunContext ctx) {
            if (ctx.param(FAIL)) {
                throw new IllegalStateException("asked to fail");
            }
            return Result.builder()
                    .claim(ClaimCheck.atMost("small", "it is small", 1, 2))
                    .series(Series.of("curve", "y = x²", "x", "y", new double[] {1, 2, 3}, new double[] {1, 4, 9}))
                    .heatmap(new Heatmap("grid", "values", "col", "row", "v", List.of("a", "b"), List.of("r"),
                            new double[][] {{0.5, Double.NaN}}))
                    .imageGrid(new ImageGrid("images", "two pixels", 1, 2, 1, 0, List.of(new float[] {0f, 1f}), List.of("x")))
                    .build();
        }
    }

    @TempDir
    Path root;
    private RunEngineImpl engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.deactivate();
        }
    }

    private RunEngineImpl engine() {
        Plotter plotter = new Plotter();
        ExperimentRegistry registry = new ExperimentRegistry() {
            @Override
            public List<RegisteredExperiment> experiments() {
                return List.of(new RegisteredExperiment(plotter, "test.bundle", "1.0.0", 7));
            }

            @Override
            public Optional<RegisteredExperiment> find(String id) {
                return experiments().stream().filter(e -> e.id().equals(id)).findFirst();
            }
        };
        engine = new RunEngineImpl(registry, new RunStoreImpl(root), new BackendCatalogImpl(), 1, Duration.ofMinutes(1));
        return engine;
    }

    private RunRecord run(boolean fail) throws Exception {
        return engine.submit(new RunRequest("plotter", Map.of("fail", Boolean.toString(fail)), Profile.SMOKE, 1, null, null))
                .completion().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRendererThatThrowsLeavesTheRunSucceededWithAWarning() throws Exception {
        engine().addRenderer(new ReportRenderer() {
            @Override
            public Drawn renderRun(RunRecord record, Experiment experiment, Path dir) throws IOException {
                Files.writeString(dir.resolve("half.png"), "x");
                throw new IOException("disk on fire");
            }

            @Override
            public Path renderLab(Path runs, Path file) {
                throw new UnsupportedOperationException();
            }
        });
        RunRecord done = run(false);
        assertEquals(RunStatus.SUCCEEDED, done.runStatus());
        RunRecord stored = Json.read(root.resolve(done.runId()).resolve("run.json"));
        assertEquals(RunStatus.SUCCEEDED, stored.runStatus());
        assertEquals(1, stored.claimCount());
        assertEquals(1, stored.warnings().size());
        assertTrue(stored.warnings().get(0).contains("disk on fire"), stored.warnings().toString());
        assertTrue(Files.readString(root.resolve(done.runId()).resolve("run.log")).contains("disk on fire"));
    }

    @Test
    void whatARendererWritesIsListedAndHeatmapsAndImagesAreKept() throws Exception {
        engine().addRenderer(new ReportRenderer() {
            @Override
            public Drawn renderRun(RunRecord record, Experiment experiment, Path dir) throws IOException {
                assertTrue(Files.isRegularFile(dir.resolve("run.json")), "the final record is on disk before drawing");
                Files.writeString(dir.resolve("report.html"), record.status() + " " + experiment.info().id());
                return new Drawn(List.of("report.html"), List.of("plot 'grid' could not be drawn: test"));
            }

            @Override
            public Path renderLab(Path runs, Path file) {
                throw new UnsupportedOperationException();
            }
        });
        RunRecord ok = run(false);
        RunRecord failed = run(true);
        RunRecord stored = Json.read(root.resolve(ok.runId()).resolve("run.json"));
        assertEquals(List.of("report.html"), stored.artifacts());
        assertEquals("SUCCEEDED plotter", Files.readString(root.resolve(ok.runId()).resolve("report.html")));
        assertEquals(List.of("plot 'grid' could not be drawn: test"), stored.warnings());
        assertEquals(0.5, stored.heatmaps().get(0).value(0, 0));
        assertTrue(Double.isNaN(stored.heatmaps().get(0).value(0, 1)), "NaN survives run.json");
        assertEquals(1f, stored.imageGrids().get(0).pixel(0, 0, 1, 0));
        assertEquals(List.of("x"), stored.imageGrids().get(0).labels());
        assertEquals(RunStatus.FAILED, failed.runStatus());
        assertEquals("FAILED plotter", Files.readString(root.resolve(failed.runId()).resolve("report.html")),
                "a failed run gets its page too");
    }

    @Test
    void withoutARendererRunsCompleteAndOldRecordsStillRead() throws Exception {
        engine();
        RunRecord done = run(false);
        assertEquals(RunStatus.SUCCEEDED, done.runStatus());
        assertEquals(List.of(), done.artifacts());
        Path dir = Files.createDirectories(root.resolve("old"));
        Files.writeString(dir.resolve("run.json"), """
                {"runId":"old","experimentId":"plotter","title":"Plotter","status":"SUCCEEDED","seed":1,"wallSeconds":1.5}
                """);
        RunRecord old = new RunStoreImpl(root).read("old").orElseThrow();
        assertEquals(List.of(), old.heatmaps());
        assertEquals(List.of(), old.imageGrids());
        assertEquals(List.of(), old.warnings());
    }
}
