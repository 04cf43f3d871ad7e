package org.reprolab.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunStore;

class RunFilesTest {

    @TempDir
    Path root;
    private RunStore store;

    @BeforeEach
    void aStoreWithOneRun() throws IOException {
        Files.createDirectories(root.resolve("r1/plots"));
        Files.writeString(root.resolve("r1/run.json"), "{}");
        Files.writeString(root.resolve("r1/report.html"), "<p>report</p>");
        Files.writeString(root.resolve("r1/plots/mse.svg"), "<svg/>");
        Files.writeString(root.resolve("r1/secret.bin"), "x");
        Files.createDirectories(root.resolve("unknown"));
        Files.writeString(root.resolve("unknown/report.html"), "not a run");
        Files.writeString(root.resolve("index.html"), "<p>lab</p>");
        Files.writeString(root.getParent().resolve("outside.html"), "outside");
        Files.createSymbolicLink(root.resolve("r1/link.html"), root.getParent().resolve("outside.html"));
        RunRecord r1 = new RunRecord("r1", "e", "E", "b", "1", Map.of(), 1, "smoke", "jvm", Map.of(), "o", "SUCCEEDED",
                "q", "s", "e", 1, Map.of(), List.of(), List.of(), List.of(), List.of("report.html"), null);
        store = new RunStore() {
            @Override
            public Path root() {
                return root;
            }

            @Override
            public List<RunRecord> list() {
                return List.of(r1);
            }

            @Override
            public Optional<RunRecord> read(String runId) {
                return runId.equals("r1") ? Optional.of(r1) : Optional.empty();
            }

            @Override
            public RunStore at(Path other) {
                throw new UnsupportedOperationException("one store in this test");
            }
        };
    }

    @Test
    void servesTheLabReportAndARunsPagesAndPlotsWithTheirTypes() throws IOException {
        assertEquals(new RunFiles.Served(root.resolve("index.html"), "text/html;charset=utf-8"),
                RunFiles.resolve(store, "/files/index.html").orElseThrow());
        assertEquals(root.resolve("r1/report.html"), RunFiles.resolve(store, "/files/r1/report.html").orElseThrow().file());
        assertEquals("image/svg+xml", RunFiles.resolve(store, "/files/r1/plots/mse.svg").orElseThrow().contentType());
    }

    @Test
    void refusesEverythingElse() throws IOException {
        for (String path : List.of("/files/unknown/report.html", "/files/r1/secret.bin", "/files/r1/../index.html",
                "/files/r1/../../outside.html", "/files/r1/link.html", "/files/r1/missing.png", "/files/r1/",
                "/files/r1", "/files/", "/files//etc/passwd", "/other")) {
            assertTrue(RunFiles.resolve(store, path).isEmpty(), path);
        }
    }
}
