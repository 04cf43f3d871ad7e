package org.reprolab.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads run.json files the way a user's script would: as plain JSON. */
final class RunRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunRecords() {
    }

    static List<Path> runDirs(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    static JsonNode read(Path runDir) throws IOException {
        return JSON.readTree(runDir.resolve("run.json").toFile());
    }

    /** Waits until some run under {@code runs} reaches {@code status}; returns its folder. */
    static Path awaitStatus(Path runs, String status, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (Path dir : runDirs(runs)) {
                Optional<JsonNode> record = tryRead(dir);
                if (record.isPresent() && status.equals(record.get().path("status").asText())) {
                    return dir;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no run reached status " + status + " within " + limit + " in " + runs);
    }

    private static Optional<JsonNode> tryRead(Path dir) {
        try {
            return Files.isRegularFile(dir.resolve("run.json")) ? Optional.of(read(dir)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
