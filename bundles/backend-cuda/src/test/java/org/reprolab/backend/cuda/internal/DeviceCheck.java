package org.reprolab.backend.cuda.internal;

import java.nio.file.Path;
import org.reprolab.backend.cuda.CudaProvider;
import org.reprolab.testing.backend.ClassFolderRun;

/**
 * Runs this bundle's tests without Maven on a GPU machine (platform/gpu-check.sh): lists the GPUs and the CUDA
 * libraries found, runs every test class in the folder given as the argument (the bundle's test-classes) on GPU 0
 * and exits with 1 if a test failed or none ran.
 */
public final class DeviceCheck {
    private DeviceCheck() {
    }

    public static void main(String[] args) {
        try (CudaProvider provider = new CudaProvider.Fp32()) {
            if (!provider.available()) {
                System.out.println("CUDA unavailable: " + provider.unavailableReason());
                System.exit(1);
            }
            provider.deviceDescriptions().forEach(System.out::println);
            System.out.println(CudaRuntime.get().versions());
        }
        System.exit(ClassFolderRun.run(Path.of(args.length > 0 ? args[0] : "test-classes")) ? 0 : 1);
    }
}
