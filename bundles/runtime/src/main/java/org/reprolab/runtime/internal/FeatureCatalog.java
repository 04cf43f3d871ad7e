package org.reprolab.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.runtime.FeatureException;
import org.reprolab.runtime.FeatureService;

/** The feature descriptors of a folder, with their dependencies checked: every one known, no cycles. */
public final class FeatureCatalog {

    /** The platform itself; the host starts it, so it is always installed. */
    public static final String CORE = FeatureService.CORE;

    private final Map<String, FeatureDescriptor> byName;

    FeatureCatalog(List<FeatureDescriptor> descriptors) {
        this.byName = descriptors.stream().collect(Collectors.toMap(FeatureDescriptor::name, Function.identity(),
                (a, b) -> a, TreeMap::new));
        for (FeatureDescriptor d : descriptors) {
            withDependencies(d.name());
        }
    }

    public static FeatureCatalog load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FeatureException("no feature descriptors: " + dir + " is not a folder");
        }
        List<FeatureDescriptor> descriptors = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(FeatureDescriptor.SUFFIX)).sorted().toList()) {
                descriptors.add(read(f));
            }
        } catch (IOException e) {
            throw new FeatureException("cannot list feature descriptors in " + dir + ": " + e.getMessage(), e);
        }
        return new FeatureCatalog(descriptors);
    }

    private static FeatureDescriptor read(Path file) {
        try {
            return FeatureDescriptor.read(file);
        } catch (IOException e) {
            throw new FeatureException("cannot read feature descriptor " + file + ": " + e.getMessage(), e);
        }
    }

    /** Core first, then by name. */
    public List<FeatureDescriptor> all() {
        return byName.values().stream()
                .sorted(Comparator.comparing((FeatureDescriptor d) -> !d.name().equals(CORE)).thenComparing(FeatureDescriptor::name))
                .toList();
    }

    Optional<FeatureDescriptor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @throws BadRequestException naming the unknown feature and the ones there are */
    FeatureDescriptor require(String name) {
        return find(name).orElseThrow(() -> new BadRequestException("unknown feature '" + name + "'; available: "
                + String.join(", ", all().stream().map(FeatureDescriptor::name).toList())));
    }

    /** The feature and everything it depends on, dependencies first. */
    List<FeatureDescriptor> withDependencies(String name) {
        Set<String> ordered = new LinkedHashSet<>();
        visit(name, new LinkedHashSet<>(), ordered);
        return ordered.stream().map(byName::get).toList();
    }

    private void visit(String name, Set<String> path, Set<String> ordered) {
        FeatureDescriptor d = byName.get(name);
        if (d == null) {
            throw new FeatureException("feature '" + path.stream().reduce((a, b) -> b).orElse(name)
                    + "' depends on unknown feature '" + name + "'");
        }
        if (!path.add(name)) {
            throw new FeatureException("features depend on each other in a cycle: " + String.join(" -> ", path) + " -> " + name);
        }
        for (String dep : d.dependsOn()) {
            visit(dep, path, ordered);
        }
        path.remove(name);
        ordered.add(name);
    }
}
