package org.reprolab.zoo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Serves trained base models. A request for a model that is not cached trains it once and caches it under
 * {@link #cacheFolder()}; concurrent requests for the same model, in this process or others sharing the cache,
 * wait for that one build. A cache entry that cannot be read is logged, removed and rebuilt.
 */
public interface ZooService {

    /** The models available by name: the built-in ones and every registered {@link ZooRecipe}, by name. */
    List<ZooRecipe> recipes();

    /** The recipe of a name, or a {@link ZooException} listing the known names. */
    ZooRecipe recipe(String name);

    /** The recipes of a group (see {@link ZooRecipe#group()}); empty when none has it. */
    List<ZooRecipe> group(String group);

    /** The model of a name, built first if needed. */
    default ZooModel get(String name) {
        return get(recipe(name), BuildListener.NONE);
    }

    /** The model of a name, built first if needed, reporting to the listener. */
    default ZooModel get(String name, BuildListener listener) {
        return get(recipe(name), listener);
    }

    /**
     * The model of a recipe (registered or not), built first if needed. Throws {@link ZooException} when the
     * build fails or misses a sanity check, and {@link org.reprolab.api.RunCancelledException} when the listener
     * cancelled it.
     */
    ZooModel get(ZooRecipe recipe, BuildListener listener);

    /** The recipe's cache key. */
    String key(ZooRecipe recipe);

    /** The recipe's cache entry if one is on disk and its header reads (the weights are not checked). */
    Optional<ZooEntry> cached(ZooRecipe recipe);

    /** Every readable entry in the cache. */
    List<ZooEntry> entries();

    /** Deletes every cache entry that no build is using; says what it removed and what it skipped. */
    ClearResult clear();

    /** The cache's root folder. */
    Path cacheFolder();

    /** What {@link #clear()} did. */
    record ClearResult(int removed, long bytes, List<Path> busy) {
        public ClearResult {
            busy = List.copyOf(busy);
        }
    }
}
