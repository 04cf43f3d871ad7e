package org.reprolab.platform.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.runtime.internal.FeatureDescriptor;
import org.reprolab.runtime.internal.FeatureDescriptor.BundleRef;
import org.reprolab.runtime.internal.Sha256;

class FeatureAssemblerTest {

    @TempDir
    Path sources;
    @TempDir
    Path dist;
    private String thirdPartySum;

    @BeforeEach
    void distributionWithTwoBundles() throws IOException {
        thirdPartySum = Sha256.of(jar("system/org/example/lib/2.0/lib-2.0.jar", "third party"));
        jar("system/org/reprolab/method/1.0-SNAPSHOT/method-1.0-SNAPSHOT.jar", "ours");
    }

    private Path jar(String path, String content) throws IOException {
        Path jar = dist.resolve(path);
        Files.createDirectories(jar.getParent());
        return Files.writeString(jar, content);
    }

    private void source(String name, String json) throws IOException {
        Files.writeString(sources.resolve(name + ".json"), json);
    }

    @Test
    void descriptorsGainPathsAndSumsAndCoreMovesToBundle() throws IOException {
        source("core", "{\"bundles\": [{\"mvn\": \"org.example/lib/2.0\", \"sha256\": \"" + thirdPartySum + "\"}]}");
        source("family", "{\"dependsOn\": [\"core\"], \"bundles\": [{\"mvn\": \"org.reprolab/method/${project.version}\"}]}");
        FeatureAssembler.assemble(sources, dist, "1.0-SNAPSHOT");

        FeatureDescriptor core = FeatureDescriptor.read(dist.resolve("features/core.json"));
        assertEquals(List.of(new BundleRef("org.example/lib/2.0", "bundle/lib-2.0.jar", thirdPartySum)), core.bundles());
        assertTrue(Files.isRegularFile(dist.resolve("bundle/lib-2.0.jar")));
        assertFalse(Files.exists(dist.resolve("system/org/example")), "core's folders leave system/");
        BundleRef method = FeatureDescriptor.read(dist.resolve("features/family.json")).bundles().getFirst();
        assertEquals("system/org/reprolab/method/1.0-SNAPSHOT/method-1.0-SNAPSHOT.jar", method.path());
        assertEquals(Sha256.of(dist.resolve(method.path())), method.sha256());
    }

    @Test
    void aThirdPartyBundleNeedsItsSumAndTheSumMustMatch() throws IOException {
        source("family", "{\"bundles\": [{\"mvn\": \"org.reprolab/method/${project.version}\"}]}");
        source("core", "{\"bundles\": [{\"mvn\": \"org.example/lib/2.0\"}]}");
        String missing = assertThrows(IllegalStateException.class, () -> FeatureAssembler.assemble(sources, dist, "1.0-SNAPSHOT")).getMessage();
        assertTrue(missing.startsWith("feature 'core': bundle org.example/lib/2.0 needs its sha256"), missing);

        source("core", "{\"bundles\": [{\"mvn\": \"org.example/lib/2.0\", \"sha256\": \"" + "0".repeat(64) + "\"}]}");
        String wrong = assertThrows(IllegalStateException.class, () -> FeatureAssembler.assemble(sources, dist, "1.0-SNAPSHOT")).getMessage();
        assertTrue(wrong.startsWith("feature 'core': bundle org.example/lib/2.0 has SHA-256 " + thirdPartySum), wrong);
    }

    @Test
    void aBundleThatNoFeatureNamesFailsTheBuild() throws IOException {
        source("core", "{\"bundles\": [{\"mvn\": \"org.example/lib/2.0\", \"sha256\": \"" + thirdPartySum + "\"}]}");
        String message = assertThrows(IllegalStateException.class, () -> FeatureAssembler.assemble(sources, dist, "1.0-SNAPSHOT")).getMessage();
        assertTrue(message.contains("system/org/reprolab/method/1.0-SNAPSHOT/method-1.0-SNAPSHOT.jar"), message);
    }
}
