package org.reprolab.runtime;

/** A feature could not be installed or uninstalled; the framework's bundle set is as it was before. */
public class FeatureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FeatureException(String message, Throwable cause) {
        super(message, cause);
    }

    public FeatureException(String message) {
        super(message);
    }
}
