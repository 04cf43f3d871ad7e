package org.reprolab.zoo.internal;

import java.nio.file.Path;
import org.reprolab.data.LabFolders;

/**
 * Where the zoo caches: {@code zoo} in the lab's cache ({@link LabFolders#cache()}: {@code reprolab.cache}, else
 * {@code REPROLAB_CACHE}, else {@code ~/.cache/reprolab}).
 */
final class CacheFolder {
    private CacheFolder() {
    }

    static Path defaultRoot() {
        return LabFolders.cache().resolve("zoo");
    }
}
