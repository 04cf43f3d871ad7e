package org.reprolab.runtime.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunStatus;
import org.reprolab.runtime.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run records under {@code reprolab.runs} (a framework property; default {@code runs} in the working folder).
 * At start-up, runs left QUEUED or RUNNING by a process that no longer lives are marked INTERRUPTED.
 */
@Component(service = RunStore.class)
public final class RunStoreImpl implements RunStore {

    static final String RUN_JSON = "run.json";
    private static final Logger LOG = LoggerFactory.getLogger(RunStoreImpl.class);

    private final Path root;

    @Activate
    public RunStoreImpl(BundleContext context) {
        this(Path.of(Optional.ofNullable(context.getProperty("reprolab.runs")).orElse("runs")).toAbsolutePath());
        int marked = markInterrupted();
        if (marked > 0) {
            LOG.info("marked {} unfinished run(s) as interrupted", marked);
        }
    }

    RunStoreImpl(Path root) {
        this.root = root;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public RunStore at(Path other) {
        return new RunStoreImpl(other.toAbsolutePath().normalize());
    }

    @Override
    public List<RunRecord> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<RunRecord> records = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                readRecord(dir).ifPresent(records::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list runs in " + root, e);
        }
        records.sort(Comparator.comparing(RunRecord::queuedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(RunRecord::runId).reversed());
        return records;
    }

    @Override
    public Optional<RunRecord> read(String runId) {
        if (runId.contains("/") || runId.contains("\\") || runId.startsWith(".")) {
            return Optional.empty();
        }
        return readRecord(root.resolve(runId));
    }

    /** Marks every unfinished run whose owning process is gone as INTERRUPTED; returns how many. */
    int markInterrupted() {
        int marked = 0;
        for (RunRecord r : list()) {
            if (!r.runStatus().isFinal() && !RunOwner.isAlive(r.owner())) {
                RunRecord interrupted = RunRecords.withEnd(r, RunStatus.INTERRUPTED, Instant.now(), r.wallSeconds(),
                        "the process running it (" + r.owner() + ") ended before the run finished");
                try {
                    Json.write(root.resolve(r.runId()).resolve(RUN_JSON), interrupted);
                    marked++;
                } catch (IOException e) {
                    LOG.warn("cannot mark run {} as interrupted: {}", r.runId(), e.toString());
                }
            }
        }
        return marked;
    }

    private static Optional<RunRecord> readRecord(Path dir) {
        Path file = dir.resolve(RUN_JSON);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(file));
        } catch (IOException e) {
            LOG.warn("skipping unreadable run record {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }
}
