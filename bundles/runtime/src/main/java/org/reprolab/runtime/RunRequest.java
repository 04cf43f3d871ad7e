package org.reprolab.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.api.Profile;

/**
 * What a user asks for: an experiment, raw parameter texts (validated by the engine), profile, seed, backend
 * and optionally another folder for the run store.
 *
 * @param runsRoot folder that receives the run's folder; null for the store's default
 */
public record RunRequest(String experimentId, Map<String, String> params, Profile profile, long seed, String backend,
                         String runsRoot) {

    public static final long DEFAULT_SEED = 1;
    public static final String DEFAULT_BACKEND = "jvm";

    public RunRequest {
        params = Map.copyOf(params);
        profile = profile == null ? Profile.SMOKE : profile;
        backend = backend == null ? DEFAULT_BACKEND : backend;
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
