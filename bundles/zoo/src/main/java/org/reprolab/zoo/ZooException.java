package org.reprolab.zoo;

/** A zoo request that cannot be served: an unknown model, a failed build or a missed sanity check. */
public class ZooException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ZooException(String message) {
        super(message);
    }

    public ZooException(String message, Throwable cause) {
        super(message, cause);
    }
}
