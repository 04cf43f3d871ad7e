package org.reprolab.tensor.backend;

/**
 * A flat block of elements owned by one backend, on its device. Host code never indexes it directly: values
 * cross to the host only through {@link Backend#read} and {@link Backend#write}, so a device backend keeps
 * its numbers resident between ops.
 */
public interface Storage {
    Device device();

    DType dtype();

    /** Number of elements. */
    int size();
}
