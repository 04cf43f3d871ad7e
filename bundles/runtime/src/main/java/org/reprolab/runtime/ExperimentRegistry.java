package org.reprolab.runtime;

import java.util.List;
import java.util.Optional;

/** Every Experiment service currently registered, found by the whiteboard pattern. */
public interface ExperimentRegistry {

    /** All experiments, sorted by id. */
    List<RegisteredExperiment> experiments();

    Optional<RegisteredExperiment> find(String id);

    /** @throws BadRequestException naming the unknown id and the ids that exist */
    default RegisteredExperiment require(String id) {
        return find(id).orElseThrow(() -> new BadRequestException("unknown experiment '" + id + "'; available: "
                + (experiments().isEmpty() ? "(none installed)"
                        : String.join(", ", experiments().stream().map(RegisteredExperiment::id).toList()))));
    }
}
