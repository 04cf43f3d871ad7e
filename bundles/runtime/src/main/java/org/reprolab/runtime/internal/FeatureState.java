package org.reprolab.runtime.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.reprolab.runtime.FeatureException;

/**
 * Which features are installed, remembered in a properties file ({@code installed = core, theory}) because
 * every headless command starts a fresh framework. A missing file means the distribution's first start:
 * the defaults apply. Written atomically, so a crash leaves the old list or the new one.
 */
final class FeatureState {

    private static final String KEY = "installed";

    private final Path file;
    private final Set<String> defaults;

    FeatureState(Path file, Collection<String> defaults) {
        this.file = file;
        this.defaults = Set.copyOf(defaults);
    }

    Path file() {
        return file;
    }

    Set<String> load() {
        if (!Files.isRegularFile(file)) {
            return new TreeSet<>(defaults);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new FeatureException("cannot read the installed features from " + file + ": " + e.getMessage(), e);
        }
        return parseList(p.getProperty(KEY, ""));
    }

    void save(Set<String> installed) {
        Properties p = new Properties();
        p.setProperty(KEY, String.join(", ", new TreeSet<>(installed)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            p.store(bytes, "Features installed in this distribution (reprolab feature install|uninstall)");
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new FeatureException("cannot record the installed features in " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code "a, b,c"} → {a, b, c}. */
    static Set<String> parseList(String text) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
        return names;
    }
}
