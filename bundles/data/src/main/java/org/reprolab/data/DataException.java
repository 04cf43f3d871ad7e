package org.reprolab.data;

/** A dataset that cannot be read: missing, truncated or corrupt. The message says which file and what to do. */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
