package org.reprolab.launch.host;

/** The platform could not start or stop; the message says why. */
final class HostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HostException(String message, Throwable cause) {
        super(message, cause);
    }

    HostException(String message) {
        super(message);
    }
}
