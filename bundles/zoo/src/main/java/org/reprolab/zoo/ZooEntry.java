package org.reprolab.zoo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A cache entry as found on disk (read from its file's header, weights not loaded).
 *
 * @param config    the canonical config text the entry was built from
 * @param buildTime how long its build took
 * @param bytes     the size of its weights file
 */
public record ZooEntry(String name, String key, String codeVersion, String config, Instant created,
                       Duration buildTime, Map<String, Double> metrics, Path folder, long bytes) {

    public ZooEntry {
        metrics = Map.copyOf(metrics);
    }
}
