package org.reprolab.backend.opencl.internal;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.reprolab.backend.opencl.OpenClProvider;

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
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(Path.of(args.length > 0 ? args[0] : "test-classes"))))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        PrintWriter out = new PrintWriter(System.out, true);
        summary.getSummary().printTo(out);
        summary.getSummary().printFailuresTo(out, 20);
        long ok = summary.getSummary().getTestsSucceededCount();
        System.exit(summary.getSummary().getTotalFailureCount() == 0 && ok > 0 ? 0 : 1);
    }
}
