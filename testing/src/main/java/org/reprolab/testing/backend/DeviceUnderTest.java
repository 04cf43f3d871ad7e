package org.reprolab.testing.backend;

import org.reprolab.backend.device.DeviceBackend;

/** An accelerator backend opened for the comparison suites, and what closes it (its provider). */
public interface DeviceUnderTest extends AutoCloseable {
    DeviceBackend backend();

    /** Short name in printed summaries: {@code opencl}, {@code cuda}. */
    String label();

    @Override
    void close();
}
