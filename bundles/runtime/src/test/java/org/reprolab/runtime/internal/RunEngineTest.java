package org.reprolab.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.reprolab.api.ParamSpec;
import org.reprolab.api.Paper;
import org.reprolab.api.Profile;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.runtime.ExperimentRegistry;
import org.reprolab.runtime.RegisteredExperiment;
import org.reprolab.runtime.RunHandle;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunRequest;
import org.reprolab.runtime.RunStatus;
import org.reprolab.tensor.Backends;

class RunEngineTest {

    /** Draws {@code draws} numbers from a named stream; loops until cancelled when {@code spin} is set. */
    static final class Sampler implements Experiment {
        static final ParamSpec<Integer> DRAWS = ParamSpec.ofInt("draws", 3, 5, "numbers to draw").range(1, 100);
        static final ParamSpec<Boolean> SPIN = ParamSpec.ofBoolean("spin", false, false, "run until cancelled");
        volatile String seenBackend;

        @Override
        public ExperimentInfo info() {
            return new ExperimentInfo("sampler", "Sampler", new Paper("A paper", "Someone", 2024, ""), "test", null, null);
        }

        @Override
        public List<ParamSpec<?>> params() {
            return List.of(DRAWS, SPIN);
        }

        @Override
        public Result run(RunContext ctx) throws InterruptedException {
            while (ctx.param(SPIN)) {
                ctx.checkCancelled();
                Thread.sleep(5);
            }
            var rng = ctx.random("draws");
            double sum = 0;
            for (int i = 0; i < ctx.param(DRAWS); i++) {
                double x = rng.nextDouble();
                sum += x;
                ctx.metric("draw", i, x);
                ctx.progress(i + 1, ctx.param(DRAWS), "drawing");
            }
            ctx.log().info("sum {}", sum);
            seenBackend = Backends.current().description();
            return Result.builder().metric("sum", sum)
                    .claim(ClaimCheck.atLeast("positive", "the sum is positive", sum, 0)).build();
        }
    }

    @TempDir
    Path root;
    private final Sampler sampler = new Sampler();
    private RunEngineImpl engine;
    private final BackendCatalogImpl catalog = new BackendCatalogImpl();

