package org.reprolab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.AllServiceListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Updating a method bundle while the platform runs: its running run is aborted and recorded, the new version's
 * Experiment is live without a restart, and many updates leak no class loaders. Prints the swap latency
 * (Bundle.update called → new Experiment service registered) and heap after GC; {@code -Dreprolab.swap.cycles}
 * sets the number of update cycles (default 1000).
 */
class HotSwapIT extends HostPerClass {

    private static final String FORESTS = Distribution.systemJar("forests-smoothers");
    private static final String MORE_IS_BETTER = Distribution.systemJar("more-is-better");
    private static final int CYCLES = Integer.getInteger("reprolab.swap.cycles", 1000);
    /** Generous: one leaked class loader per update would hold the bundle's classes, well above this after 1000. */
    private static final long HEAP_GROWTH_LIMIT = 48L << 20;

    @Test
    void updatingAMethodBundleAbortsItsRunAndTheNewVersionIsLive(@TempDir Path out) throws Exception {
        Bundle forests = Probe.bundle(host, TestJars.symbolicName(FORESTS));
        CompletableFuture<Distribution.Outcome> run = CompletableFuture.supplyAsync(() ->
                Distribution.execute(host, "run", "forests-smoothers", "--profile", "full", "--out", out.toString()));
        Path dir = RunRecords.awaitStatus(out, "RUNNING", Duration.ofSeconds(60));

        forests.update(new ByteArrayInputStream(TestJars.withHeaders(FORESTS, Map.of("Bundle-Version", "0.1.0.swapped"))));

        Distribution.Outcome outcome = run.get(60, TimeUnit.SECONDS);
        assertEquals(1, outcome.status(), outcome.err());
        assertEquals("ABORTED", RunRecords.read(dir).get("status").asText());
        Distribution.Outcome info = Distribution.execute(host, "info", "forests-smoothers");
        assertTrue(info.out().contains("bundle: org.reprolab.method.forests-smoothers 0.1.0.swapped"), info.out());
        Distribution.Outcome again = Distribution.execute(host, "run", "forests-smoothers", "-p", "trees=3", "--out", out.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals("0.1.0.swapped", RunRecords.read(RunRecords.runDirs(out).stream().filter(d -> !d.equals(dir)).findFirst()
                .orElseThrow()).get("bundleVersion").asText());
    }

    @Test
    void uninstallingABackendChangesWhatNewRunsCanChooseNeverARunInFlight(@TempDir Path out) throws Exception {
        assertTrue(Distribution.execute(host, "backends").out().lines().anyMatch(l -> l.matches("opencl\\s+available\\s+.+")),
                "CI installs PoCL, so OpenCL is available: " + Distribution.execute(host, "backends").out());
        CompletableFuture<Distribution.Outcome> run = CompletableFuture.supplyAsync(() -> Distribution.execute(host,
                "run", "forests-smoothers", "--profile", "full", "--backend", "opencl", "--out", out.toString()));
        Path dir = RunRecords.awaitStatus(out, "RUNNING", Duration.ofSeconds(60));

        Distribution.Outcome uninstall = Distribution.execute(host, "feature", "uninstall", "opencl");
        assertEquals(0, uninstall.status(), uninstall.err());
        assertEquals("RUNNING", RunRecords.read(dir).get("status").asText(), "the run in flight goes on");
        assertTrue(Distribution.execute(host, "backends").out().lines().noneMatch(l -> l.startsWith("opencl")));
        Distribution.Outcome refused = Distribution.execute(host, "run", "forests-smoothers", "--backend", "opencl",
                "--out", out.resolve("refused").toString());
        assertEquals(2, refused.status());
        assertTrue(refused.err().startsWith("reprolab: unknown backend 'opencl'; available: jvm (install the 'opencl' feature"),
                refused.err());

        Distribution.Outcome finished = run.get(120, TimeUnit.SECONDS);
        assertEquals(0, finished.status(), finished.err());
        assertEquals("SUCCEEDED", RunRecords.read(dir).get("status").asText());
        assertEquals("opencl", RunRecords.read(dir).get("backend").asText());

        assertEquals(0, Distribution.execute(host, "feature", "install", "opencl").status());
        Distribution.Outcome onDevice = Distribution.execute(host, "run", "forests-smoothers", "--backend", "opencl",
                "--out", out.resolve("again").toString());
        assertEquals(0, onDevice.status(), onDevice.err());
    }

    @Test
    void manyUpdatesLeakNoClassLoaders() throws Exception {
        Bundle bundle = Probe.bundle(host, TestJars.symbolicName(MORE_IS_BETTER));
        byte[][] versions = {
            TestJars.withHeaders(MORE_IS_BETTER, Map.of("Bundle-Version", "0.1.0.a")),
            TestJars.withHeaders(MORE_IS_BETTER, Map.of("Bundle-Version", "0.1.0.b")),
        };
        BlockingQueue<Long> registered = new LinkedBlockingQueue<>();
        // All…: the system bundle cannot see the Experiment interface, and a plain ServiceListener would not be told.
        AllServiceListener listener = event -> {
            if (event.getType() == ServiceEvent.REGISTERED && event.getServiceReference().getBundle() == bundle) {
                registered.add(System.nanoTime());
            }
        };
        var ctx = host.framework().getBundleContext();
        ctx.addServiceListener(listener, "(objectClass=org.reprolab.api.Experiment)");
        List<Long> latencies = new ArrayList<>();
        List<String> heap = new ArrayList<>();
        WeakReference<ClassLoader> firstLoader = new WeakReference<>(bundle.adapt(BundleWiring.class).getClassLoader());
        long heap0 = 0;
        long wall0 = System.nanoTime();
        try {
            for (int cycle = 0; cycle <= CYCLES; cycle++) {
                if (cycle % 100 == 0) {
                    long used = heapAfterGc();
                    heap0 = cycle == 0 ? used : heap0;
                    heap.add(String.format(Locale.ROOT, "%d:%.1fMB", cycle, used / 1048576.0));
                }
                if (cycle == CYCLES) {
                    break;
                }
                long t0 = System.nanoTime();
                bundle.update(new ByteArrayInputStream(versions[cycle % 2]));
                Long t1 = registered.poll(30, TimeUnit.SECONDS);
                assertTrue(t1 != null, "no Experiment service registered after update " + cycle);
                latencies.add(t1 - t0);
            }
        } finally {
            ctx.removeServiceListener(listener);
        }
        long wall = System.nanoTime() - wall0;
        long heapEnd = heapAfterGc();
        report(latencies, heap, wall);
        assertEquals(List.of("more-is-better"), Probe.experimentIds(host).stream().filter(id -> id.equals("more-is-better")).toList());
        assertNull(firstLoader.get(), "the first version's class loader is still reachable after " + CYCLES + " updates");
        assertTrue(heapEnd - heap0 < HEAP_GROWTH_LIMIT, "heap after GC grew by " + ((heapEnd - heap0) >> 20) + " MB");
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Prints the numbers and keeps them in target/hot-swap.txt for the record. */
    private static void report(List<Long> latencies, List<String> heap, long wallNanos) throws IOException {
        List<Long> sorted = latencies.stream().sorted().toList();
        String text = String.format(Locale.ROOT,
                "hot swap: %d updates of more-is-better in %.1f s; latency update→registered: median %.2f ms, p95 %.2f ms, max %.2f ms%n"
                        + "heap after GC by cycle: %s%n",
                latencies.size(), wallNanos / 1e9, percentile(sorted, 0.5), percentile(sorted, 0.95),
                sorted.getLast() / 1e6, String.join(" ", heap));
        System.out.print(text);
        Files.writeString(Path.of(System.getProperty("reprolab.dist", "target/reprolab")).resolveSibling("hot-swap.txt"), text);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1)))) / 1e6;
    }
}
