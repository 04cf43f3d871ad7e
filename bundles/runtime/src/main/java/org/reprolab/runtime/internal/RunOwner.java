package org.reprolab.runtime.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * Identifies the process that runs a run as "pid@start-instant", so that a recycled pid is not taken for
 * the original process.
 */
final class RunOwner {

    private RunOwner() {
    }

    static String current() {
        return describe(ProcessHandle.current());
    }

    static boolean isAlive(String owner) {
        if (owner == null || !owner.contains("@")) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(owner.substring(0, owner.indexOf('@')));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        return p.isPresent() && p.get().isAlive() && describe(p.get()).equals(owner);
    }

    private static String describe(ProcessHandle p) {
        return p.pid() + "@" + p.info().startInstant().map(Instant::toString).orElse("?");
    }
}
