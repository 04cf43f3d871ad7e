package org.reprolab.console.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reprolab.api.Profile;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.runtime.RunRequest;

/**
 * Reads the page's start form into a run request. Parameter fields are named {@code p.<name>}; an empty one
 * means the profile's default, so only what the user typed is passed on (and validated by the engine).
 */
final class RunForm {

    static final String PARAM_PREFIX = "p.";

    private RunForm() {
    }

    static RunRequest request(Map<String, String[]> form) {
        String experiment = value(form, "experiment");
        if (experiment.isEmpty()) {
            throw new BadRequestException("the form named no experiment");
        }
        Map<String, String> params = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(PARAM_PREFIX) && values.length > 0 && !values[0].isBlank()) {
                params.put(name.substring(PARAM_PREFIX.length()), values[0].strip());
            }
        });
        String profile = value(form, "profile");
        String seed = value(form, "seed");
        String backend = value(form, "backend");
        return new RunRequest(experiment, params, profile.isEmpty() ? Profile.SMOKE : Profile.parse(profile),
                seed.isEmpty() ? RunRequest.DEFAULT_SEED : parseSeed(seed), backend.isEmpty() ? null : backend, null);
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadRequestException("the seed must be an integer, got '" + text + "'");
        }
    }

    private static String value(Map<String, String[]> form, String name) {
        String[] values = form.get(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0].strip();
    }
}
