package org.reprolab.zoo.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.nn.StateDict;
import org.reprolab.zoo.ZooEntry;

/**
 * The cache's layout on disk: {@code <root>/<name>/<key>/} holds {@value #WEIGHTS} (the weights in safetensors
 * format, its header's metadata describing the entry) and the {@code .lock} file. The weights file is written to
 * a temporary file and renamed into place, so an entry is either complete or absent; a file that does not read
 * back, or whose metadata is missing or names another key, is corrupt.
 */
final class ModelCache {
    static final String WEIGHTS = "model.safetensors";

    private static final String PREFIX = "reprolab.zoo.";
    private static final String NAME = PREFIX + "name";
    private static final String KEY = PREFIX + "key";
    private static final String CODE = PREFIX + "code";
    private static final String CONFIG = PREFIX + "config";
    private static final String CREATED = PREFIX + "created";
    private static final String BUILD_MS = PREFIX + "build_ms";
    private static final String METRICS = PREFIX + "metrics";

    /** A cache entry that exists but cannot be used. */
    static final class CorruptEntryException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptEntryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path root;

    ModelCache(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path folder(String name, String key) {
        return root.resolve(name).resolve(key);
    }

    /** The entry in a folder: empty when it holds no weights file; corrupt when the file's header is unusable. */
    Optional<ZooEntry> entry(Path folder) throws CorruptEntryException {
        Path file = folder.resolve(WEIGHTS);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<String, String> meta = StateDict.metadata(file);
            return Optional.of(new ZooEntry(required(meta, NAME), required(meta, KEY), required(meta, CODE),
                    required(meta, CONFIG), Instant.parse(required(meta, CREATED)),
                    Duration.ofMillis(Long.parseLong(required(meta, BUILD_MS))), metrics(required(meta, METRICS)),
                    folder, Files.size(file)));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new CorruptEntryException(file + ": " + e.getMessage(), e);
        }
    }

    /** Loads an entry's weights into model after checking it is the entry of key and config. */
    ZooEntry load(Module model, Path folder, String key, String canonicalConfig) throws CorruptEntryException {
        ZooEntry entry = entry(folder).orElseThrow(() -> new CorruptEntryException(folder.resolve(WEIGHTS)
                + " vanished", null));
        if (!entry.key().equals(key) || !entry.config().equals(canonicalConfig)) {
            throw new CorruptEntryException(folder.resolve(WEIGHTS) + " holds the entry of key " + entry.key()
                    + ", not of " + key, null);
        }
        try {
            StateDict.load(model, folder.resolve(WEIGHTS));
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptEntryException(folder.resolve(WEIGHTS) + ": " + e.getMessage(), e);
        }
        return entry;
    }

    /** Writes an entry's weights and metadata atomically. */
    void save(Module model, Path folder, String name, String key, String codeVersion, String canonicalConfig,
              Duration buildTime, Map<String, Double> metrics) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(NAME, name);
        meta.put(KEY, key);
        meta.put(CODE, codeVersion);
        meta.put(CONFIG, canonicalConfig);
        meta.put(CREATED, Instant.now().toString());
        meta.put(BUILD_MS, Long.toString(buildTime.toMillis()));
        StringBuilder m = new StringBuilder();
        new TreeMap<>(metrics).forEach((k, v) -> m.append(k).append('=').append(v).append('\n'));
        meta.put(METRICS, m.toString());
        Files.createDirectories(folder);
        StateDict.save(model.stateDict(), meta, folder.resolve(WEIGHTS));
    }

    /** Removes an entry's weights (its folder and lock stay for the caller that holds the lock). */
    void delete(Path folder) throws IOException {
        Files.deleteIfExists(folder.resolve(WEIGHTS));
    }

    /** Every entry folder ({@code <root>/<name>/<key>}). */
    List<Path> folders() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> names = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path name : names) {
                try (DirectoryStream<Path> keys = Files.newDirectoryStream(name, Files::isDirectory)) {
                    keys.forEach(out::add);
                }
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** Deletes a folder and everything in it. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String required(Map<String, String> meta, String field) {
        String v = meta.get(field);
        if (v == null) {
            throw new IllegalArgumentException("metadata field " + field + " is missing");
        }
        return v;
    }

    private static Map<String, Double> metrics(String text) {
        Map<String, Double> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                int eq = line.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("bad metrics line '" + line + "'");
                }
                out.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1)));
            }
        }
        return out;
    }
}
