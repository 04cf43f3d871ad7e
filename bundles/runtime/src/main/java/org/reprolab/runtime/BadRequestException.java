package org.reprolab.runtime;

/**
 * A request the user has to fix (unknown experiment, unknown or invalid parameter). Its message is one line
 * naming the problem and the valid choices; nothing has been written when it is thrown.
 */
public class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