    private RunEngineImpl engine(Duration limit) {
        ExperimentRegistry registry = new ExperimentRegistry() {
            @Override
            public List<RegisteredExperiment> experiments() {
                return List.of(new RegisteredExperiment(sampler, "test.bundle", "1.0.0", 7));
            }

            @Override
            public Optional<RegisteredExperiment> find(String id) {
                return experiments().stream().filter(e -> e.id().equals(id)).findFirst();
            }
        };
        engine = new RunEngineImpl(registry, new RunStoreImpl(root), catalog, 1, limit);
        return engine;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.deactivate();
        }
    }

    private static RunRequest request(Map<String, String> params, long seed) {
        return new RunRequest("sampler", params, Profile.SMOKE, seed, null, null);
    }

    @Test
    void aRunLeavesACompleteRecordAndTheSameSeedGivesTheSameNumbers() throws Exception {
        RunEngineImpl e = engine(Duration.ofMinutes(1));
        RunRecord first = e.submit(request(Map.of("draws", "4"), 11)).completion().get(10, TimeUnit.SECONDS);
        RunRecord second = e.submit(request(Map.of("draws", "4"), 11)).completion().get(10, TimeUnit.SECONDS);
        RunRecord other = e.submit(request(Map.of("draws", "4"), 12)).completion().get(10, TimeUnit.SECONDS);
        assertEquals(RunStatus.SUCCEEDED, first.runStatus());
        assertEquals(first.metrics(), second.metrics());
        assertFalse(first.metrics().equals(other.metrics()));
        Path dir = root.resolve(first.runId());
        RunRecord stored = Json.read(dir.resolve("run.json"));
        assertEquals("sampler", stored.experimentId());
        assertEquals(4, ((Number) stored.params().get("draws")).intValue());
        assertEquals(11, stored.seed());
        assertEquals("test.bundle", stored.bundle());
        assertEquals(1, stored.claimCount());
        assertTrue(stored.claims().get(0).held());
        assertEquals(6, Files.readAllLines(dir.resolve("metrics.csv")).size(), "header + 4 draws + final sum");
        assertTrue(Files.readString(dir.resolve("run.log")).contains("sum "));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temp file is left behind");
        }
    }

    @Test
    void aRunComputesOnTheBackendItChoseAndGivesItBackWhenItEnds() throws Exception {
        RunEngineImpl e = engine(Duration.ofMinutes(1));
        BackendCatalogTest.FakeProvider cl = new BackendCatalogTest.FakeProvider("opencl", null);
        catalog.addProvider(cl, Map.of());
        RunRecord onDevice = e.submit(new RunRequest("sampler", Map.of(), Profile.SMOKE, 1, "opencl", null))
                .completion().get(10, TimeUnit.SECONDS);
        assertEquals(RunStatus.SUCCEEDED.name(), onDevice.status());
        assertEquals("opencl", onDevice.backend());
        assertEquals("opencl device 0", sampler.seenBackend);
        catalog.removeProvider(cl);
        assertEquals(1, cl.closed.get(), "the finished run released its hold, so the backend closed with its provider");
        e.submit(request(Map.of(), 1)).completion().get(10, TimeUnit.SECONDS);
        assertEquals(Backends.jvm().description(), sampler.seenBackend);
    }

    @Test
    void badRequestsWriteNothing() {
        RunEngineImpl e = engine(Duration.ofMinutes(1));
        BadRequestException unknownParam = assertThrows(BadRequestException.class, () -> e.submit(request(Map.of("drawz", "4"), 1)));
        assertTrue(unknownParam.getMessage().contains("valid parameters: draws, spin"), unknownParam.getMessage());
        BadRequestException range = assertThrows(BadRequestException.class, () -> e.submit(request(Map.of("draws", "0"), 1)));
        assertTrue(range.getMessage().contains("out of range"), range.getMessage());
        assertThrows(BadRequestException.class, () -> e.submit(request(Map.of("draws", "many"), 1)));
        BadRequestException unknown = assertThrows(BadRequestException.class,
                () -> e.submit(new RunRequest("nope", Map.of(), Profile.SMOKE, 1, null, null)));
        assertEquals("unknown experiment 'nope'; available: sampler", unknown.getMessage());
        assertThrows(BadRequestException.class, () -> e.submit(new RunRequest("sampler", Map.of(), Profile.SMOKE, 1, "cuda", null)));
        assertFalse(Files.exists(root) && root.toFile().list().length > 0, "nothing was written under the run store");
    }

    @Test
    void cancellationTimeLimitAndRemovalEndTheRunWithTheirOwnStatus() throws Exception {
        RunEngineImpl e = engine(Duration.ofMillis(300));
        RunRecord timedOut = e.submit(request(Map.of("spin", "true"), 1)).completion().get(10, TimeUnit.SECONDS);
        assertEquals(RunStatus.TIMED_OUT, timedOut.runStatus());
        e.deactivate();

        RunEngineImpl e2 = engine(Duration.ofMinutes(1));
        RunHandle cancelled = e2.submit(request(Map.of("spin", "true"), 1));
        awaitRunning(cancelled);
        assertTrue(e2.cancel(cancelled.runId()));
        RunRecord cancelledRecord = cancelled.completion().get(10, TimeUnit.SECONDS);
        assertEquals(RunStatus.CANCELLED, cancelledRecord.runStatus());
        assertTrue(cancelledRecord.startedAt() != null, "it was cancelled while running");

        RunHandle aborted = e2.submit(request(Map.of("spin", "true"), 2));
        awaitRunning(aborted);
        e2.removeExperiment(sampler);
        assertTrue(aborted.completion().isDone(), "removal waits for the run to leave the experiment's code");
        RunRecord stored = Json.read(aborted.dir().resolve("run.json"));
        assertEquals(RunStatus.ABORTED, stored.runStatus());
    }

    private static void awaitRunning(RunHandle run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (run.status() != RunStatus.RUNNING) {
            assertTrue(System.nanoTime() < deadline, "the run did not start");
            Thread.sleep(5);
        }
    }

    @Test
    void unfinishedRunsOfADeadProcessAreMarkedInterrupted() throws Exception {
        Path dir = Files.createDirectories(root.resolve("20260101-000000-sampler-s1"));
        RunRecord orphan = new RunRecord("20260101-000000-sampler-s1", "sampler", "Sampler", "b", "1", Map.of(), 1, "smoke",
                "jvm", Map.of(), "999999999@2020-01-01T00:00:00Z", "RUNNING", "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:01Z", null, 0, Map.of(), List.of(), List.of(), List.of(), List.of(), null);
        Json.write(dir.resolve("run.json"), orphan);
        Path live = Files.createDirectories(root.resolve("20260101-000001-sampler-s2"));
        Json.write(live.resolve("run.json"), new RunRecord("20260101-000001-sampler-s2", "sampler", "Sampler", "b", "1",
                Map.of(), 2, "smoke", "jvm", Map.of(), RunOwner.current(), "RUNNING", "2026-01-01T00:00:01Z",
                null, null, 0, Map.of(), List.of(), List.of(), List.of(), List.of(), null));
        RunStoreImpl store = new RunStoreImpl(root);
        assertEquals(1, store.markInterrupted());
        assertEquals(RunStatus.INTERRUPTED, store.read("20260101-000000-sampler-s1").orElseThrow().runStatus());
        assertEquals(RunStatus.RUNNING, store.read("20260101-000001-sampler-s2").orElseThrow().runStatus());
        assertTrue(store.read("../etc").isEmpty());
    }

    @Test
    void malformedAssignmentsAreRejected() {
        assertThrows(BadRequestException.class, () -> RunRequest.parseAssignments(List.of("draws")));
        assertThrows(BadRequestException.class, () -> RunRequest.parseAssignments(List.of("=3")));
        assertThrows(BadRequestException.class, () -> RunRequest.parseAssignments(List.of("a=1", "a=2")));
        assertEquals(Map.of("a", "x=y"), RunRequest.parseAssignments(List.of("a=x=y")));
    }
}
