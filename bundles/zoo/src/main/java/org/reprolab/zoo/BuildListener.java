package org.reprolab.zoo;

import java.util.function.BooleanSupplier;

/**
 * Watches a zoo build: receives its progress and is asked, at least once a second, whether to stop. A
 * cancelled build throws {@link org.reprolab.api.RunCancelledException} and caches nothing. From inside an
 * experiment: {@code BuildListener.of(ctx::progress, ctx::isCancelled)}.
 */
public interface BuildListener {

    /** A listener that ignores progress and never cancels. */
    BuildListener NONE = (done, total, message) -> {
    };

    /** Progress of a build (or of the wait for another process's build): done of total steps, and a message. */
    void progress(long done, long total, String message);

    /** True once the build should stop. */
    default boolean isCancelled() {
        return false;
    }

    /** Progress callbacks. */
    @FunctionalInterface
    interface Progress {
        void progress(long done, long total, String message);
    }

    /** A listener from a progress callback and a cancellation check. */
    static BuildListener of(Progress progress, BooleanSupplier cancelled) {
        return new BuildListener() {
            @Override
            public void progress(long done, long total, String message) {
                progress.progress(done, total, message);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }
}
