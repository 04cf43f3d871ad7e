package org.reprolab.platform.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.reprolab.runtime.internal.FeatureCatalog;
import org.reprolab.runtime.internal.FeatureDescriptor;
import org.reprolab.runtime.internal.FeatureDescriptor.BundleRef;
import org.reprolab.runtime.internal.Sha256;

/**
 * Build step (platform's package phase, after the assembly put every bundle into {@code system/} in Maven layout):
 * resolves the repository's {@code features/*.json} against the distribution and writes them, with each bundle's
 * path and SHA-256, to the distribution's {@code features/}. Our own bundles are rebuilt, so their sums are
 * computed here; a third-party bundle's sum is written in the source and checked here. The core feature's jars
 * move to {@code bundle/}, which the host starts at boot. A bundle that is in no feature fails the build.
 *
 * <p>Usage: {@code FeatureAssembler <features source folder> <distribution folder> <project version>}
 */
public final class FeatureAssembler {

    private static final String VERSION_PLACEHOLDER = "${project.version}";

    private final Path distribution;
    private final String projectVersion;
    private final Set<Path> claimed = new HashSet<>();

    private FeatureAssembler(Path distribution, String projectVersion) {
        this.distribution = distribution;
        this.projectVersion = projectVersion;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: FeatureAssembler <features source> <distribution> <project version>");
        }
        new FeatureAssembler(Path.of(args[1]), args[2]).assemble(Path.of(args[0]));
    }

    private void assemble(Path sources) throws IOException {
        // A previous build's output (the assembly writes over the folder, it does not clean it) must not linger.
        Path out = Files.createDirectories(distribution.resolve("features"));
        deleteFiles(out, ".json");
        deleteFiles(Files.createDirectories(distribution.resolve("bundle")), ".jar");
        for (FeatureDescriptor feature : FeatureCatalog.load(sources).all()) {
            List<BundleRef> resolved = new ArrayList<>();
            for (BundleRef ref : feature.bundles()) {
                resolved.add(resolve(feature.name(), ref));
            }
            feature.withBundles(resolved).write(out);
        }
        List<Path> unclaimed = jarsIn(distribution.resolve("system")).stream().filter(j -> !claimed.contains(j)).toList();
        if (!unclaimed.isEmpty()) {
            throw new IllegalStateException("bundles in the distribution that no feature names (add them to a features/*.json): "
                    + unclaimed.stream().map(j -> distribution.relativize(j).toString()).toList());
        }
        deleteEmptyFolders(distribution.resolve("system"));
    }

    private BundleRef resolve(String feature, BundleRef ref) throws IOException {
        String mvn = ref.mvn().replace(VERSION_PLACEHOLDER, projectVersion);
        String[] gav = mvn.split("/");
        if (gav.length != 3) {
            throw new IllegalStateException("feature '" + feature + "': '" + ref.mvn() + "' is not group/artifact/version");
        }
        String fileName = gav[1] + "-" + gav[2] + ".jar";
        Path inSystem = distribution.resolve("system").resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2])
                .resolve(fileName);
        Path jar = feature.equals(FeatureCatalog.CORE) ? distribution.resolve("bundle").resolve(fileName) : inSystem;
        if (Files.isRegularFile(inSystem) && !jar.equals(inSystem)) {
            Files.move(inSystem, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("feature '" + feature + "': bundle " + mvn
                    + " is not in the distribution; add it as a dependency to platform/pom.xml");
        }
        claimed.add(inSystem);
        String sha256 = Sha256.of(jar);
        if (ref.sha256() != null && !ref.sha256().equalsIgnoreCase(sha256)) {
            throw new IllegalStateException("feature '" + feature + "': bundle " + mvn + " has SHA-256 " + sha256
                    + " but features/" + feature + ".json expects " + ref.sha256() + "; check the artifact before updating the sum");
        }
        return new BundleRef(mvn, distribution.relativize(jar).toString(), sha256);
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static void deleteFiles(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Files.delete(f);
            }
        }
    }

    private static void deleteEmptyFolders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path d : all.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                try (Stream<Path> content = Files.list(d)) {
                    if (content.findAny().isEmpty() && !d.equals(dir)) {
                        Files.delete(d);
                    }
                }
            }
        }
    }
}
