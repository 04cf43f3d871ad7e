package org.reprolab.runtime.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One feature descriptor ({@code features/<name>.json}, format in {@code features/README.md}). In the repository a
 * bundle names Maven coordinates and, for third-party jars, their SHA-256; in the distribution the build has
 * added every bundle's path (relative to the distribution) and SHA-256. The name is the file's name.
 *
 * @param name      from the file name, e.g. {@code theory}
 * @param summary   one line
 * @param dependsOn features that must be installed first
 * @param bundles   in start order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureDescriptor(@JsonIgnore String name, String summary, List<String> dependsOn, List<BundleRef> bundles) {

    static final String SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public FeatureDescriptor {
        summary = summary == null ? "" : summary;
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        bundles = bundles == null ? List.of() : List.copyOf(bundles);
    }

    /**
     * One bundle of a feature.
     *
     * @param mvn    Maven coordinates {@code group/artifact/version}
     * @param path   the jar, relative to the distribution (or absolute); set by the build
     * @param sha256 the jar's SHA-256 in hex
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BundleRef(String mvn, String path, String sha256) {
    }

    public static FeatureDescriptor read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        FeatureDescriptor d = JSON.readValue(file.toFile(), FeatureDescriptor.class);
        return d.named(fileName.substring(0, fileName.length() - SUFFIX.length()));
    }

    public void write(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(name + SUFFIX), JSON.writeValueAsBytes(this));
    }

    public FeatureDescriptor named(String newName) {
        return new FeatureDescriptor(newName, summary, dependsOn, bundles);
    }

    public FeatureDescriptor withBundles(List<BundleRef> newBundles) {
        return new FeatureDescriptor(name, summary, dependsOn, newBundles);
    }
}
