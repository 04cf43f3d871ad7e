package org.reprolab.zoo.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.reprolab.api.RunCancelledException;
import org.reprolab.data.text.TextCorpus;
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.nn.Module;
import org.reprolab.zoo.BuildListener;
import org.reprolab.zoo.ZooConfig;
import org.reprolab.zoo.ZooEntry;
import org.reprolab.zoo.ZooException;
import org.reprolab.zoo.ZooModel;
import org.reprolab.zoo.ZooRecipe;
import org.reprolab.zoo.ZooService;
import org.reprolab.zoo.recipes.BuiltInRecipes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zoo service: the built-in recipes plus every {@link ZooRecipe} service, served from the cache in
 * {@link CacheFolder#defaultRoot()} (see {@link ModelCache} for the layout and {@link EntryLocks} for the
 * locking). A request first tries the entry without locking (entries are renamed into place whole); on a miss
 * it takes the entry's lock, looks again (another process may just have built it), and otherwise builds, checks
 * the config's sanity settings, saves, and loads the saved file back.
 */
@Component(service = ZooService.class)
public final class ZooServiceImpl implements ZooService {
    private static final Logger LOG = LoggerFactory.getLogger(ZooServiceImpl.class);

    private final ModelCache cache;
    private final EntryLocks locks = new EntryLocks();
    private final Map<String, ZooRecipe> recipes = new ConcurrentSkipListMap<>();

    /** The service as DS makes it: the default cache folder and the built-in recipes. */
    @Activate
    public ZooServiceImpl() {
        this(CacheFolder.defaultRoot(), builtIn());
    }

    /** A service over a cache folder with the given recipes (tests, tools). */
    public ZooServiceImpl(Path cacheRoot, List<ZooRecipe> recipes) {
        this.cache = new ModelCache(cacheRoot.toAbsolutePath());
        recipes.forEach(this::addRecipe);
    }

