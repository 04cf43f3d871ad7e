package org.reprolab.runtime.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.reprolab.api.Experiment;
import org.reprolab.api.ParamSpec;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.runtime.ExperimentRegistry;
import org.reprolab.runtime.RegisteredExperiment;
import org.reprolab.runtime.ReportRenderer;
import org.reprolab.runtime.RunEngine;
import org.reprolab.runtime.RunHandle;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunRequest;
import org.reprolab.runtime.RunStatus;
import org.reprolab.runtime.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues runs on a fixed pool ({@code reprolab.runs.concurrency}, default 1), enforces each run's time limit
 * (the request's, else {@code reprolab.run.timeLimitSeconds}, default 6 h), and aborts the runs of an experiment whose service
 * goes away (its bundle stopped, updated or uninstalled) while the platform keeps running.
 */
@Component(service = RunEngine.class)
public final class RunEngineImpl implements RunEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RunEngineImpl.class);
    private static final Duration ABORT_GRACE = Duration.ofSeconds(10);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ExperimentRegistry registry;
    private final RunStore store;
    private final BackendLeasing backends;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final Duration timeLimit;
    private final Map<String, LabRun> active = new ConcurrentHashMap<>();
    private final RunRendering rendering = new RunRendering();

    @Activate
    public RunEngineImpl(BundleContext context, @Reference ExperimentRegistry registry, @Reference RunStore store,
            @Reference BackendLeasing backends) {
        this(registry, store, backends, intProperty(context, "reprolab.runs.concurrency", 1),
                Duration.ofSeconds(intProperty(context, "reprolab.run.timeLimitSeconds", 6 * 3600)));
    }

    RunEngineImpl(ExperimentRegistry registry, RunStore store, BackendLeasing backends, int concurrency, Duration timeLimit) {
        this.registry = registry;
        this.store = store;
        this.backends = backends;
        this.timeLimit = timeLimit;
        this.pool = Executors.newFixedThreadPool(Math.max(1, concurrency), named("reprolab-run"));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("reprolab-run-timer"));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExperiment(Experiment experiment) {
        // Nothing to do: runs look experiments up in the registry. The reference exists for removeExperiment.
    }

    /** The report bundle's renderer: runs that end while one is present are drawn (plots, report page). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRenderer(ReportRenderer renderer) {
        rendering.add(renderer);
    }

    void removeRenderer(ReportRenderer renderer) {
        rendering.remove(renderer);
    }

    /** The experiment's bundle is going away: abort its runs and wait for them to leave its code. */
    void removeExperiment(Experiment experiment) {
        for (LabRun run : List.copyOf(active.values())) {
            if (run.experiment() == experiment) {
                LOG.info("aborting run {}: its experiment is being removed", run.runId());
                run.stop(RunStatus.ABORTED);
                awaitQuietly(run);
            }
        }
    }

    @Deactivate
    void deactivate() {
        active.values().forEach(r -> r.stop(RunStatus.ABORTED));
        active.values().forEach(RunEngineImpl::awaitQuietly);
        pool.shutdownNow();
        timer.shutdownNow();
    }

    @Override
    public RunHandle submit(RunRequest request) {
        RegisteredExperiment reg = registry.require(request.experimentId());
        Experiment experiment = reg.experiment();
        Map<String, Object> values = ParamBinder.bind(experiment, request.profile(), request.params());
        BackendLeasing.Lease lease = backends.lease(request.backend());
        try {
            return start(reg, experiment, values, request, lease);
        } catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
    }

    private RunHandle start(RegisteredExperiment reg, Experiment experiment, Map<String, Object> values,
            RunRequest request, BackendLeasing.Lease lease) {
        Path root = request.runsRoot() == null ? store.root() : Path.of(request.runsRoot()).toAbsolutePath();
        Instant now = Instant.now();
        try {
            Path dir = createRunDir(root, ID_TIME.format(now) + "-" + reg.id() + "-s" + request.seed());
            String runId = dir.getFileName().toString();
            RunLogger log = new RunLogger(reg.id(), dir.resolve("run.log"));
            RunContextImpl ctx = new RunContextImpl(runId, request.profile(), request.seed(), values, request.backend(), dir, log);
            RunRecord queued = new RunRecord(runId, reg.id(), experiment.info().title(), reg.bundleSymbolicName(),
                    reg.bundleVersion(), formatted(experiment, values), request.seed(), request.profile().id(),
                    request.backend(), Environment.describe(), RunOwner.current(), RunStatus.QUEUED.name(),
                    now.toString(), null, null, 0, Map.of(), List.of(), List.of(), List.of(), List.of(), null);
            LabRun run = new LabRun(experiment, dir, queued, ctx, log, lease, rendering);
            long limitMillis = (request.timeLimit() == null ? timeLimit : request.timeLimit()).toMillis();
            active.put(runId, run);
            run.completion().whenComplete((r, e) -> active.remove(runId));
            pool.execute(() -> {
                var limit = timer.schedule(() -> run.stop(RunStatus.TIMED_OUT), limitMillis, TimeUnit.MILLISECONDS);
                try {
                    run.execute();
                } finally {
                    limit.cancel(false);
                }
            });
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder under " + root, e);
        }
    }

    @Override
    public List<RunHandle> active() {
        return List.copyOf(active.values());
    }

    @Override
    public Optional<RunHandle> active(String runId) {
        return Optional.ofNullable(active.get(runId));
    }

    @Override
    public boolean cancel(String runId) {
        LabRun run = active.get(runId);
        if (run == null) {
            return false;
        }
        run.cancel();
        return true;
    }

    private static Map<String, Object> formatted(Experiment experiment, Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec<?> spec : experiment.params()) {
            out.put(spec.name(), values.get(spec.name()));
        }
        return out;
    }

    private static Path createRunDir(Path root, String base) throws IOException {
        Files.createDirectories(root);
        for (int i = 1; ; i++) {
            Path dir = root.resolve(i == 1 ? base : base + "-" + i);
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                // another run of the same experiment and seed in the same second: take the next suffix
            }
        }
    }

    private static void awaitQuietly(LabRun run) {
        try {
            if (!run.awaitFinished(ABORT_GRACE)) {
                LOG.warn("run {} did not stop within {} s", run.runId(), ABORT_GRACE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int intProperty(BundleContext context, String name, int fallback) {
        String v = context.getProperty(name);
        try {
            return v == null ? fallback : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            LOG.warn("ignoring {}={}: not an integer", name, v);
            return fallback;
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
