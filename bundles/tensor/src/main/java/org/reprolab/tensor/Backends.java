package org.reprolab.tensor;

import java.util.concurrent.Callable;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.Device;
import org.reprolab.tensor.jvm.JvmBackend;

/**
 * Which backend new tensors are created on. Each thread has a current backend (the shared JVM backend unless
 * a scope says otherwise); a run executes inside {@link #using} so that every tensor it makes lands on the
 * backend chosen for it.
 */
public final class Backends {
    private static final ThreadLocal<Backend> CURRENT = new ThreadLocal<>();
    private static volatile JvmBackend shared;

    private Backends() {
    }

    /** The process-wide JVM backend (one worker per processor), created on first use. */
    public static Backend jvm() {
        JvmBackend b = shared;
        if (b == null) {
            synchronized (Backends.class) {
                b = shared;
                if (b == null) {
                    b = new JvmBackend();
                    shared = b;
                }
            }
        }
        return b;
    }

    private static final java.util.Map<Device, Backend> OPEN = new java.util.concurrent.ConcurrentHashMap<>();

    /** Makes an opened accelerator backend reachable by its device (for {@code Tensor.to(Device)}). */
    public static void register(Backend backend) {
        OPEN.put(backend.device(), backend);
    }

    /** Forgets a backend (its bundle is going away). */
    public static void unregister(Backend backend) {
        OPEN.remove(backend.device(), backend);
    }

    /** The backend for a device: the JVM, or an accelerator backend that has been registered. */
    public static Backend forDevice(Device device) {
        if (device.equals(Device.JVM)) {
            return jvm();
        }
        Backend b = OPEN.get(device);
        if (b == null) {
            throw new IllegalArgumentException("no backend is open for device " + device + "; open ones: jvm"
                    + (OPEN.isEmpty() ? "" : ", " + OPEN.keySet()) + " (install the backend's bundle)");
        }
        return b;
    }

    /** The backend new tensors are created on by this thread. */
    public static Backend current() {
        Backend b = CURRENT.get();
        return b != null ? b : jvm();
    }

    /** Runs {@code body} with {@code backend} as this thread's current backend. */
    public static <T> T using(Backend backend, Callable<T> body) throws Exception {
        Backend before = CURRENT.get();
        CURRENT.set(backend);
        try {
            return body.call();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** Stops the shared JVM backend's threads (the tensor bundle calls this when it stops). */
    public static synchronized void shutdown() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }
}
