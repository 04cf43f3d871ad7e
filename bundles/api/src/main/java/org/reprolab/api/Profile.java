package org.reprolab.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much of an experiment to run: {@code SMOKE} is the seconds-long version the test suite runs,
 * {@code FULL} is the one that reproduces the paper's claims.
 */
public enum Profile {
    SMOKE, FULL;

    /** The name used on the command line and in run records. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a profile name; the message of the exception lists the valid ones. */
    public static Profile parse(String text) {
        for (Profile p : values()) {
            if (p.id().equals(text)) {
                return p;
            }
        }
        throw new ParamException("unknown profile '" + text + "'; valid profiles: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", "));
    }
}
