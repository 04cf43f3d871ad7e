package org.reprolab.console.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.reprolab.runtime.RunStore;

/**
 * The files the report bundle writes into the run store, served under the plugin's {@code /files/} path: the lab
 * report {@code /files/index.html} and each run's {@code /files/<run-id>/report.html}, plots (PNG, SVG) and
 * records. Only files inside a stored run's folder (or the lab report itself), only these kinds, no links out.
 */
final class RunFiles {

    static final String PREFIX = "/files/";
    static final String LAB_REPORT = "index.html";
    /** What the served pages may load: their own images and inline styles, nothing else (no scripts). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml",
            "csv", "text/csv;charset=utf-8",
            "json", "application/json;charset=utf-8",
            "log", "text/plain;charset=utf-8");

    /** A file to send and its content type. */
    record Served(Path file, String contentType) {
    }

    private RunFiles() {
    }

    /** The link to a run's report page, relative to the plugin's root. */
    static String reportHref(String root, String runId) {
        return root + PREFIX + runId + "/report.html";
    }

    /**
     * The file {@code pathInfo} ({@code /files/…}) names, when it is one the console may serve: the lab report, or a
     * file of a known kind inside the folder of a run the store knows, reached without {@code ..} or links.
     */
    static Optional<Served> resolve(RunStore store, String pathInfo) throws IOException {
        if (pathInfo == null || !pathInfo.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = pathInfo.substring(PREFIX.length());
        Path root = store.root().toAbsolutePath().normalize();
        Path file;
        if (rest.equals(LAB_REPORT)) {
            file = root.resolve(LAB_REPORT);
        } else {
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                return Optional.empty();
            }
            Path runDir = root.resolve(rest.substring(0, slash)).normalize();
            if (!Files.isRegularFile(runDir.resolve("run.json"))) {
                return Optional.empty(); // not a run's folder
            }
            file = runDir.resolve(rest.substring(slash + 1)).normalize();
            if (!runDir.getParent().equals(root) || !file.startsWith(runDir)) {
                return Optional.empty();
            }
        }
        String name = file.getFileName().toString();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (type == null || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || !file.toRealPath().startsWith(root.toRealPath())) {
            return Optional.empty();
        }
        return Optional.of(new Served(file, type));
    }
}
