package org.reprolab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** The lab: Gogo commands, called through the framework's CommandProcessor as the shell calls them. */
class LabConsoleIT extends HostPerClass {

    /** What a command returned and printed. */
    record Answer(Object value, String out, String err) {
    }

    /** Executes one command line in a fresh Gogo session (through reflection: Gogo's API lives in the bundles' class space). */
    private static Answer gogo(String commandLine) throws Exception {
        BundleContext ctx = host.framework().getBundleContext();
        ServiceReference<?> ref = ctx.getAllServiceReferences("org.apache.felix.service.command.CommandProcessor", null)[0];
        Class<?> processorType = ref.getBundle().loadClass("org.apache.felix.service.command.CommandProcessor");
        Class<?> sessionType = ref.getBundle().loadClass("org.apache.felix.service.command.CommandSession");
        Object processor = ctx.getService(ref);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Object session = processorType.getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class)
                .invoke(processor, new ByteArrayInputStream(new byte[0]), out, err);
        try {
            Object value = sessionType.getMethod("execute", CharSequence.class).invoke(session, commandLine);
            return new Answer(value, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (InvocationTargetException e) {
            throw new AssertionError(commandLine + " threw " + e.getCause(), e.getCause());
        } finally {
            sessionType.getMethod("close").invoke(session);
            ctx.ungetService(ref);
        }
    }

    @Test
    void listInfoAndBundlesShowWhatIsInstalled() throws Exception {
        String list = gogo("lab:list").out();
        assertTrue(list.contains("more-is-better") && list.contains("forests-smoothers"), list);
        assertEquals(Distribution.execute(host, "list").out(), list, "the same table as the CLI");
        String info = gogo("lab:info forests-smoothers").out();
        assertEquals(Distribution.execute(host, "info", "forests-smoothers").out(), info);
        assertTrue(gogo("lab:bundles").out().lines().anyMatch(l -> l.matches("\\d+\\s+active\\s+org\\.reprolab\\.console\\s.*")));
        String features = gogo("lab:feature list").out();
        assertTrue(features.lines().anyMatch(l -> l.matches("theory\\s+yes\\s.*")), features);
        assertEquals(features, gogo("lab:feature").out());
        assertEquals(Distribution.execute(host, "backends").out(), gogo("lab:backends").out());
    }

    @Test
    void runWaitsShowsAndListsARun() throws Exception {
        Answer run = gogo("lab:run --wait forests-smoothers trees=3 --seed 3");
        assertTrue(run.value().toString().matches("run \\S+-forests-smoothers-s3: succeeded in .*"), run.value() + run.err());
        String runId = run.value().toString().split(" ")[1].replace(":", "");
        assertEquals("3", RunRecords.read(runs.resolve(runId)).get("params").get("trees").asText());
        assertTrue(gogo("lab:runs").out().contains(runId));
        String shown = gogo("lab:show " + runId).out();
        assertTrue(shown.startsWith(runId + " — ") && shown.contains("status:  succeeded") && shown.contains("trees"), shown);
        assertTrue(Files.isRegularFile(runs.resolve(runId).resolve("report.html")), "the run got its page");
        Path lab = Path.of(gogo("lab:report").value().toString());
        assertEquals(runs.resolve("index.html"), lab);
        assertTrue(Files.readString(lab).contains(runId + "/report.html"), "the lab report links the run");
    }

    @Test
    void aStartedRunCanBeCancelled() throws Exception {
        Answer started = gogo("lab:run --profile full forests-smoothers");
        String runId = started.value().toString();
        RunRecords.awaitStatus(runs, "RUNNING", Duration.ofSeconds(60));
        assertEquals("cancelling run " + runId, gogo("lab:cancel " + runId).value());
        Probe.await(Duration.ofSeconds(30), "the run is recorded as cancelled",
                () -> RunRecords.read(runs.resolve(runId)).get("status").asText().equals("CANCELLED"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lab:run no-such-thing                     | lab: unknown experiment 'no-such-thing'; available: ",
        "lab:run forests-smoothers no_such_param=1 | lab: unknown parameter 'no_such_param'",
        "lab:run forests-smoothers malformed       | lab: malformed parameter 'malformed'; expected name=value",
        "lab:run --profile medium forests-smoothers | lab: unknown profile 'medium'",
        "lab:run --seed abc forests-smoothers      | lab: invalid seed 'abc'; expected a whole number",
        "lab:run --backend quantum forests-smoothers | lab: unknown backend 'quantum'; available: jvm",
        "lab:info no-such-thing                    | lab: unknown experiment 'no-such-thing'",
        "lab:show no-such-run                      | lab: unknown run 'no-such-run'; see lab:runs",
        "lab:cancel no-such-run                    | lab: no queued or running run 'no-such-run'",
        "lab:feature install no-such-feature       | lab: unknown feature 'no-such-feature'; available: core, ",
        "lab:feature frobnicate                    | lab: unknown feature command 'frobnicate'",
        "lab:feature list extra                    | lab: usage: lab:feature list",
        "lab:feature install                       | lab: usage: lab:feature install <name>",
    })
    void badInputGetsTheCliMessageOnOneLine(String commandLine, String message) throws Exception {
        Answer answer = gogo(commandLine);
        assertNull(answer.value());
        assertEquals(1, answer.err().strip().lines().count(), answer.err());
        assertTrue(answer.err().startsWith(message), answer.err());
    }
}
