package org.reprolab.runtime.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.Profile;
import org.reprolab.api.RunCancelledException;
import org.reprolab.api.RunContext;
import org.reprolab.api.Seeds;
import org.reprolab.runtime.ProgressListener;
import org.reprolab.runtime.RunStatus;
import org.slf4j.Logger;

/** The context of one run inside the engine. */
final class RunContextImpl implements RunContext {

    /** One point of a metric series. */
    record MetricPoint(String series, long step, double value) {
    }

    private final String runId;
    private final Profile profile;
    private final long seed;
    private final Map<String, Object> params;
    private final String backend;
    private final Path outDir;
    private final RunLogger log;
    private final SplittableRandom random;
    private final List<ProgressListener> listeners = new CopyOnWriteArrayList<>();
    private final List<MetricPoint> metrics = new ArrayList<>();
    private volatile RunStatus stopReason;

    RunContextImpl(String runId, Profile profile, long seed, Map<String, Object> params, String backend, Path outDir,
                   RunLogger log) {
        this.runId = runId;
        this.profile = profile;
        this.seed = seed;
        this.params = Map.copyOf(params);
        this.backend = backend;
        this.outDir = outDir;
        this.log = log;
        this.random = Seeds.main(seed);
    }

    void addListener(ProgressListener l) {
        listeners.add(l);
    }

    /** Asks the run to stop; the first reason given wins. */
    synchronized void stop(RunStatus reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    RunStatus stopReason() {
        return stopReason;
    }

    synchronized List<MetricPoint> metricPoints() {
        return List.copyOf(metrics);
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public Profile profile() {
        return profile;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T param(ParamSpec<T> spec) {
        Object v = params.get(spec.name());
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + spec.name() + "' is not declared by this experiment");
        }
        return (T) v;
    }

    @Override
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public RandomGenerator random(String stream) {
        return Seeds.stream(seed, stream);
    }

    @Override
    public Logger log() {
        return log;
    }

    @Override
    public void progress(long done, long total, String message) {
        for (ProgressListener l : listeners) {
            l.progress(done, total, message);
        }
    }

    @Override
    public void checkCancelled() {
        RunStatus reason = stopReason;
        if (reason != null) {
            throw new RunCancelledException("run " + runId + " " + reason.name().toLowerCase().replace('_', ' '));
        }
    }

    @Override
    public boolean isCancelled() {
        return stopReason != null;
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public Path outDir() {
        return outDir;
    }

    @Override
    public synchronized void metric(String series, long step, double value) {
        metrics.add(new MetricPoint(series, step, value));
    }
}
