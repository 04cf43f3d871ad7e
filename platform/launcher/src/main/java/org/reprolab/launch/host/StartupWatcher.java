package org.reprolab.launch.host;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

/** Collects the bundles that fail to start while the framework climbs to its start level. */
final class StartupWatcher implements FrameworkListener {

    private static final long START_WAIT_S = 60;

    private final BundleContext context;
    private final CountDownLatch started = new CountDownLatch(1);
    private final List<String> failures = new ArrayList<>();

    StartupWatcher(BundleContext context) {
        this.context = context;
        context.addFrameworkListener(this);
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null && event.getBundle().getBundleId() != 0) {
            synchronized (failures) {
                failures.add(event.getBundle().getSymbolicName() + ": " + rootMessage(event.getThrowable()));
            }
        } else if (event.getType() == FrameworkEvent.STARTED) {
            started.countDown();
        }
    }

    void awaitStarted() {
        try {
            if (!started.await(START_WAIT_S, TimeUnit.SECONDS)) {
                throw new HostException("the framework did not reach its start level within " + START_WAIT_S + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException("interrupted while starting", e);
        } finally {
            context.removeFrameworkListener(this);
        }
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    private static String rootMessage(Throwable t) {
        if (t == null) {
            return "failed";
        }
        Throwable cause = t;
        while (!(cause instanceof BundleException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
