package org.reprolab.backend.opencl.internal;

import org.reprolab.testing.backend.DeviceUnderTest;
import org.reprolab.testing.backend.OpsAgainstJvmSuite;

/** Every Backend op on OpenCL device 0 against the JVM backend (the shared suite). */
class OpenClOpsTest extends OpsAgainstJvmSuite {
    @Override
    protected DeviceUnderTest openDevice() {
        return OpenClUnderTest.open();
    }
}
