package org.reprolab.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.Paper;
import org.reprolab.api.Table;
import org.reprolab.runtime.RunRecord;

class PagesTest {

    static final String HOSTILE = "<script>alert('x')</script>";
    static final Instant NOW = Instant.parse("2026-02-03T04:05:06Z");

    static RunRecord record(String id, String experiment, String status, List<ClaimCheck> claims, String error) {
        return new RunRecord(id, experiment, "Title of " + experiment, "org.reprolab.method." + experiment, "1.0.0",
                Map.of("trees", 5, "ridges", List.of(1e-6, 10.0)), 7, "smoke", "jvm", Map.of("java", "25"), "1@t", status,
                "2026-01-01T10:00:00Z", "2026-01-01T10:00:01Z", "2026-01-01T10:02:06Z", 125.4, Map.of("mse", 0.25),
                claims, List.of(), List.of(new Table("grid " + HOSTILE, List.of("a", "b"), List.of(List.of("1", HOSTILE)))),
                List.of("extra/notes.txt"), error);
    }

    static ExperimentInfo info(String id, String feature) {
        return new ExperimentInfo(id, "The " + id + " experiment", new Paper("Paper on " + id, "A. Author, B. Author", 2024,
                "https://example.org/" + id), feature, List.of(), "What " + id + " shows.");
    }

    @Test
    void theRunPageShowsTheClaimsTableWithVerdictsAndEscapesEverything() {
        List<ClaimCheck> claims = List.of(ClaimCheck.atMost("C1", "MSE is small " + HOSTILE, 0.2, 0.3),
                ClaimCheck.atLeast("C2", "p̂ is large", 3, 5));
        String html = RunPage.render(record("r1", "demo", "SUCCEEDED", claims, null), info("demo", "theory"), List.of(),
                "../index.html", NOW);
        assertFalse(html.contains("<script>"), "no markup from the run gets through");
        assertTrue(html.contains("MSE is small &lt;script&gt;"), html);
        Matcher rows = Pattern.compile("<tr class=\"(held|missed)\"><td class=\"mono\">(C\\d)</td>").matcher(html);
        assertTrue(rows.find());
        assertEquals("held C1", rows.group(1) + " " + rows.group(2));
        assertTrue(rows.find());
        assertEquals("missed C2", rows.group(1) + " " + rows.group(2));
        assertTrue(html.contains("<td class=\"mono\">≤ 0.3</td><td class=\"mono\">0.2</td>"), "expected, then measured");
        assertTrue(html.contains("1 of 2"), "claims held");
        assertTrue(html.contains("href=\"https://example.org/demo\""));
        assertTrue(html.contains("href=\"../index.html\""));
        assertTrue(html.contains("[1.000e-06, 10]"), "a list parameter reads as a list");
        assertTrue(html.contains("2 min 05 s"), "wall time");
        assertTrue(html.contains("href=\"extra/notes.txt\""), "the experiment's own files are linked");
    }

    @Test
    void aFailedRunPageSaysWhyAndHasNoClaims() {
        String html = RunPage.render(record("r2", "demo", "FAILED", List.of(), "java.lang.IllegalStateException: " + HOSTILE),
                null, List.of(), null, NOW);
        assertTrue(html.contains("class=\"badge failed\">failed<"), html);
        assertTrue(html.contains("The run ended without a result"));
        assertTrue(html.contains("This run checked no claims."));
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("Lab report"), "no link to a lab report that is not there");
    }

    @Test
    void theLabPageWithNothingInstalledSaysWhatToDo() {
        String html = LabPage.render(List.of(), "/tmp/runs", NOW);
        assertTrue(html.contains("No experiment is installed and no run is stored yet"));
        assertTrue(html.contains("0 / 0"));
    }

    @Test
    void theLabPageGroupsByFamilyAndTotalsTheClaims() {
        List<ClaimCheck> two = List.of(ClaimCheck.atMost("C1", "a", 1, 2), ClaimCheck.atMost("C2", "b", 3, 2));
        List<ClaimCheck> one = List.of(ClaimCheck.atMost("C1", "c " + HOSTILE, 1, 2));
        List<LabEntry> entries = List.of(
                new LabEntry("alpha", info("alpha", "theory"), record("ra", "alpha", "SUCCEEDED", two, null), "ra/report.html", 3),
                new LabEntry("beta", info("beta", "theory"), record("rb", "beta", "SUCCEEDED", one, null), "rb/report.html", 1),
                new LabEntry("gamma", info("gamma", "autoencoders"), null, null, 0),
                new LabEntry("delta", info("delta", "autoencoders"), record("rd", "delta", "INTERRUPTED", List.of(),
                        "the process running it ended"), "rd/report.html", 1),
                new LabEntry("gone", null, record("rg", "gone", "FAILED", List.of(), "boom"), "rg/run.json", 2));
        String html = LabPage.render(entries, "/runs", NOW);
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains(">2 / 3<"), "claims held over the latest runs");
        assertTrue(html.contains(">1 / 4<"), "experiments with every claim held, of those that ran");
        int autoencoders = html.indexOf("Family autoencoders");
        int theory = html.indexOf("Family theory");
        int gone = html.indexOf("Runs of experiments not installed");
        assertTrue(autoencoders > 0 && autoencoders < theory && theory < gone, "families by name, the uninstalled last");
        assertTrue(html.contains("not run yet") && html.contains("reprolab run gamma"));
        assertTrue(html.contains("class=\"badge interrupted\""));
        assertTrue(html.contains("href=\"ra/report.html\""));
        assertTrue(html.contains("class=\"chip missed\""));
        assertTrue(html.contains("3 runs"));
    }
}
