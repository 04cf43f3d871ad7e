package org.reprolab.runtime.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.reprolab.runtime.FeatureException;
import org.reprolab.runtime.internal.FeatureDescriptor.BundleRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the framework's bundle set for features, all or nothing: checksums are verified and every new
 * bundle is installed and resolved before any is started; on any failure the bundles installed so far are
 * uninstalled again, so the set is exactly as before. Bundles are known by location (the jar's file URI).
 */
final class FeatureInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureInstaller.class);
    private static final long REFRESH_WAIT_S = 30;

    private final BundleContext context;
    private final Path home;

    FeatureInstaller(BundleContext context, Path home) {
        this.context = context;
        this.home = home;
    }

    Path jar(BundleRef ref) {
        return home.resolve(ref.path());
    }

    Optional<Bundle> installed(BundleRef ref) {
        return Optional.ofNullable(context.getBundle(jar(ref).toUri().toString()));
    }

    /**
     * Installs and starts the bundles of {@code refs} that are not installed yet; returns them.
     *
     * @param awaitRefresh whether a roll-back waits for the framework to drop the removed bundles; false while
     *                     the runtime bundle itself is starting, since the refresh would wait for that start
     * @throws FeatureException naming the bundle and the cause; nothing is left installed
     */
    List<Bundle> install(String feature, List<BundleRef> refs, boolean awaitRefresh) {
        List<BundleRef> missing = refs.stream().filter(r -> installed(r).isEmpty()).toList();
        for (BundleRef ref : missing) {
            verify(feature, ref);
        }
        List<Bundle> added = new ArrayList<>();
        try {
            for (BundleRef ref : missing) {
                added.add(installBundle(feature, ref));
            }
            resolveAll(feature, added);
            for (Bundle b : added) {
                if (!isFragment(b)) {
                    start(feature, b);
                }
            }
            return added;
        } catch (FeatureException e) {
            LOG.debug("rolling back feature '{}': {}", feature, e.getMessage());
            remove(added, awaitRefresh);
            throw e;
        }
    }

    /** Stops and uninstalls the given bundles, the last started first, and lets the framework drop them. */
    void remove(List<Bundle> bundles, boolean awaitRefresh) {
        List<Bundle> removed = new ArrayList<>();
        for (Bundle b : bundles.reversed()) {
            try {
                b.uninstall();
                removed.add(b);
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("could not uninstall {}: {}", b.getSymbolicName(), e.getMessage());
            }
        }
        refresh(removed, awaitRefresh);
    }

    private void verify(String feature, BundleRef ref) {
        Path jar = jar(ref);
        if (ref.path() == null || ref.sha256() == null) {
            throw new FeatureException("feature '" + feature + "': bundle " + ref.mvn()
                    + " has no path or SHA-256 (use the descriptors the build writes into the distribution)");
        }
        if (!Files.isRegularFile(jar)) {
            throw new FeatureException("feature '" + feature + "': bundle " + ref.mvn() + " is missing: " + jar);
        }
        String actual = Sha256.of(jar);
        if (!actual.equalsIgnoreCase(ref.sha256())) {
            throw new FeatureException("feature '" + feature + "': bundle " + ref.mvn() + " failed its checksum: "
                    + jar + " has SHA-256 " + actual + ", the descriptor expects " + ref.sha256());
        }
    }

    private Bundle installBundle(String feature, BundleRef ref) {
        try {
            return context.installBundle(jar(ref).toUri().toString());
        } catch (BundleException e) {
            throw new FeatureException("feature '" + feature + "': bundle " + ref.mvn() + " cannot be installed: "
                    + e.getMessage(), e);
        }
    }

    private void resolveAll(String feature, List<Bundle> bundles) {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        if (wiring.resolveBundles(bundles)) {
            return;
        }
        for (Bundle b : bundles) {
            if (b.getState() == Bundle.INSTALLED && !isFragment(b)) {
                throw new FeatureException("feature '" + feature + "': bundle " + name(b) + " cannot be resolved: "
                        + resolutionError(b));
            }
        }
        throw new FeatureException("feature '" + feature + "': a fragment cannot be attached to its host");
    }

    /**
     * The framework's own words for why {@code b} does not resolve: it gives them only when asked to start the
     * bundle, which cannot succeed here (the bundle is uninstalled right after anyway).
     */
    private static String resolutionError(Bundle b) {
        try {
            b.start(Bundle.START_TRANSIENT);
            return "the framework could not say why";
        } catch (BundleException e) {
            String message = e.getMessage();
            int detail = message.indexOf(" Unresolved requirements:");
            return detail > 0 ? message.substring(0, detail) : message;
        }
    }

    private static void start(String feature, Bundle b) {
        try {
            b.start();
        } catch (BundleException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new FeatureException("feature '" + feature + "': bundle " + name(b) + " failed to start: "
                    + (root == e ? e.getMessage() : e.getMessage() + " (" + root + ")"), e);
        }
    }

    private void refresh(List<Bundle> bundles, boolean await) {
        if (bundles.isEmpty()) {
            return;
        }
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(bundles, event -> done.countDown());
        if (!await) {
            return;
        }
        try {
            if (!done.await(REFRESH_WAIT_S, TimeUnit.SECONDS)) {
                LOG.warn("the framework did not finish refreshing within {} s", REFRESH_WAIT_S);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isFragment(Bundle b) {
        return b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    private static String name(Bundle b) {
        return b.getSymbolicName() + " " + b.getVersion();
    }
}
