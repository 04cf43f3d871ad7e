package org.reprolab.api;

/** A parameter value that does not fit its specification. The message is meant for the user as it is. */
public class ParamException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ParamException(String message) {
        super(message);
    }
}
