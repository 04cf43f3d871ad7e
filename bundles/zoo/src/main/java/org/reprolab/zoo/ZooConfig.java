package org.reprolab.zoo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything that decides a zoo model's weights: its name, architecture, training data, seed and settings
 * (architecture sizes, budget, optimiser, preprocessing, sanity thresholds), all as strings.
 *
 * <p>The cache key is the SHA-256 (hex) of {@link #canonical()} followed by the line {@code code=<version>}, the
 * training code's version ({@link ZooRecipe#codeVersion()}): change a setting, or bump the version after changing
 * the training code, and the zoo builds a new entry. The canonical form is one {@code key=value} line each for
 * name, architecture, data and seed, then the settings in key order.
 *
 * <p>Settings named {@code sanity.min.<metric>} and {@code sanity.max.<metric>} are the build's sanity checks:
 * the metric the recipe reports must be at least (at most) the value, or the build fails and nothing is cached.
 *
 * @param settings sorted, unmodifiable
 */
public record ZooConfig(String name, String architecture, String data, long seed, SortedMap<String, String> settings) {

    public static final String SANITY_MIN = "sanity.min.";
    public static final String SANITY_MAX = "sanity.max.";

    public ZooConfig {
        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("zoo model name '" + name + "': use lower-case letters, digits, '.', '_'"
                    + " and '-', starting with a letter or digit");
        }
        check("architecture", architecture);
        check("data", data);
        TreeMap<String, String> copy = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (k.isEmpty() || k.contains("=") || !k.equals(k.strip())) {
                throw new IllegalArgumentException("zoo config " + name + ": bad setting name '" + k + "'");
            }
            check(k, v);
            copy.put(k, v);
        });
        settings = Collections.unmodifiableSortedMap(copy);
    }

    private static void check(String what, String value) {
        if (value == null || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("zoo config: " + what + " must be one line of text, got '" + value + "'");
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The text the key hashes (without the code version). */
    public String canonical() {
        StringBuilder s = new StringBuilder();
        s.append("name=").append(name).append('\n');
        s.append("architecture=").append(architecture).append('\n');
        s.append("data=").append(data).append('\n');
        s.append("seed=").append(seed).append('\n');
        settings.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
        return s.toString();
    }

    /** The cache key: SHA-256 (hex) of the canonical form plus {@code code=<codeVersion>}. */
    public String key(String codeVersion) {
        try {
            byte[] text = (canonical() + "code=" + codeVersion + "\n").getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** A setting's text; an absent one is an error naming the model and the setting. */
    public String get(String setting) {
        String v = settings.get(setting);
        if (v == null) {
            throw new IllegalArgumentException("zoo config " + name + " has no setting '" + setting + "'");
        }
        return v;
    }

    public boolean has(String setting) {
        return settings.containsKey(setting);
    }

    public int getInt(String setting) {
        try {
            return Integer.parseInt(get(setting));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("zoo config " + name + ": setting '" + setting + "' is '"
                    + get(setting) + "', not an integer", e);
        }
    }

    public double getDouble(String setting) {
        try {
            return Double.parseDouble(get(setting));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("zoo config " + name + ": setting '" + setting + "' is '"
                    + get(setting) + "', not a number", e);
        }
    }

    /** Builds a config; numbers are written in a fixed, locale-free form so the key is stable. */
    public static final class Builder {
        private final String name;
        private String architecture;
        private String data;
        private long seed;
        private final Map<String, String> settings = new TreeMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder architecture(String architecture) {
            this.architecture = architecture;
            return this;
        }

        public Builder data(String data) {
            this.data = data;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder set(String setting, String value) {
            settings.put(setting, value);
            return this;
        }

        public Builder set(String setting, long value) {
            return set(setting, Long.toString(value));
        }

        /** Written with {@link Double#toString}'s shortest exact form (e.g. 0.001, 3.0E-4). */
        public Builder set(String setting, double value) {
            return set(setting, Double.toString(value).toLowerCase(Locale.ROOT));
        }

        /** Removes a setting (e.g. a sanity threshold a smoke config does not want). */
        public Builder remove(String setting) {
            settings.remove(setting);
            return this;
        }

        public ZooConfig build() {
            return new ZooConfig(name, architecture, data, seed, new TreeMap<>(settings));
        }
    }

    /** A builder holding this config's values, to derive a variant (e.g. a smaller budget for tests). */
    public Builder toBuilder(String newName) {
        Builder b = builder(newName).architecture(architecture).data(data).seed(seed);
        settings.forEach(b::set);
        return b;
    }
}
