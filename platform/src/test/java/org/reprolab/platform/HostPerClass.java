package org.reprolab.platform;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.launch.host.Host;

/** One real Felix per test class, started with the distribution's defaults; its runs go to a temporary folder. */
abstract class HostPerClass {

    @TempDir
    static Path runs;
    static Host host;

    @BeforeAll
    static void startHost() {
        host = Distribution.startHost(runs);
    }

    @AfterAll
    static void stopHost() {
        if (host != null) {
            host.close();
            host = null;
        }
    }
}
