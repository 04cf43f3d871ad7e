package org.reprolab.backend.cuda.internal;

import org.reprolab.testing.backend.DeviceUnderTest;
import org.reprolab.testing.backend.TrainingStepSuite;

/** A whole training step of each reference model on CUDA GPU 0 against the JVM backend. */
class CudaTrainingStepTest extends TrainingStepSuite {
    @Override
    protected DeviceUnderTest openDevice() {
        return CudaUnderTest.open();
    }
}
