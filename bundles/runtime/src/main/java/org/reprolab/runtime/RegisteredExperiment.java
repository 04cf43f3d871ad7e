package org.reprolab.runtime;

import org.reprolab.api.Experiment;

/** An Experiment service together with the bundle that registered it. */
public record RegisteredExperiment(Experiment experiment, String bundleSymbolicName, String bundleVersion, long bundleId) {

    public String id() {
        return experiment.info().id();
    }
}
