package org.reprolab.zoo.internal;

import java.nio.file.Path;

/**
 * Where the zoo caches: {@code <cache>/zoo}, where {@code <cache>} is the system property {@code reprolab.cache},
 * else the environment variable {@code REPROLAB_CACHE}, else {@code ~/.cache/reprolab}.
 */
final class CacheFolder {
    private CacheFolder() {
    }

    static Path defaultRoot() {
        String configured = System.getProperty("reprolab.cache", System.getenv("REPROLAB_CACHE"));
        Path base = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "reprolab");
        return base.resolve("zoo").toAbsolutePath();
    }
}
