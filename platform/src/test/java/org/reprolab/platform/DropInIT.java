package org.reprolab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.launch.host.Host;

/** Felix FileInstall on deploy/: a jar copied in is installed and started, replaced is updated, deleted is uninstalled. */
class DropInIT {

    private static final String THEORY_COMMON = Distribution.systemJar("theory-common");
    private static final String MORE_IS_BETTER = Distribution.systemJar("more-is-better");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void jarsDroppedIntoDeployAreInstalledUpdatedAndUninstalled(@TempDir Path work) throws Exception {
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        Map<String, String> props = Map.of("reprolab.features.default", "", "felix.fileinstall.dir", deploy.toString(),
                "felix.fileinstall.poll", "100");
        try (Host host = Distribution.startHost(work.resolve("runs"), props)) {
            String bsn = TestJars.symbolicName(MORE_IS_BETTER);
            assertEquals(List.of(), Probe.experimentIds(host));

            Files.copy(Distribution.HOME.resolve(THEORY_COMMON), deploy.resolve("theory-common.jar"));
            Files.copy(Distribution.HOME.resolve(MORE_IS_BETTER), deploy.resolve("more-is-better.jar"));
            Probe.await(WAIT, "the dropped-in method registers its experiment", () -> Probe.experimentIds(host).equals(List.of("more-is-better")));

            Path replacement = work.resolve("more-is-better.jar");
            Files.write(replacement, TestJars.withHeaders(MORE_IS_BETTER, Map.of("Bundle-Version", "0.1.0.dropin2")));
            Files.move(replacement, deploy.resolve("more-is-better.jar"), StandardCopyOption.REPLACE_EXISTING);
            Probe.await(WAIT, "the replaced jar updates the bundle", () -> Probe.bundle(host, bsn).getVersion().toString().equals("0.1.0.dropin2")
                    && Probe.experimentIds(host).equals(List.of("more-is-better")));
            long bundleId = Probe.bundle(host, bsn).getBundleId();

            Files.delete(deploy.resolve("more-is-better.jar"));
            Files.delete(deploy.resolve("theory-common.jar"));
            Probe.await(WAIT, "deleted jars are uninstalled", () -> host.framework().getBundleContext().getBundle(bundleId) == null
                    && Probe.experimentIds(host).isEmpty());
        }
    }
}
