package org.reprolab.backend.opencl.internal;

import org.reprolab.testing.backend.DeviceUnderTest;
import org.reprolab.testing.backend.TrainingStepSuite;

/** A whole training step of each reference model on OpenCL device 0 against the JVM backend. */
class OpenClTrainingStepTest extends TrainingStepSuite {
    @Override
    protected DeviceUnderTest openDevice() {
        return OpenClUnderTest.open();
    }
}
