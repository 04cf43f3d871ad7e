package org.reprolab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.reprolab.launch.host.Host;

/** A real Felix with the real bundles of the distribution, driven through its services. */
class FelixPlatformIT extends HostPerClass {

    private static final String FORESTS = "org.reprolab.method.forests-smoothers";

    @Test
    void everyBundleIsActiveAndEveryMethodRegistersItsExperiment() throws Exception {
        for (Bundle b : host.framework().getBundleContext().getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (Host.isConsoleOnly(b.getSymbolicName())) {
                assertNotEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName() + " started in a headless command");
            } else if (!fragment) {
                assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName() + " is not active");
            }
        }
        assertEquals(defaultExperiments(), Set.copyOf(Probe.experimentIds(host)));
    }

    @Test
    void aRunGoesThroughTheExperimentServiceAndIsStoredWhole(@TempDir Path out) throws Exception {
        Distribution.Outcome first = Distribution.execute(host, "run", "forests-smoothers", "--seed", "5", "--out", out.toString());
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("claims held"), first.out());
        List<Path> dirs = RunRecords.runDirs(out);
        assertEquals(1, dirs.size());
        JsonNode run = RunRecords.read(dirs.get(0));
        assertEquals("SUCCEEDED", run.get("status").asText());
        assertEquals("forests-smoothers", run.get("experimentId").asText());
        assertEquals(FORESTS, run.get("bundle").asText());
        assertEquals(5, run.get("seed").asLong());
        assertEquals("smoke", run.get("profile").asText());
        assertEquals("jvm", run.get("backend").asText());
        assertFalse(run.get("params").isEmpty());
        assertTrue(run.get("claims").size() > 0);
        for (JsonNode claim : run.get("claims")) {
            assertTrue(claim.has("statement") && claim.has("expected") && claim.has("measured") && claim.has("held"), claim.toString());
        }
        assertTrue(run.get("wallSeconds").asDouble() > 0);
        assertTrue(Files.size(dirs.get(0).resolve("metrics.csv")) > 0);
        assertTrue(Files.readString(dirs.get(0).resolve("run.log")).contains("started"));

        Distribution.Outcome again = Distribution.execute(host, "run", "forests-smoothers", "--seed", "5", "--out", out.toString());
        assertEquals(0, again.status(), again.err());
        JsonNode second = RunRecords.read(RunRecords.runDirs(out).stream().filter(d -> !d.equals(dirs.get(0))).findFirst().orElseThrow());
        assertEquals(run.get("metrics"), second.get("metrics"), "same seed and params give the same numbers");
        assertEquals(run.get("claims"), second.get("claims"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "run no-such-thing",
        "run forests-smoothers -p no_such_param=1",
        "run forests-smoothers -p malformed",
        "run forests-smoothers --profile medium",
        "run forests-smoothers --seed abc",
        "run forests-smoothers --backend quantum",
        "run forests-smoothers --time-limit soon",
        "run forests-smoothers --time-limit 0",
        "run more-is-better -p b.trials=1,2,3",
        "run more-is-better -p b.exponents=1.5",
        "run",
        "frobnicate",
        "info no-such-thing",
    })
    void badInputGetsOneLineExitTwoAndWritesNothing(String commandLine, @TempDir Path out) throws Exception {
        List<String> args = new ArrayList<>(List.of(commandLine.split(" ")));
        if (args.get(0).equals("run")) {
            args.addAll(List.of("--out", out.resolve("runs").toString()));
        }
        Distribution.Outcome outcome = Distribution.execute(host, args.toArray(String[]::new));
        assertEquals(2, outcome.status(), outcome.out() + outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), "one line: " + outcome.err());
        assertTrue(outcome.err().startsWith("reprolab: "), outcome.err());
        assertTrue(Distribution.isEmptyOrMissing(out.resolve("runs")), "nothing written for: " + commandLine);
    }

    @Test
    void strictTurnsAClaimThatDidNotHoldIntoExitOneAndTheTimeLimitStopsARun(@TempDir Path out) throws Exception {
        Distribution.Outcome smoke = Distribution.execute(host, "run", "forests-smoothers", "--strict", "--out", out.toString());
        assertEquals(1, smoke.status(), "the smoke profile's toy scale does not hold every claim: " + smoke.out());
        assertEquals("SUCCEEDED", RunRecords.read(RunRecords.runDirs(out).get(0)).get("status").asText());

        Path limited = out.resolve("limited");
        Distribution.Outcome run = Distribution.execute(host, "run", "more-is-better", "--profile", "full",
                "--time-limit", "2s", "--out", limited.toString());
        assertEquals(1, run.status(), run.out());
        assertTrue(run.err().contains("timed out"), run.err());
        assertEquals("TIMED_OUT", RunRecords.read(RunRecords.runDirs(limited).get(0)).get("status").asText());
    }

    @Test
    void typedParametersAreCheckedAgainstTheirSpecification(@TempDir Path out) throws Exception {
        Distribution.Outcome info = Distribution.execute(host, "info", "more-is-better");
        assertEquals(0, info.status(), info.err());
        String intParam = info.out().lines().filter(l -> l.contains(" integer in ["))
                .map(l -> l.split("\\s+")[0]).findFirst().orElseThrow(() -> new AssertionError(info.out()));
        for (String bad : List.of(intParam + "=abc", intParam + "=-999999999", intParam + "=1.5")) {
            Distribution.Outcome o = Distribution.execute(host, "run", "more-is-better", "-p", bad, "--out", out.toString());
            assertEquals(2, o.status(), bad + ": " + o.err());
            assertTrue(o.err().contains("'" + intParam + "'"), o.err());
        }
        assertTrue(Distribution.isEmptyOrMissing(out));
    }

    @Test
    void stoppingAMethodBundleAbortsItsRunAndThePlatformKeepsRunning(@TempDir Path out) throws Exception {
        CompletableFuture<Distribution.Outcome> run = CompletableFuture.supplyAsync(() ->
                Distribution.execute(host, "run", "forests-smoothers", "--profile", "full", "--out", out.toString()));
        Path dir = RunRecords.awaitStatus(out, "RUNNING", Duration.ofSeconds(60));
        Bundle forests = Probe.bundle(host, FORESTS);
        forests.stop();
        Distribution.Outcome outcome = run.get(60, TimeUnit.SECONDS);
        assertEquals(1, outcome.status(), outcome.err());
        assertEquals("ABORTED", RunRecords.read(dir).get("status").asText());
        assertEquals(defaultExperiments().stream().filter(id -> !id.equals("forests-smoothers")).sorted().toList(),
                Probe.experimentIds(host).stream().sorted().toList(), "the other experiments stay");
        assertEquals(Bundle.ACTIVE, host.framework().getState());
        assertTrue(Distribution.execute(host, "list").out().contains("more-is-better"));

        forests.start();
        assertEquals(defaultExperiments(), Set.copyOf(Probe.experimentIds(host)));
    }

    /** The experiments of the families a fresh distribution installs (conf/config.properties). */
    private static Set<String> defaultExperiments() {
        Set<String> ids = new java.util.TreeSet<>(Distribution.familyExperiments("theory"));
        ids.addAll(Distribution.familyExperiments("autoencoders"));
        return ids;
    }
}
