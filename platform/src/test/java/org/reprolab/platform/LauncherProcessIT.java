package org.reprolab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution's own launcher, started as a separate process, as a user starts it. */
class LauncherProcessIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void listShowsTheInstalledExperiments(@TempDir Path runs) throws Exception {
        Distribution.Outcome list = Distribution.run(runs, LIMIT, "list");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("more-is-better") && list.out().contains("forests-smoothers"), list.out());
        assertEquals("", list.err(), "nothing on stderr when all is well");
    }

    @Test
    void backendsListsTheDefaultJvmBackendFirst(@TempDir Path runs) throws Exception {
        Distribution.Outcome backends = Distribution.run(runs, LIMIT, "backends");
        assertEquals(0, backends.status(), backends.err());
        String[] lines = backends.out().strip().split("\n");
        assertTrue(lines[0].startsWith("BACKEND") && lines[1].startsWith("jvm (default)") && lines[1].contains("available"),
                backends.out());
    }

    @Test
    void anUnknownExperimentExitsTwoAndWritesNothing(@TempDir Path runs) throws Exception {
        Distribution.Outcome run = Distribution.run(runs, LIMIT, "run", "no-such-thing");
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("reprolab: unknown experiment 'no-such-thing'; available: "), run.err());
        assertTrue(Distribution.isEmptyOrMissing(runs));
    }

    @Test
    void aRunKilledWithSigkillIsMarkedInterruptedAtTheNextStart(@TempDir Path runs) throws Exception {
        Process p = Distribution.launch(runs, "run", "forests-smoothers", "--profile", "full");
        try {
            Path dir = RunRecords.awaitStatus(runs, "RUNNING", LIMIT);
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals("RUNNING", RunRecords.read(dir).get("status").asText(), "nobody could record the kill");

            Distribution.Outcome list = Distribution.run(runs, LIMIT, "runs");
            assertEquals(0, list.status(), list.err());
            assertTrue(list.out().contains("interrupted"), list.out());
            assertEquals("INTERRUPTED", RunRecords.read(dir).get("status").asText());
        } finally {
            p.destroyForcibly();
        }
    }
}
