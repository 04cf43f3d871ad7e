package org.reprolab.backend.cuda.internal;

import org.reprolab.testing.backend.DeviceUnderTest;
import org.reprolab.testing.backend.OpsAgainstJvmSuite;

/** Every Backend op on CUDA GPU 0 against the JVM backend (the suite the OpenCL backend passes too). */
class CudaOpsTest extends OpsAgainstJvmSuite {
    @Override
    protected DeviceUnderTest openDevice() {
        return CudaUnderTest.open();
    }
}
