package org.reprolab.tensor.backend;

import java.util.Map;

/**
 * An accelerator bundle's service: names its backend kind and opens it when a run asks for it. The JVM
 * backend is built in and needs no provider.
 *
 * <p>A provider should be cheap to register: probing drivers and devices belongs in the first call of
 * {@link #available()} (and is remembered), so that commands which never compute do not pay for it.
 * A backend returned by {@link #open} belongs to its caller, who closes it when done; withdrawing the
 * provider's service must not close backends that callers still hold.
 */
public interface BackendProvider {
    /** The kind runs select it by: {@code opencl}, {@code cuda}. */
    String kind();

    /** Whether a usable device is present; when not, {@link #unavailableReason()} says why. */
    boolean available();

    String unavailableReason();

    /**
     * What the first device offers, for listings: {@code device}, {@code vendor}, {@code globalMemory},
     * {@code fp64}, … (empty when unavailable).
     */
    default Map<String, String> capabilities() {
        return Map.of();
    }

    /** Opens the backend for one device (index 0 = the first). */
    Backend open(int deviceIndex);
}
