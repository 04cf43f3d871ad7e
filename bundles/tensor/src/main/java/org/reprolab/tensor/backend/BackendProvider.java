package org.reprolab.tensor.backend;

/**
 * An accelerator bundle's service: names its backend kind and opens it when a run asks for it. The JVM
 * backend is built in and needs no provider.
 */
public interface BackendProvider {
    /** The kind runs select it by: {@code opencl}, {@code cuda}. */
    String kind();

    /** Whether a usable device is present; when not, {@link #unavailableReason()} says why. */
    boolean available();

    String unavailableReason();

    /** Opens the backend for one device (index 0 = the first). */
    Backend open(int deviceIndex);
}
