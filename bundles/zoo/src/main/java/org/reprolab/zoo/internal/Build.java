package org.reprolab.zoo.internal;

import java.util.Locale;
import org.reprolab.api.RunCancelledException;
import org.reprolab.tensor.Generator;
import org.reprolab.zoo.BuildContext;
import org.reprolab.zoo.BuildListener;
import org.reprolab.zoo.ZooConfig;
import org.slf4j.Logger;

/** The context of one build: generators from the config's seed, progress to the listener and (every 10 s) the log. */
final class Build implements BuildContext {
    private static final long LOG_INTERVAL_NS = 10_000_000_000L;

    private final ZooConfig config;
    private final BuildListener listener;
    private final Logger log;
    private long lastLog = System.nanoTime();

    Build(ZooConfig config, BuildListener listener, Logger log) {
        this.config = config;
        this.listener = listener;
        this.log = log;
    }

    @Override
    public ZooConfig config() {
        return config;
    }

    @Override
    public Generator generator(String stream) {
        return new Generator(config.seed()).fork(stream);
    }

    @Override
    public void progress(long done, long total, String message) {
        listener.progress(done, total, message);
        long now = System.nanoTime();
        if (now - lastLog >= LOG_INTERVAL_NS) {
            lastLog = now;
            log.info("building {}: {}% ({})", config.name(),
                    String.format(Locale.ROOT, "%.0f", total > 0 ? 100.0 * done / total : 0), message);
        }
    }

    @Override
    public void checkCancelled() {
        if (listener.isCancelled()) {
            throw new RunCancelledException("the zoo build of " + config.name() + " was cancelled");
        }
    }

    @Override
    public Logger log() {
        return log;
    }
}
