package org.reprolab.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the lab keeps what it reads and what it caches, for every bundle the same: a setting is a system property,
 * else an environment variable (a blank value counts as unset).
 * <ul>
 *   <li>{@link #cache()}: {@code reprolab.cache} / {@code REPROLAB_CACHE}, else {@code ~/.cache/reprolab}; each user
 *       of it keeps a folder of its own there ({@code data}, {@code zoo}).</li>
 *   <li>{@link #data()}: {@code reprolab.data} / {@code REPROLAB_DATA}, the user's own copies of datasets.</li>
 * </ul>
 */
public final class LabFolders {

    private LabFolders() {
    }

    /** The cache root: {@code $REPROLAB_CACHE}, else {@code ~/.cache/reprolab}. */
    public static Path cache() {
        return setting("reprolab.cache", "REPROLAB_CACHE").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "reprolab")).toAbsolutePath();
    }

    /** The user's data folder, when one is set. */
    public static Optional<Path> data() {
        return setting("reprolab.data", "REPROLAB_DATA").map(Path::of);
    }

    /** A setting: the system property {@code property}, else the environment variable {@code variable}. */
    public static Optional<String> setting(String property, String variable) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(variable);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }
}
