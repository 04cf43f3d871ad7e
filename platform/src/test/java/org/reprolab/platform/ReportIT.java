package org.reprolab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report bundle in the real distribution, started as a user starts it: a run leaves its plots and page beside
 * its record, and {@code reprolab report} writes the lab's front page over the stored runs.
 */
class ReportIT {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void aSmokeRunIsDrawnAndTheLabReportLinksIt(@TempDir Path runs) throws Exception {
        Distribution.Outcome run = Distribution.run(runs, LIMIT, "run", "forests-smoothers", "--profile", "smoke");
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of(), run.err().lines().filter(l -> !l.startsWith("progress ")).toList(),
                "drawing writes nothing on stderr, besides the run's progress");
        Path dir = RunRecords.runDirs(runs).getFirst();
        JsonNode record = RunRecords.read(dir);
        assertEquals("SUCCEEDED", record.get("status").asText());
        assertEquals(0, record.get("warnings").size(), record.get("warnings").toString());

        String page = Files.readString(dir.resolve("report.html"));
        assertTrue(page.contains("Random forests as self-regularising adaptive smoothers"));
        List<Path> pngs;
        try (Stream<Path> files = Files.list(dir.resolve("plots"))) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertTrue(pngs.size() >= 10, "one PNG per figure: " + pngs);
        for (Path png : pngs) {
            String name = png.getFileName().toString();
            assertTrue(Files.isRegularFile(png.resolveSibling(name.replace(".png", ".svg"))), "its SVG beside " + name);
            assertTrue(page.contains("src=\"plots/" + name + "\""), "the page shows " + name);
            assertTrue(artifacts(record).contains("plots/" + name), "run.json lists " + name);
        }
        BufferedImage image = ImageIO.read(dir.resolve("plots/forest-vs-tree-by-noise.png").toFile());
        assertNotNull(image, "a PNG that decodes");
        assertTrue(image.getWidth() > 800 && image.getHeight() > 500, image.getWidth() + "×" + image.getHeight());
        assertTrue(Files.isRegularFile(runs.resolve("index.html")), "the run brought the lab report up to date");

        Distribution.Outcome report = Distribution.run(runs, LIMIT, "report");
        assertEquals(0, report.status(), report.err());
        assertEquals(runs.resolve("index.html").toAbsolutePath().toString(), report.out().strip());
        String lab = Files.readString(runs.resolve("index.html"));
        assertTrue(lab.contains("href=\"" + dir.getFileName() + "/report.html\""), "links the run's page");
        assertTrue(lab.contains("reprolab run more-is-better"), "lists the installed experiment that has not run");
    }

    @Test
    void theLabReportOverARunFolderGivenToRunOut(@TempDir Path runs, @TempDir Path elsewhere) throws Exception {
        Distribution.Outcome run = Distribution.run(runs, LIMIT, "run", "forests-smoothers", "--out", elsewhere.toString());
        assertEquals(0, run.status(), run.err());
        Path dir = RunRecords.runDirs(elsewhere).getFirst();
        assertTrue(Files.isRegularFile(dir.resolve("report.html")), "a run outside the store still gets its page");

        Distribution.Outcome report = Distribution.run(runs, LIMIT, "report", "--runs", elsewhere.toString());
        assertEquals(0, report.status(), report.err());
        assertEquals(elsewhere.resolve("index.html").toAbsolutePath().toString(), report.out().strip());
        assertTrue(Files.readString(elsewhere.resolve("index.html")).contains("href=\"" + dir.getFileName() + "/report.html\""));

        Distribution.Outcome missing = Distribution.run(runs, LIMIT, "report", "--runs", elsewhere.resolve("nope").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("reprolab: --runs "), missing.err());
    }

    private static List<String> artifacts(JsonNode record) {
        List<String> out = new java.util.ArrayList<>();
        record.get("artifacts").forEach(a -> out.add(a.asText()));
        return out;
    }
}
