package org.reprolab.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.reprolab.launch.host.Host;

/** Looks into a running host: its bundles and Experiment services. */
final class Probe {

    private Probe() {
    }

    static Bundle bundle(Host host, String symbolicName) {
        for (Bundle b : host.framework().getBundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /** Every bundle as "symbolic-name version" → state, to compare the bundle set before and after a change. */
    static Map<String, Integer> bundleSet(Host host) {
        Map<String, Integer> set = new TreeMap<>();
        for (Bundle b : host.framework().getBundleContext().getBundles()) {
            set.put(b.getBundleId() + " " + b.getSymbolicName() + " " + b.getVersion(), b.getState());
        }
        return set;
    }

    /** Asks each Experiment service for its id, through the service's own interface (bundles' class space). */
    static List<String> experimentIds(Host host) throws Exception {
        BundleContext ctx = host.framework().getBundleContext();
        List<String> ids = new ArrayList<>();
        ServiceReference<?>[] refs = ctx.getAllServiceReferences("org.reprolab.api.Experiment", null);
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            // getAll…: the test class path has its own copy of the API, which the bundles do not share.
            Object experiment = ctx.getService(ref);
            Class<?> api = ref.getBundle().loadClass("org.reprolab.api.Experiment");
            Object info = api.getMethod("info").invoke(experiment);
            ids.add((String) info.getClass().getMethod("id").invoke(info));
            ctx.ungetService(ref);
        }
        return ids.stream().sorted().toList();
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code limit}. */
    static void await(Duration limit, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + limit);
            }
            Thread.sleep(50);
        }
    }
}
