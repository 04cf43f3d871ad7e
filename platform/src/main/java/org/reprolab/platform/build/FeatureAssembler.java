package org.reprolab.platform.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * computed here; every other bundle's sum must be written in the source, and is checked here. The core feature's jars
 * move to {@code bundle/}, which the host starts at boot. A bundle that is in no feature fails the build.
 *
 * <p>Usage: {@code FeatureAssembler <features source folder> <distribution folder> <project version>}
 */
public final class FeatureAssembler {

    private static final String VERSION_PLACEHOLDER = "${project.version}";

    private final Path distribution;
    private final String projectVersion;
    private final Set<Path> claimed = new HashSet<>();
    private final Map<String, Path> placement = new HashMap<>();

    private FeatureAssembler(Path distribution, String projectVersion) {
        this.distribution = distribution;
        this.projectVersion = projectVersion;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: FeatureAssembler <features source> <distribution> <project version>");
        }
        assemble(Path.of(args[0]), Path.of(args[1]), args[2]);
    }

    static void assemble(Path sources, Path distribution, String projectVersion) throws IOException {
        new FeatureAssembler(distribution, projectVersion).assemble(sources);
    }

    /** Checks everything first, then changes the distribution, so a failed check leaves it as the assembly made it. */
    private void assemble(Path sources) throws IOException {
        List<FeatureDescriptor> resolved = new ArrayList<>();
        for (FeatureDescriptor feature : FeatureCatalog.load(sources).all()) {
            List<BundleRef> bundles = new ArrayList<>();
            for (BundleRef ref : feature.bundles()) {
                bundles.add(resolve(feature.name(), ref));
            }
            resolved.add(feature.withBundles(bundles));
        }
        List<Path> unclaimed = jarsIn(system()).stream().filter(j -> !claimed.contains(j)).toList();
        if (!unclaimed.isEmpty()) {
            throw new IllegalStateException("bundles in the distribution that no feature names (add them to a features/*.json): "
                    + unclaimed.stream().map(j -> distribution.relativize(j).toString()).toList());
        }
        // A previous build's output (the assembly writes over the folder, it does not clean it) must not linger.
        Path out = Files.createDirectories(distribution.resolve("features"));
        deleteFiles(out, ".json");
        deleteFiles(Files.createDirectories(distribution.resolve("bundle")), ".jar");
        for (FeatureDescriptor feature : resolved) {
            feature.write(out);
        }
        for (var bundle : placement.entrySet()) {
            Path from = inSystem(bundle.getKey());
            if (!bundle.getValue().equals(from)) {
                Files.move(from, bundle.getValue(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        deleteEmptyFolders(system());
    }

    private Path system() {
        return distribution.resolve("system");
    }

    /** Where the assembly put the jar of {@code group/artifact/version}. */
    private Path inSystem(String mvn) {
        String[] gav = mvn.split("/");
        return system().resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2]).resolve(gav[1] + "-" + gav[2] + ".jar");
    }

    /** The bundle with its path in the finished distribution (core: bundle/) and its checked SHA-256. */
    private BundleRef resolve(String feature, BundleRef ref) {
        String mvn = ref.mvn().replace(VERSION_PLACEHOLDER, projectVersion);
        if (mvn.split("/").length != 3) {
            throw new IllegalStateException("feature '" + feature + "': '" + ref.mvn() + "' is not group/artifact/version");
        }
        Path jar = inSystem(mvn);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("feature '" + feature + "': bundle " + mvn
                    + " is not in the distribution; add it as a dependency to platform/pom.xml");
        }
        claimed.add(jar);
        String sha256 = Sha256.of(jar);
        if (ref.sha256() == null && !ref.mvn().contains(VERSION_PLACEHOLDER)) {
            throw new IllegalStateException("feature '" + feature + "': bundle " + mvn + " needs its sha256 in features/" + feature
                    + ".json (only bundles built here, version " + VERSION_PLACEHOLDER + ", get theirs from the build); the jar at hand has "
                    + sha256 + ": check the artifact before adding it");
        }
        if (ref.sha256() != null && !ref.sha256().equalsIgnoreCase(sha256)) {
            throw new IllegalStateException("feature '" + feature + "': bundle " + mvn + " has SHA-256 " + sha256
                    + " but features/" + feature + ".json expects " + ref.sha256() + "; check the artifact before updating the sum");
        }
        // Core comes first; a bundle it shares with another feature lies in bundle/ for both.
        Path placed = placement.computeIfAbsent(mvn, m -> feature.equals(FeatureCatalog.CORE)
                ? distribution.resolve("bundle").resolve(jar.getFileName()) : jar);
        return new BundleRef(mvn, distribution.relativize(placed).toString(), sha256);
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
