package org.reprolab.tensor.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.reprolab.tensor.Backends;

/**
 * Stops the shared JVM backend's worker threads when the tensor bundle stops, so an update or uninstall
 * leaves no threads (and no class loader) behind.
 */
@Component(immediate = true)
public final class TensorLifecycle {
    @Deactivate
    void deactivate() {
        Backends.shutdown();
    }
}
