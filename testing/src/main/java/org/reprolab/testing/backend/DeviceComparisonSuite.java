package org.reprolab.testing.backend;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.reprolab.backend.device.DeviceBackend;
import org.reprolab.tensor.jvm.JvmBackend;

/**
 * What the accelerator-vs-JVM suites share: the device under test, opened once per class by the backend bundle's
 * subclass (skipping the class where there is no device), beside a one-thread JVM backend, the reference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DeviceComparisonSuite {
    protected static DeviceUnderTest device;
    protected static DeviceBackend cl;
    protected static JvmBackend jvm;

    /** Opens the device under test; skips the class (an assumption, never a pass) where there is none. */
    protected abstract DeviceUnderTest openDevice();

    @BeforeAll
    void open() {
        device = openDevice();
        cl = device.backend();
        jvm = new JvmBackend(1);
    }

    @AfterAll
    void close() {
        if (device != null) {
            device.close();
            jvm.close();
            afterClose(device.label());
            device = null;
        }
    }

    /** Runs once both backends are closed; {@code label} names the device ({@code opencl}, {@code cuda}). */
    protected void afterClose(String label) {
    }
}
