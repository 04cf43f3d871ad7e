package org.reprolab.api;

/** Thrown by {@link RunContext#checkCancelled()} once a run has been asked to stop. */
public class RunCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunCancelledException(String reason) {
        super(reason);
    }
}
