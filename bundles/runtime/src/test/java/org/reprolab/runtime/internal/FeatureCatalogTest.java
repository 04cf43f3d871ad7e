package org.reprolab.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.runtime.FeatureException;

class FeatureCatalogTest {

    private static FeatureDescriptor feature(String name, String... dependsOn) {
        return new FeatureDescriptor(name, name + " summary", List.of(dependsOn), List.of());
    }

    @Test
    void dependenciesComeFirstAndEachOnce() {
        FeatureCatalog catalog = new FeatureCatalog(List.of(feature("core"), feature("theory", "core"),
                feature("extra", "theory", "core")));
        assertEquals(List.of("core", "theory", "extra"),
                catalog.withDependencies("extra").stream().map(FeatureDescriptor::name).toList());
        assertEquals(List.of("core", "extra", "theory"), catalog.all().stream().map(FeatureDescriptor::name).toList());
    }

    @Test
    void cyclesAndUnknownDependenciesAreRefused() {
        FeatureException cycle = assertThrows(FeatureException.class,
                () -> new FeatureCatalog(List.of(feature("a", "b"), feature("b", "a"))));
        assertEquals("features depend on each other in a cycle: a -> b -> a", cycle.getMessage());
        FeatureException unknown = assertThrows(FeatureException.class, () -> new FeatureCatalog(List.of(feature("a", "nope"))));
        assertEquals("feature 'a' depends on unknown feature 'nope'", unknown.getMessage());
    }

    @Test
    void anUnknownFeatureNamesTheOnesThereAre() {
        FeatureCatalog catalog = new FeatureCatalog(List.of(feature("theory", "core"), feature("core")));
        assertEquals("unknown feature 'x'; available: core, theory",
                assertThrows(BadRequestException.class, () -> catalog.require("x")).getMessage());
    }

    @Test
    void descriptorsAreReadFromJsonNamedByTheirFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("core.json"), "{\"summary\": \"the platform\", \"bundles\": [{\"mvn\": \"g/a/1\", \"sha256\": \"ab\"}]}");
        FeatureDescriptor core = FeatureCatalog.load(dir).require("core");
        assertEquals(new FeatureDescriptor("core", "the platform", List.of(), List.of(new FeatureDescriptor.BundleRef("g/a/1", null, "ab"))), core);
        Files.writeString(dir.resolve("typo.json"), "{\"sumary\": \"x\"}");
        assertThrows(FeatureException.class, () -> FeatureCatalog.load(dir));
    }
}
