package org.reprolab.backend.cuda.internal;

import org.junit.jupiter.api.Assumptions;
import org.reprolab.backend.cuda.CudaProvider;
import org.reprolab.testing.backend.DeviceUnderTest;

/** CUDA GPU 0 (exact FP32 products) for the comparison suites; skips the calling class where there is no GPU. */
record CudaUnderTest(CudaProvider provider, CudaBackend backend) implements DeviceUnderTest {

    static CudaUnderTest open() {
        CudaProvider provider = new CudaProvider.Fp32();
        Assumptions.assumeTrue(provider.available(), () -> "no CUDA: " + provider.unavailableReason());
        return new CudaUnderTest(provider, (CudaBackend) provider.open(0));
    }

    @Override
    public String label() {
        return "cuda";
    }

    @Override
    public void close() {
        provider.close();
    }
}
