package org.reprolab.runtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.api.Profile;

/**
 * What a user asks for: an experiment, raw parameter texts (validated by the engine), profile, seed, backend
 * and optionally another folder for the run store.
 *
 * @param runsRoot  folder that receives the run's folder; null for the store's default
 * @param timeLimit how long the run may take before it is stopped as timed out; null for the engine's default
 */
public record RunRequest(String experimentId, Map<String, String> params, Profile profile, long seed, String backend,
                         String runsRoot, Duration timeLimit) {

    public static final long DEFAULT_SEED = 1;
    public static final String DEFAULT_BACKEND = "jvm";

    public RunRequest {
        params = Map.copyOf(params);
        profile = profile == null ? Profile.SMOKE : profile;
        backend = backend == null ? DEFAULT_BACKEND : backend;
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new BadRequestException("the time limit must be positive, got " + timeLimit.toSeconds() + " s");
        }
    }

    /** A request with the engine's default time limit. */
    public RunRequest(String experimentId, Map<String, String> params, Profile profile, long seed, String backend,
                      String runsRoot) {
        this(experimentId, params, profile, seed, backend, runsRoot, null);
    }

    /**
     * Parses a seed as given to {@code --seed}.
     *
     * @throws BadRequestException when it is not a whole number
     */
    public static long parseSeed(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("invalid seed '" + text + "'; expected a whole number, e.g. --seed 7");
        }
    }

    /**
     * Parses {@code name=value} assignments, as given to {@code -p}.
     *
     * @throws BadRequestException for a malformed or repeated assignment
     */
    public static Map<String, String> parseAssignments(List<String> assignments) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0 || a.substring(0, eq).isBlank()) {
                throw new BadRequestException("malformed parameter '" + a + "'; expected name=value, e.g. -p trials=3");
            }
            String name = a.substring(0, eq).strip();
            if (params.put(name, a.substring(eq + 1)) != null) {
                throw new BadRequestException("parameter '" + name + "' is given twice");
            }
        }
        return params;
    }
}
