package org.reprolab.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.reprolab.launch.host.Host;
import org.reprolab.launch.host.HostConfig;

/** The distribution the build assembled (platform/target/reprolab) and ways to drive it from tests. */
final class Distribution {

    static final Path HOME = Path.of(System.getProperty("reprolab.dist", "target/reprolab")).toAbsolutePath();

    private Distribution() {
    }

    /** Where one of our bundles lies in the distribution's system/ repository, relative to it. */
    /**
     * The experiment ids a family's feature brings, in id order: its bundles' artifact ids (a method bundle is named
     * after its experiment), without the family core ({@code *-common}).
     */
    static java.util.List<String> familyExperiments(String feature) {
        try {
            String json = java.nio.file.Files.readString(HOME.resolve("features").resolve(feature + ".json"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"mvn\"\\s*:\\s*\"org\\.reprolab/([^/\"]+)/").matcher(json);
            java.util.List<String> ids = new java.util.ArrayList<>();
            while (m.find()) {
                if (!m.group(1).endsWith("-common")) {
                    ids.add(m.group(1));
                }
            }
            return ids.stream().sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String systemJar(String artifactId) {
        String version = System.getProperty("reprolab.version", "0.1.0-SNAPSHOT");
        return "system/org/reprolab/" + artifactId + "/" + version + "/" + artifactId + "-" + version + ".jar";
    }

    /**
     * Starts a real Felix with the distribution's bundles; runs go under {@code runs}, and the installed features
     * are remembered there too (the distribution's first-start defaults apply), not in the distribution.
     */
    static Host startHost(Path runs) {
        return startHost(runs, Map.of());
    }

    /** As {@link #startHost(Path)}, with more framework properties. */
    static Host startHost(Path runs, Map<String, String> properties) {
        Map<String, String> props = new java.util.HashMap<>(HostConfig.load(HOME, false));
        props.put("reprolab.runs", runs.toString());
        props.put("reprolab.features.state", featureState(runs).toString());
        props.putAll(properties);
        return Host.start(HOME, props, false);
    }

    /** What a command printed and its exit status. */
    record Outcome(int status, String out, String err) {
    }

    static Outcome execute(Host host, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = host.execute(List.of(args), o, e);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code bin/reprolab args…} as its own process, with the test's JDK and the given run store; as with
     * {@link #startHost(Path)}, the installed features are remembered under {@code runs}, not in the distribution.
     */
    static Process launch(Path runs, String... args) throws IOException {
        return launch(runs, Map.of(), args);
    }

    /**
     * As {@link #launch(Path, String...)}, with more environment variables. A {@code REPROLAB_JAVA_OPTS} given
     * here is added after the feature state's {@code -D}, so it may override it (paths must not contain spaces:
     * the script splits the options on them).
     */
    static Process launch(Path runs, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(HOME.resolve("bin/reprolab").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("REPROLAB_RUNS", runs.toString());
        pb.environment().remove("REPROLAB_LOG");
        pb.environment().remove("REPROLAB_CONSOLE_PASSWORD");
        pb.environment().putAll(environment);
        pb.environment().put("REPROLAB_JAVA_OPTS", ("-Dreprolab.features.state=" + featureState(runs) + " "
                + environment.getOrDefault("REPROLAB_JAVA_OPTS", "")).strip());
        return pb.start();
    }

    /** Where the hosts and processes these tests start keep their installed features: beside their runs. */
    static Path featureState(Path runs) {
        return runs.toAbsolutePath().resolve("features.properties");
    }

    static Outcome run(Path runs, Duration limit, String... args) throws IOException, InterruptedException {
        Process p = launch(runs, args);
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("reprolab " + String.join(" ", args) + " did not finish within " + limit);
        }
        return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static boolean isEmptyOrMissing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }
}
