package org.reprolab.console.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reprolab.runtime.RunEngine;
import org.reprolab.runtime.RunHandle;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunStore;

/** The latest progress of the runs the page shows, as the small JSON document its script polls. */
final class RunProgress {

    private record Step(long done, long total, String message) {
    }

    private final RunEngine engine;
    private final RunStore store;
    private final Map<String, Step> latest = new ConcurrentHashMap<>();

    RunProgress(RunEngine engine, RunStore store) {
        this.engine = engine;
        this.store = store;
    }

    /** Starts following a run's progress (once per run, whoever started it). */
    void watch(RunHandle run) {
        if (latest.putIfAbsent(run.runId(), new Step(0, 0, "queued")) == null) {
            run.addProgressListener((done, total, message) -> latest.put(run.runId(), new Step(done, total, message)));
            run.completion().whenComplete((record, error) -> latest.remove(run.runId()));
        }
    }

    boolean isActive(String runId) {
        return engine.active(runId).isPresent();
    }

    /** {@code {"status":…,"final":…,"done":…,"total":…,"message":…}}; status UNKNOWN for no such run. */
    String json(String runId) {
        var active = engine.active(runId);
        if (active.isPresent()) {
            watch(active.get());
            Step step = latest.getOrDefault(runId, new Step(0, 0, ""));
            return document(active.get().status().name(), false, step);
        }
        String status = store.read(runId).map(RunRecord::status).orElse("UNKNOWN");
        return document(status, true, new Step(1, 1, status.toLowerCase(java.util.Locale.ROOT)));
    }

    private static String document(String status, boolean isFinal, Step step) {
        return "{\"status\":" + quote(status) + ",\"final\":" + isFinal + ",\"done\":" + step.done()
                + ",\"total\":" + step.total() + ",\"message\":" + quote(step.message()) + "}";
    }

    /** A JSON string; {@code <} is escaped too so the text can never close a script element. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
