package org.reprolab.zoo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.reprolab.tensor.nn.Module;

/**
 * A model from the zoo. The module is a fresh instance in eval mode, loaded from the cache entry, so a caller
 * may fine-tune it without touching other callers' copies.
 *
 * @param key        the cache key (SHA-256 of the config and the code version)
 * @param cacheHit   true when the entry was already cached; false when this request built it
 * @param buildTime  how long this request spent building (zero on a cache hit)
 * @param metrics    the metrics the build recorded (its sanity values among them)
 * @param file       the cache entry's weights
 */
public record ZooModel(String name, String key, ZooConfig config, Module model, boolean cacheHit, Duration buildTime,
                       Map<String, Double> metrics, Path file) {

    public ZooModel {
        metrics = Map.copyOf(metrics);
    }

    /** One line for a run's log or report, e.g. "tiny-lm-char 3f2a9c01: cache hit" or "…: built in 412.3 s". */
    public String describe() {
        return name + " " + key.substring(0, 8) + ": " + (cacheHit ? "cache hit"
                : String.format(Locale.ROOT, "built in %.1f s", buildTime.toMillis() / 1000.0));
    }
}
