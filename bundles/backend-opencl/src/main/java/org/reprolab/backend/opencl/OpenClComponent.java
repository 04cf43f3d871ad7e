package org.reprolab.backend.opencl;

import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.reprolab.tensor.backend.BackendProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the {@link OpenClProvider} as a {@link BackendProvider} service with its capabilities as service
 * properties ({@code reprolab.backend.kind=opencl}, device, vendor, memory, fp64, ranking). The properties are
 * only known once the devices are listed, so the component registers the service itself rather than through
 * a static {@code @Component(service=…)}. Without OpenCL the service is still there, saying why it is not
 * available.
 *
 * <p>Deactivation only withdraws the service: new runs can no longer choose OpenCL, while the runs that hold
 * one of its backends keep computing on it. Whoever opened a backend closes it (the runtime's backend catalog
 * does so when the last run holding it ends), which releases its context, queue and buffers.
 */
@Component(immediate = true)
public final class OpenClComponent {
    private static final Logger LOG = LoggerFactory.getLogger(OpenClComponent.class);

    private OpenClProvider provider;
    private ServiceRegistration<BackendProvider> registration;

    @Activate
    void activate(BundleContext context) {
        provider = new OpenClProvider();
        if (provider.available()) {
            LOG.info("OpenCL backend available: {}", provider.deviceDescriptions());
        } else {
            LOG.info("OpenCL backend unavailable: {}", provider.unavailableReason());
        }
        registration = context.registerService(BackendProvider.class, provider,
                new Hashtable<>(provider.capabilities()));
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        provider = null;
    }
}
