package org.reprolab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reprolab.launch.host.Host;
import org.reprolab.runtime.internal.Sha256;

/**
 * Features against a real Felix that starts with core only: install makes experiments appear, uninstall removes
 * them, the installed set survives a restart, and a broken feature rolls back to exactly the bundle set before.
 */
class FeatureIT {

    private static final String THEORY_COMMON = Distribution.systemJar("theory-common");
    private static final String MORE_IS_BETTER = Distribution.systemJar("more-is-better");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private static Host host;

    @BeforeAll
    static void start() throws IOException {
        Path features = Files.createDirectories(work.resolve("features"));
        try (var descriptors = Files.list(Distribution.HOME.resolve("features"))) {
            for (Path d : descriptors.toList()) {
                Files.copy(d, features.resolve(d.getFileName()));
            }
        }
        Path unresolvable = work.resolve("unresolvable.jar");
        TestJars.manifestOnly(unresolvable, Map.of("Bundle-SymbolicName", "org.reprolab.test.unresolvable",
                "Bundle-Version", "1.0.0", "Import-Package", "org.reprolab.nowhere"));
        Path failing = work.resolve("failing.jar");
        TestJars.manifestOnly(failing, Map.of("Bundle-SymbolicName", "org.reprolab.test.failing",
                "Bundle-Version", "1.0.0", "Bundle-Activator", "org.reprolab.nowhere.Activator"));
        String zeros = "0".repeat(64);
        descriptor(features, "broken-checksum", List.of(), bundle("org.reprolab/theory-common/0.1.0-SNAPSHOT", THEORY_COMMON, null), bundle("org.reprolab/more-is-better/0.1.0-SNAPSHOT", MORE_IS_BETTER, zeros));
        descriptor(features, "broken-import", List.of(), bundle("org.reprolab/theory-common/0.1.0-SNAPSHOT", THEORY_COMMON, null), bundle("test/unresolvable/1.0.0", unresolvable.toString(), null));
        descriptor(features, "broken-start", List.of(), bundle("org.reprolab/theory-common/0.1.0-SNAPSHOT", THEORY_COMMON, null), bundle("test/failing/1.0.0", failing.toString(), null));
        descriptor(features, "needs-theory", List.of("theory"));
        host = Distribution.startHost(work.resolve("runs"), properties());
    }

    /** Core only at first start; features from the folder with the broken ones. */
    private static Map<String, String> properties() {
        return Map.of("reprolab.features.dir", work.resolve("features").toString(), "reprolab.features.default", "");
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void installMakesTheExperimentsAppearAndUninstallTakesThemAway() throws Exception {
        var before = Probe.bundleSet(host);
        assertEquals(List.of(), Probe.experimentIds(host));

        Distribution.Outcome install = Distribution.execute(host, "feature", "install", "theory");
        assertEquals(0, install.status(), install.err());
        // the family's method bundles and its core
        int bundles = Distribution.familyExperiments("theory").size() + 1;
        assertEquals("feature 'theory' installed (" + bundles + " bundles)", install.out().strip());
        assertEquals(Distribution.familyExperiments("theory"), Probe.experimentIds(host).stream().sorted().toList());
        assertTrue(Distribution.execute(host, "list").out().contains("more-is-better"));
        assertTrue(Distribution.execute(host, "feature", "list").out().lines().anyMatch(l -> l.matches("theory\\s+yes\\s+" + bundles + "\\s+core.*")));

        Distribution.Outcome uninstall = Distribution.execute(host, "feature", "uninstall", "theory");
        assertEquals(0, uninstall.status(), uninstall.err());
        assertEquals(List.of(), Probe.experimentIds(host));
        assertEquals(before, Probe.bundleSet(host), "the bundle set is as before the install");
    }

    @Test
    void theInstalledFeaturesAreRememberedByTheNextStart() throws Exception {
        assertEquals(0, Distribution.execute(host, "feature", "install", "theory").status());
        try (Host next = Distribution.startHost(work.resolve("runs"), properties())) {
            assertEquals(Distribution.familyExperiments("theory"), Probe.experimentIds(next).stream().sorted().toList());
        } finally {
            assertEquals(0, Distribution.execute(host, "feature", "uninstall", "theory").status());
        }
        assertTrue(Files.readString(work.resolve("runs/features.properties")).contains("installed=core\n"),
                Files.readString(work.resolve("runs/features.properties")));
    }

    @Test
    void aFeatureThatAnotherNeedsIsNotUninstalled() {
        Distribution.Outcome install = Distribution.execute(host, "feature", "install", "needs-theory");
        assertEquals(0, install.status(), install.err());
        Distribution.Outcome refused = Distribution.execute(host, "feature", "uninstall", "theory");
        assertEquals(2, refused.status());
        assertEquals("reprolab: feature 'theory' is needed by installed feature(s) needs-theory; uninstall those first",
                refused.err().strip());
        assertEquals(0, Distribution.execute(host, "feature", "uninstall", "needs-theory").status());
        assertEquals(0, Distribution.execute(host, "feature", "uninstall", "theory").status());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "feature install no-such-feature | reprolab: unknown feature 'no-such-feature'; available: core, ",
        "feature uninstall core          | reprolab: feature 'core' is the platform itself and cannot be uninstalled",
        "feature install                 | reprolab: Missing required parameter: '<name>'",
    })
    void badFeatureCommandsExitTwoWithOneLine(String commandLine, String message) {
        Distribution.Outcome outcome = Distribution.execute(host, commandLine.split(" "));
        assertEquals(2, outcome.status(), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith(message), outcome.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "broken-checksum | bundle org.reprolab/more-is-better/0.1.0-SNAPSHOT failed its checksum",
        "broken-import   | bundle org.reprolab.test.unresolvable 1.0.0 cannot be resolved: ",
        "broken-start    | bundle org.reprolab.test.failing 1.0.0 failed to start: ",
    })
    void aBrokenFeatureRollsBackAndLeavesTheBundleSetAsItWas(String feature, String message) throws Exception {
        var before = Probe.bundleSet(host);
        Distribution.Outcome outcome = Distribution.execute(host, "feature", "install", feature);
        assertEquals(1, outcome.status(), outcome.out());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("reprolab: feature '" + feature + "': " + message), outcome.err());
        assertEquals(before, Probe.bundleSet(host), "the bundle set is exactly as before");
        assertTrue(Distribution.execute(host, "feature", "list").out().lines().anyMatch(l -> l.matches(feature + "\\s+no\\s.*")));
    }

    private static Map<String, String> bundle(String mvn, String path, String sha256) {
        return Map.of("mvn", mvn, "path", path, "sha256", sha256 == null ? Sha256.of(Distribution.HOME.resolve(path)) : sha256);
    }

    @SafeVarargs
    private static void descriptor(Path dir, String name, List<String> dependsOn, Map<String, String>... bundles) throws IOException {
        JSON.writeValue(dir.resolve(name + ".json").toFile(),
                Map.of("summary", "test feature " + name, "dependsOn", dependsOn.isEmpty() ? List.of("core") : dependsOn,
                        "bundles", List.of(bundles)));
    }
}
