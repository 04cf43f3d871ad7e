package org.reprolab.runtime.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.runtime.FeatureException;
import org.reprolab.runtime.FeatureInfo;
import org.reprolab.runtime.FeatureService;
import org.reprolab.runtime.internal.FeatureDescriptor.BundleRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs and uninstalls features from the distribution's resolved descriptors ({@code reprolab.features.dir},
 * default {@code <home>/features}) and remembers the installed ones ({@code reprolab.features.state}, default
 * {@code <home>/conf/features.properties}; on first start {@code core} plus {@code reprolab.features.default}).
 * The host starts {@code core}; this component installs the other remembered features when it activates, which
 * is before the command line and the console (they need this service) take any command.
 */
@Component(service = FeatureService.class, immediate = true)
public final class FeatureServiceImpl implements FeatureService {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureServiceImpl.class);

    private final FeatureCatalog catalog;
    private final FeatureState state;
    private final FeatureInstaller installer;
    private final Set<String> installed;
    private final Map<String, String> symbolicNames = new ConcurrentHashMap<>();

    @Activate
    public FeatureServiceImpl(BundleContext context) {
        Path home = Path.of(property(context, "reprolab.home", ".")).toAbsolutePath();
        Path dir = Path.of(property(context, "reprolab.features.dir", home.resolve("features").toString()));
        Path stateFile = Path.of(property(context, "reprolab.features.state",
                home.resolve("conf").resolve("features.properties").toString()));
        Set<String> defaults = new TreeSet<>(FeatureState.parseList(property(context, "reprolab.features.default", "")));
        defaults.add(FeatureCatalog.CORE);
        this.catalog = loadCatalog(dir);
        this.state = new FeatureState(stateFile, defaults);
        this.installer = new FeatureInstaller(context, home);
        this.installed = new TreeSet<>(state.load());
        installed.add(FeatureCatalog.CORE);
        restore();
    }

    private static FeatureCatalog loadCatalog(Path dir) {
        try {
            return FeatureCatalog.load(dir);
        } catch (FeatureException e) {
            // The platform still runs (core is started by the host); feature commands then report no features.
            LOG.warn("no features available: {}", e.getMessage());
            return new FeatureCatalog(List.of());
        }
    }

    /** Installs the remembered features; one that fails is reported and stays uninstalled in this process. */
    private synchronized void restore() {
        for (String name : installed) {
            if (catalog.find(name).isEmpty()) {
                LOG.warn("feature '{}' is recorded as installed in {} but has no descriptor", name, state.file());
                continue;
            }
            try {
                installer.install(name, bundlesOf(catalog.withDependencies(name)), false);
            } catch (FeatureException e) {
                LOG.error("installed feature '{}' could not be started: {}", name, e.getMessage());
            }
        }
    }

    @Override
    public synchronized List<FeatureInfo> features() {
        return catalog.all().stream().map(this::info).toList();
    }

    @Override
    public synchronized FeatureInfo install(String name) {
        FeatureDescriptor feature = catalog.require(name);
        List<FeatureDescriptor> closure = catalog.withDependencies(name);
        List<Bundle> added = installer.install(name, bundlesOf(closure), true);
        Set<String> next = new TreeSet<>(installed);
        closure.forEach(d -> next.add(d.name()));
        try {
            state.save(next);
        } catch (FeatureException e) {
            installer.remove(added, true);
            throw e;
        }
        installed.clear();
        installed.addAll(next);
        LOG.info("feature '{}' installed ({} new bundle(s))", name, added.size());
        return info(feature);
    }

    @Override
    public synchronized FeatureInfo uninstall(String name) {
        FeatureDescriptor feature = catalog.require(name);
        if (name.equals(FeatureCatalog.CORE)) {
            throw new BadRequestException("feature 'core' is the platform itself and cannot be uninstalled");
        }
        if (!installed.contains(name)) {
            return info(feature);
        }
        List<String> dependents = installed.stream().filter(other -> !other.equals(name))
                .filter(other -> catalog.find(other).isPresent())
                .filter(other -> catalog.withDependencies(other).stream().anyMatch(d -> d.name().equals(name)))
                .toList();
        if (!dependents.isEmpty()) {
            throw new BadRequestException("feature '" + name + "' is needed by installed feature(s) "
                    + String.join(", ", dependents) + "; uninstall those first");
        }
        Set<String> next = new TreeSet<>(installed);
        next.remove(name);
        Set<String> stillNeeded = new TreeSet<>();
        next.stream().filter(n -> catalog.find(n).isPresent())
                .forEach(n -> bundlesOf(catalog.withDependencies(n)).forEach(r -> stillNeeded.add(r.path())));
        List<Bundle> remove = feature.bundles().stream().filter(r -> !stillNeeded.contains(r.path()))
                .map(installer::installed).flatMap(Optional::stream).toList();
        state.save(next);
        installed.remove(name);
        installer.remove(remove, true);
        LOG.info("feature '{}' uninstalled ({} bundle(s) removed)", name, remove.size());
        return info(feature);
    }

    private FeatureInfo info(FeatureDescriptor d) {
        boolean present = installed.contains(d.name()) && d.bundles().stream().allMatch(r -> installer.installed(r).isPresent());
        return new FeatureInfo(d.name(), d.summary(), d.dependsOn(), d.bundles().stream().map(this::symbolicName).toList(),
                present);
    }

    /** The bundles of the given features in order, each once. */
    private static List<BundleRef> bundlesOf(List<FeatureDescriptor> features) {
        Map<String, BundleRef> byPath = new LinkedHashMap<>();
        features.forEach(f -> f.bundles().forEach(r -> byPath.putIfAbsent(r.path(), r)));
        return new ArrayList<>(byPath.values());
    }

    /** From the jar's manifest (the bundle need not be installed); the Maven coordinates if it cannot be read. */
    private String symbolicName(BundleRef ref) {
        return symbolicNames.computeIfAbsent(ref.path(), p -> {
            try (JarFile jar = new JarFile(installer.jar(ref).toFile())) {
                var manifest = jar.getManifest();
                String bsn = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
                return bsn == null ? ref.mvn() : bsn.split(";")[0].strip();
            } catch (IOException e) {
                return ref.mvn();
            }
        });
    }

    private static String property(BundleContext context, String name, String fallback) {
        String v = context.getProperty(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
