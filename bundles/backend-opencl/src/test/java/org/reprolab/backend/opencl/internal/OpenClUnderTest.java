package org.reprolab.backend.opencl.internal;

import org.junit.jupiter.api.Assumptions;
import org.reprolab.backend.device.DeviceBackend;
import org.reprolab.backend.opencl.OpenClProvider;
import org.reprolab.testing.backend.DeviceUnderTest;

/** OpenCL device 0 for the comparison suites; skips the calling test class where no OpenCL device is present. */
record OpenClUnderTest(OpenClProvider provider, OpenClBackend backend) implements DeviceUnderTest {

    static OpenClUnderTest open() {
        OpenClProvider provider = new OpenClProvider();
        Assumptions.assumeTrue(provider.available(), () -> "no OpenCL: " + provider.unavailableReason());
        return new OpenClUnderTest(provider, (OpenClBackend) provider.open(0));
    }

    @Override
    public String label() {
        return "opencl";
    }

    @Override
    public void close() {
        provider.close();
    }
}
