package org.reprolab.launch.host;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.reprolab.launch.HeadlessCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Felix framework with the distribution's core bundles ({@code bundle/}, the core feature) installed and
 * started; the runtime's feature service then starts the other installed features from {@code system/}. Its storage is a
 * private temporary folder, so several hosts can run side by side; it is deleted on close.
 */
public final class Host implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Host.class);
    private static final long SERVICE_WAIT_MS = 30_000;
    private static final String STORAGE_PREFIX = "reprolab-felix-";
    /**
     * Bundles only the interactive console needs: the Gogo shell wants a terminal, and the web console (with
     * its HTTP server) has no business in a headless command, which should start fast and open no port.
     */
    private static final Set<String> CONSOLE_ONLY = Set.of("org.apache.felix.gogo.jline",
            "org.apache.felix.http.jetty12", "org.apache.felix.webconsole", "org.reprolab.webconsole");

    private final Framework framework;
    private final Path storage;

    private Host(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /**
     * Starts the framework with every bundle in {@code home/bundle}, the core feature (the console-only ones only when
     * {@code console}); fails with one message listing every bundle that did not start.
     */
    public static Host start(Path home, Map<String, String> properties, boolean console) {
        long t0 = System.nanoTime();
        Path storage = createStorage();
        Map<String, Object> props = new HashMap<>(properties);
        props.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        props.put("felix.log.logger", new FelixLogBridge());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, Host.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new HostException("no OSGi framework on the class path (is felix.jar in bin/?)"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Framework framework = factory.newFramework((Map) props);
        Host host = new Host(framework, storage);
        try {
            framework.init();
            StartupWatcher watcher = new StartupWatcher(framework.getBundleContext());
            host.install(home.resolve("bundle"), console);
            framework.start();
            watcher.awaitStarted();
            List<String> failures = watcher.failures();
            if (!failures.isEmpty()) {
                throw new HostException("bundles failed to start:\n  " + String.join("\n  ", failures));
            }
        } catch (BundleException | RuntimeException e) {
            host.close();
            throw e instanceof HostException he ? he : new HostException("the platform did not start: " + e.getMessage(), e);
        }
        LOG.debug("ready in {} ms ({} bundles)", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
                framework.getBundleContext().getBundles().length);
        return host;
    }

    /** Whether the bundle with this symbolic name is started only by {@code reprolab console}. */
    public static boolean isConsoleOnly(String symbolicName) {
        return CONSOLE_ONLY.contains(symbolicName);
    }

    public Framework framework() {
        return framework;
    }

    /** Installs every jar and marks it for start; the framework starts them when it reaches its start level. */
    private void install(Path bundleDir, boolean console) throws BundleException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(bundleDir)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new HostException("cannot list bundles in " + bundleDir + ": " + e.getMessage(), e);
        }
        var ctx = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(ctx.installBundle(jar.toUri().toString()));
        }
        for (Bundle b : installed) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && (console || !isConsoleOnly(b.getSymbolicName()))) {
                b.start();
            }
        }
    }

    /** Hands the command line to the HeadlessCommand service and returns its exit status. */
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        ServiceTracker<HeadlessCommand, HeadlessCommand> tracker =
                new ServiceTracker<>(framework.getBundleContext(), HeadlessCommand.class, null);
        tracker.open();
        try {
            HeadlessCommand command = tracker.waitForService(SERVICE_WAIT_MS);
            if (command == null) {
                throw new HostException("the command-line service did not start within " + SERVICE_WAIT_MS / 1000
                        + " s; run with REPROLAB_LOG=debug to see why");
            }
            return command.execute(args, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            tracker.close();
        }
    }

    /** Runs the interactive Gogo shell (started by its bundle) until the framework stops. */
    public int runConsole() {
        try {
            framework.waitForStop(0);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    @Override
    public void close() {
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(30_000);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("the framework did not stop within 30 s");
            }
        } catch (BundleException e) {
            LOG.warn("stopping the framework: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteRecursively(storage);
        }
    }

    /**
     * A private framework storage folder named after this process; folders left by processes that died
     * (a crash, kill -9) are removed on the way.
     */
    private static Path createStorage() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> old = Files.newDirectoryStream(tmp, STORAGE_PREFIX + "*")) {
            for (Path dir : old) {
                String rest = dir.getFileName().toString().substring(STORAGE_PREFIX.length());
                int dash = rest.indexOf('-');
                if (dash > 0 && dash <= 18 && rest.substring(0, dash).chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(rest.substring(0, dash))).map(p -> !p.isAlive()).orElse(true)) {
                    deleteRecursively(dir);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not look for stale framework storage in {}: {}", tmp, e.toString());
        }
        try {
            return Files.createTempDirectory(STORAGE_PREFIX + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new HostException("cannot create the framework's storage folder: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
