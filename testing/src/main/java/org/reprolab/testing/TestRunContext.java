package org.reprolab.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.reprolab.api.Experiment;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.Profile;
import org.reprolab.api.Result;
import org.reprolab.api.RunCancelledException;
import org.reprolab.api.RunContext;
import org.reprolab.api.Seeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RunContext} for unit tests: parameters from the profile's defaults plus overrides,
 * random streams derived from the seed, metrics kept in memory, artifacts in a temp folder.
 */
public final class TestRunContext implements RunContext {

    /** One recorded metric point. */
    public record Point(String series, long step, double value) {
    }

    private final Experiment experiment;
    private final Profile profile;
    private final long seed;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final SplittableRandom random;
    private final Path outDir;
    private final List<Point> metrics = new ArrayList<>();
    private volatile boolean cancelled;
    private final Logger log;

    public TestRunContext(Experiment experiment, Profile profile, long seed, Map<String, String> overrides) {
        this.experiment = experiment;
        this.profile = profile;
        this.seed = seed;
        this.random = Seeds.main(seed);
        this.log = LoggerFactory.getLogger("run." + experiment.info().id());
        Map<String, String> left = new HashMap<>(overrides);
        for (ParamSpec<?> spec : experiment.params()) {
            String raw = left.remove(spec.name());
            params.put(spec.name(), raw == null ? spec.defaultFor(profile) : spec.parse(raw));
        }
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("unknown parameters " + left.keySet());
        }
        experiment.validate(this);
        try {
            this.outDir = Files.createTempDirectory("reprolab-test-" + experiment.info().id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the experiment's smoke profile with the given seed. */
    public static Result smoke(Experiment experiment, long seed) throws Exception {
        return experiment.run(new TestRunContext(experiment, Profile.SMOKE, seed, Map.of()));
    }

    public List<Point> recordedMetrics() {
        return List.copyOf(metrics);
    }

    public void cancel() {
        cancelled = true;
    }

    @Override
    public String runId() {
        return "test-" + experiment.info().id() + "-" + seed;
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
            throw new IllegalArgumentException("parameter '" + spec.name() + "' is not declared by " + experiment.info().id());
        }
        return (T) v;
    }

    @Override
    public Map<String, Object> params() {
        return Map.copyOf(params);
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
    }

    @Override
    public void checkCancelled() {
        if (cancelled) {
            throw new RunCancelledException("cancelled by the test");
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public String backend() {
        return "jvm";
    }

    @Override
    public Path outDir() {
        return outDir;
    }

    @Override
    public synchronized void metric(String series, long step, double value) {
        metrics.add(new Point(series, step, value));
    }
}
