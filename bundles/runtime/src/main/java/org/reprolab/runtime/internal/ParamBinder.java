package org.reprolab.runtime.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.reprolab.api.Experiment;
import org.reprolab.api.ParamException;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.ParamValues;
import org.reprolab.api.Profile;
import org.reprolab.runtime.BadRequestException;

/** Turns raw parameter texts into typed values: the profile's defaults, overridden by what the user gave. */
final class ParamBinder {

    private ParamBinder() {
    }

    static Map<String, Object> bind(Experiment experiment, Profile profile, Map<String, String> raw) {
        List<ParamSpec<?>> specs = experiment.params();
        Map<String, ParamSpec<?>> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String name : new TreeSet<>(raw.keySet())) {
            if (!byName.containsKey(name)) {
                throw new BadRequestException("unknown parameter '" + name + "' for " + experiment.info().id()
                        + "; valid parameters: " + (byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec<?> spec : specs) {
            String text = raw.get(spec.name());
            try {
                values.put(spec.name(), text == null ? spec.defaultFor(profile) : spec.parse(text));
            } catch (ParamException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        try {
            experiment.validate(new ParamValues() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> T param(ParamSpec<T> spec) {
                    return (T) values.get(spec.name());
                }
            });
        } catch (ParamException e) {
            throw new BadRequestException(e.getMessage());
        }
        return values;
    }
}
