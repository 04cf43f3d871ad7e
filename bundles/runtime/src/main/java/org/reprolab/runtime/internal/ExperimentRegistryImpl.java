package org.reprolab.runtime.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.reprolab.api.Experiment;
import org.reprolab.runtime.ExperimentRegistry;
import org.reprolab.runtime.RegisteredExperiment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tracks every Experiment service (whiteboard pattern). */
@Component(service = ExperimentRegistry.class)
public final class ExperimentRegistryImpl implements ExperimentRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRegistryImpl.class);

    private final Map<String, RegisteredExperiment> byId = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExperiment(Experiment experiment, ServiceReference<Experiment> ref) {
        Bundle b = ref.getBundle();
        RegisteredExperiment reg = new RegisteredExperiment(experiment, b.getSymbolicName(), b.getVersion().toString(),
                b.getBundleId());
        RegisteredExperiment previous = byId.put(reg.id(), reg);
        if (previous != null && previous.experiment() != experiment) {
            LOG.warn("experiment '{}' of {} replaces the one of {}", reg.id(), reg.bundleSymbolicName(),
                    previous.bundleSymbolicName());
        }
        LOG.debug("experiment '{}' registered by {} {}", reg.id(), reg.bundleSymbolicName(), reg.bundleVersion());
    }

    void removeExperiment(Experiment experiment) {
        byId.values().removeIf(r -> r.experiment() == experiment);
    }

    @Override
    public List<RegisteredExperiment> experiments() {
        return byId.values().stream().sorted(Comparator.comparing(RegisteredExperiment::id)).toList();
    }

    @Override
    public Optional<RegisteredExperiment> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
