package org.reprolab.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of an experiment. The id is the method's id in the methods specification
 * (lower case, digits and dashes); the feature names the family it is installed with.
 */
public record ExperimentInfo(String id, String title, Paper paper, String feature, List<String> tags, String summary) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ExperimentInfo {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("experiment id '" + id + "' must be lower-case words joined by dashes");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(feature, "feature");
        tags = tags == null ? List.of() : List.copyOf(tags);
        summary = summary == null ? "" : summary;
    }
}
