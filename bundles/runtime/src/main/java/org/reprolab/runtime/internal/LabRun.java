package org.reprolab.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.reprolab.api.Experiment;
import org.reprolab.api.Result;
import org.reprolab.api.RunCancelledException;
import org.reprolab.runtime.ProgressListener;
import org.reprolab.runtime.RunHandle;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunStatus;
import org.reprolab.tensor.Backends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run: executes the experiment on an engine thread and keeps its record on disk up to date. */
final class LabRun implements RunHandle {

    private static final Logger LOG = LoggerFactory.getLogger(LabRun.class);

    private final Experiment experiment;
    private final Path dir;
    private final RunContextImpl ctx;
    private final RunLogger log;
    private final BackendLeasing.Lease backend;
    private final RunRendering rendering;
    private final CompletableFuture<RunRecord> completion = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile RunRecord record;
    private volatile RunStatus status = RunStatus.QUEUED;

    LabRun(Experiment experiment, Path dir, RunRecord queued, RunContextImpl ctx, RunLogger log,
            BackendLeasing.Lease backend, RunRendering rendering) throws IOException {
        this.experiment = experiment;
        this.backend = backend;
        this.dir = dir;
        this.ctx = ctx;
        this.log = log;
        this.rendering = rendering;
        this.record = queued;
        save();
    }

    Experiment experiment() {
        return experiment;
    }

    @Override
    public String runId() {
        return record.runId();
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public RunStatus status() {
        return status;
    }

    @Override
    public CompletableFuture<RunRecord> completion() {
        return completion;
    }

    @Override
    public void cancel() {
        stop(RunStatus.CANCELLED);
    }

    @Override
    public void addProgressListener(ProgressListener listener) {
        ctx.addListener(listener);
    }

    void stop(RunStatus reason) {
        ctx.stop(reason);
    }

    /** Waits until the run's thread has left the experiment's code (or the timeout passed). */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs on an engine thread. */
    void execute() {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        try {
            if (ctx.stopReason() != null) {
                finish(ctx.stopReason(), start, 0, "stopped before it started");
                return;
            }
            status = RunStatus.RUNNING;
            record = RunRecords.withStart(record, start);
            save();
            log.info("run {} of {} started: profile {}, seed {}, backend {} ({}), params {}", record.runId(),
                    record.experimentId(), record.profile(), record.seed(), record.backend(),
                    backend.backend().description(), record.params());
            Result result = Backends.using(backend.backend(), () -> experiment.run(ctx));
            double wall = seconds(t0);
            if (result == null) {
                finish(RunStatus.FAILED, start, wall, "the experiment returned no result");
            } else if (ctx.stopReason() != null) {
                finish(ctx.stopReason(), start, wall, "stopped: " + ctx.stopReason().name().toLowerCase(Locale.ROOT));
            } else {
                log.info("run {} finished in {} s: {}/{} claims held", record.runId(),
                        String.format(Locale.ROOT, "%.1f", wall), result.claims().stream().filter(c -> c.held()).count(),
                        result.claims().size());
                record = RunRecords.withResult(record, Instant.now(), wall, result);
                status = RunStatus.SUCCEEDED;
                saveFinal();
            }
        } catch (RunCancelledException e) {
            RunStatus reason = ctx.stopReason() == null ? RunStatus.CANCELLED : ctx.stopReason();
            finish(reason, start, seconds(t0), e.getMessage());
        } catch (Throwable e) {
            log.error("run {} failed", record.runId(), e);
            RunStatus reason = ctx.stopReason() == null ? RunStatus.FAILED : ctx.stopReason();
            finish(reason, start, seconds(t0), e.toString());
            if (e instanceof Error err && !(e instanceof LinkageError) && !(e instanceof OutOfMemoryError)) {
                throw err;
            }
        } finally {
            backend.close();
            try {
                log.close();
            } catch (IOException e) {
                LOG.warn("cannot close run.log of {}: {}", record.runId(), e.toString());
            }
            // complete before signalling "finished", so whoever waited for the run to leave sees it done
            completion.complete(record);
            finished.countDown();
        }
    }

    private void finish(RunStatus end, Instant start, double wall, String why) {
        if (end == RunStatus.CANCELLED) {
            log.info("run {} ended {}: {}", record.runId(), end, why);
        } else {
            log.warn("run {} ended {}: {}", record.runId(), end, why);
        }
        record = RunRecords.withEnd(record, end, Instant.now(), wall, why);
        status = end;
        saveFinal();
    }

    /** Writes the final record, then has the report renderers draw it and records what they wrote. */
    private void saveFinal() {
        try {
            writeMetrics();
            save();
        } catch (IOException e) {
            LOG.error("cannot write the record of run {} in {}: {}", record.runId(), dir, e.toString());
        }
        if (!rendering.isEmpty()) {
            record = rendering.render(record, experiment, dir, log);
            try {
                save();
            } catch (IOException e) {
                LOG.error("cannot write the record of run {} in {}: {}", record.runId(), dir, e.toString());
            }
        }
    }

    private void save() throws IOException {
        Json.write(dir.resolve(RunStoreImpl.RUN_JSON), record);
    }

    private void writeMetrics() throws IOException {
        StringBuilder csv = new StringBuilder("series,step,value\n");
        for (RunContextImpl.MetricPoint p : ctx.metricPoints()) {
            csv.append(csvCell(p.series())).append(',').append(p.step()).append(',').append(p.value()).append('\n');
        }
        Map<String, Double> finalMetrics = record.metrics() == null ? Map.of() : record.metrics();
        finalMetrics.forEach((k, v) -> csv.append(csvCell(k)).append(",,").append(v).append('\n'));
        AtomicFiles.write(dir.resolve("metrics.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
