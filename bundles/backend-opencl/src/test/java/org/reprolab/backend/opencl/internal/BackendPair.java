package org.reprolab.backend.opencl.internal;

import org.junit.jupiter.api.Assumptions;
import org.reprolab.backend.opencl.OpenClProvider;
import org.reprolab.tensor.jvm.JvmBackend;

/**
 * The two backends the comparison tests run side by side: OpenCL device 0 and a one-thread JVM backend. Skips the
 * calling test class (an assumption, never a pass) where no OpenCL device is present.
 */
record BackendPair(OpenClProvider provider, OpenClBackend cl, JvmBackend jvm) implements AutoCloseable {

    static BackendPair open() {
        OpenClProvider provider = new OpenClProvider();
        Assumptions.assumeTrue(provider.available(), () -> "no OpenCL: " + provider.unavailableReason());
        return new BackendPair(provider, (OpenClBackend) provider.open(0), new JvmBackend(1));
    }

    @Override
    public void close() {
        provider.close();
        jvm.close();
    }
}