    /** The built-in recipes (image models, tokfsm-lm, tiny-lm-char); tiny-lm-char reads the corpus on first use. */
    public static List<ZooRecipe> builtIn() {
        List<ZooRecipe> all = new ArrayList<>(BuiltInRecipes.imageModels());
        all.add(BuiltInRecipes.tokfsmLm());
        all.add(new DeferredRecipe(BuiltInRecipes.TINY_LM_CHAR, "Character GPT on the text corpus (llm-fp4, pv-tuning,"
                + " codebook-features, wta-crs, eva, corda)", () -> BuiltInRecipes.tinyLmChar(TextCorpus.locate())));
        return all;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeRecipe")
    void addRecipe(ZooRecipe recipe) {
        ZooRecipe before = recipes.putIfAbsent(recipe.name(), recipe);
        if (before != null && before != recipe) {
            LOG.warn("zoo: a second recipe named {} ({}) is ignored; {} keeps it", recipe.name(),
                    recipe.getClass().getName(), before.getClass().getName());
        }
    }

    void removeRecipe(ZooRecipe recipe) {
        recipes.remove(recipe.name(), recipe);
    }

    @Override
    public List<ZooRecipe> recipes() {
        return List.copyOf(recipes.values());
    }

    @Override
    public ZooRecipe recipe(String name) {
        ZooRecipe r = recipes.get(name);
        if (r == null) {
            throw new ZooException("no zoo model named '" + name + "'; the zoo has " + String.join(", ", recipes.keySet()));
        }
        return r;
    }

    @Override
    public List<ZooRecipe> group(String group) {
        return recipes.values().stream().filter(r -> !group.isEmpty() && r.group().equals(group)).toList();
    }

    @Override
    public String key(ZooRecipe recipe) {
        return recipe.config().key(recipe.codeVersion());
    }

    @Override
    public Path cacheFolder() {
        return cache.root();
    }

    @Override
    public ZooModel get(ZooRecipe recipe, BuildListener listener) {
        ZooConfig config = recipe.config();
        String key = key(recipe);
        Path folder = cache.folder(recipe.name(), key);
        try {
            Optional<ZooModel> hit = load(recipe, folder, key);
            if (hit.isPresent()) {
                return hit.get();
            }
        } catch (ModelCache.CorruptEntryException e) {
            // handled under the lock below, where the entry may be removed safely
        }
        try (EntryLocks.Held ignored = locks.acquire(folder, listener, config.name())) {
            try {
                Optional<ZooModel> hit = load(recipe, folder, key);
                if (hit.isPresent()) {
                    return hit.get();
                }
            } catch (ModelCache.CorruptEntryException e) {
                String message = "zoo entry of " + config.name() + " is corrupt (" + e.getMessage() + "); rebuilding it";
                LOG.warn(message);
                listener.progress(0, 1, message);
                cache.delete(folder);
            }
            return build(recipe, folder, key, listener);
        } catch (IOException e) {
            throw new ZooException("zoo: cannot use the cache folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private Optional<ZooModel> load(ZooRecipe recipe, Path folder, String key) throws ModelCache.CorruptEntryException {
        if (!Files.isRegularFile(folder.resolve(ModelCache.WEIGHTS))) {
            return Optional.empty();
        }
        Module model = fresh(recipe);
        ZooEntry entry = cache.load(model, folder, key, recipe.config().canonical());
        model.eval();
        return Optional.of(new ZooModel(recipe.name(), key, recipe.config(), model, true, Duration.ZERO,
                entry.metrics(), folder.resolve(ModelCache.WEIGHTS)));
    }

    private ZooModel build(ZooRecipe recipe, Path folder, String key, BuildListener listener) throws IOException {
        ZooConfig config = recipe.config();
        LOG.info("zoo: building {} (key {}) into {}", config.name(), key, folder);
        long t0 = System.nanoTime();
        Build build = new Build(config, listener, LOG);
        Module model;
        Map<String, Double> metrics;
        try {
            // Always on the JVM backend, the deterministic reference: the same config gives the same weights
            // whichever backend the requesting run uses; the entry is then loaded onto the caller's backend.
            model = Backends.using(Backends.jvm(), () -> recipe.newModel(build.generator("init")));
            model.train();
            Module trainee = model;
            metrics = Backends.using(Backends.jvm(), () -> recipe.train(trainee, build));
        } catch (RunCancelledException | ZooException e) {
            throw e;
        } catch (Exception e) {
            throw new ZooException("zoo: building " + config.name() + " failed: " + e.getMessage(), e);
        }
        checkSanity(config, metrics);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        cache.save(model, folder, config.name(), key, recipe.codeVersion(), config.canonical(), took, metrics);
        LOG.info("zoo: built {} in {} s, {}", config.name(), String.format(Locale.ROOT, "%.1f", took.toMillis() / 1e3),
                metrics);
        Module loaded = fresh(recipe);
        try {
            cache.load(loaded, folder, key, config.canonical());
        } catch (ModelCache.CorruptEntryException e) {
            throw new ZooException("zoo: the entry of " + config.name() + " just written does not read back: "
                    + e.getMessage(), e);
        }
        loaded.eval();
        return new ZooModel(recipe.name(), key, config, loaded, false, took, metrics, folder.resolve(ModelCache.WEIGHTS));
    }

    private static Module fresh(ZooRecipe recipe) {
        return recipe.newModel(new Generator(recipe.config().seed()).fork("init"));
    }

    /** Every {@code sanity.min.<metric>} / {@code sanity.max.<metric>} setting must hold, or the build fails loudly. */
    static void checkSanity(ZooConfig config, Map<String, Double> metrics) {
        List<String> missed = new ArrayList<>();
        config.settings().forEach((setting, value) -> {
            boolean min = setting.startsWith(ZooConfig.SANITY_MIN);
            if (!min && !setting.startsWith(ZooConfig.SANITY_MAX)) {
                return;
            }
            String metric = setting.substring((min ? ZooConfig.SANITY_MIN : ZooConfig.SANITY_MAX).length());
            double bound = config.getDouble(setting);
            Double measured = metrics.get(metric);
            if (measured == null) {
                missed.add(metric + " was not reported (the recipe reported " + metrics.keySet() + ")");
            } else if (!(min ? measured >= bound : measured <= bound)) {
                missed.add(String.format(Locale.ROOT, "%s = %.4f, needed %s %s", metric, measured, min ? "≥" : "≤", value));
            }
        });
        if (!missed.isEmpty()) {
            throw new ZooException("zoo: " + config.name() + " missed its sanity check: " + String.join("; ", missed)
                    + ". Nothing was cached.");
        }
    }

    @Override
    public Optional<ZooEntry> cached(ZooRecipe recipe) {
        try {
            return cache.entry(cache.folder(recipe.name(), key(recipe)));
        } catch (ModelCache.CorruptEntryException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<ZooEntry> entries() {
        List<ZooEntry> out = new ArrayList<>();
        try {
            for (Path folder : cache.folders()) {
                try {
                    cache.entry(folder).ifPresent(out::add);
                } catch (ModelCache.CorruptEntryException e) {
                    LOG.debug("zoo: skipping unreadable entry {}", e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new ZooException("zoo: cannot list the cache folder " + cache.root() + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(ZooEntry::name).thenComparing(ZooEntry::created));
        return out;
    }

    @Override
    public ClearResult clear() {
        int removed = 0;
        long bytes = 0;
        List<Path> busy = new ArrayList<>();
        try {
            for (Path folder : cache.folders()) {
                Optional<EntryLocks.Held> held = locks.tryAcquire(folder);
                if (held.isEmpty()) {
                    busy.add(folder);
                    continue;
                }
                try (EntryLocks.Held ignored = held.get()) {
                    Path weights = folder.resolve(ModelCache.WEIGHTS);
                    if (Files.isRegularFile(weights)) {
                        bytes += Files.size(weights);
                        removed++;
                    }
                    ModelCache.deleteTree(folder);
                }
                deleteIfEmpty(folder.getParent());
            }
        } catch (IOException e) {
            throw new ZooException("zoo: cannot clear the cache folder " + cache.root() + ": " + e.getMessage(), e);
        }
        LOG.info("zoo: cleared {} entries ({} bytes) from {}", removed, bytes, cache.root());
        return new ClearResult(removed, bytes, busy);
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        try (var children = Files.list(folder)) {
            if (children.findAny().isEmpty()) {
                Files.deleteIfExists(folder);
            }
        }
    }
}
