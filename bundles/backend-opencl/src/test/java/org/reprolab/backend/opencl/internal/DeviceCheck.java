package org.reprolab.backend.opencl.internal;

import java.nio.file.Path;
import org.reprolab.backend.opencl.OpenClProvider;
import org.reprolab.testing.backend.ClassFolderRun;

/**
 * Runs this bundle's tests without Maven, for machines that have a GPU but no build tools
 * (platform/gpu-check.sh): lists the OpenCL devices, runs every test class in the folder given as the argument
 * (the bundle's test-classes) on device 0 and exits with 1 if a test failed or none ran.
 */
public final class DeviceCheck {
    private DeviceCheck() {
    }

    public static void main(String[] args) {
        try (OpenClProvider provider = new OpenClProvider()) {
            if (!provider.available()) {
                System.out.println("OpenCL unavailable: " + provider.unavailableReason());
                System.exit(1);
            }
            provider.deviceDescriptions().forEach(System.out::println);
        }
        System.exit(ClassFolderRun.run(Path.of(args.length > 0 ? args[0] : "test-classes")) ? 0 : 1);
    }
}
