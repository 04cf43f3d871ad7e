package org.reprolab.runtime.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.reprolab.runtime.BackendCatalog;
import org.reprolab.runtime.BackendInfo;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.runtime.RunRequest;
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.BackendProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the {@link BackendProvider} services of accelerator bundles (whiteboard) next to the built-in JVM
 * backend. A backend is opened on its first run and shared by later runs; when its provider goes away, runs
 * already holding it keep it, and it is closed when the last of them ends.
 */
@Component(service = {BackendCatalog.class, BackendLeasing.class})
public final class BackendCatalogImpl implements BackendCatalog, BackendLeasing {

    private static final Logger LOG = LoggerFactory.getLogger(BackendCatalogImpl.class);

    private final Map<BackendProvider, Registered> providers = new LinkedHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addProvider(BackendProvider provider, Map<String, Object> properties) {
        if (RunRequest.DEFAULT_BACKEND.equals(provider.kind())) {
            LOG.warn("ignoring a backend provider of kind '{}': that backend is built in", provider.kind());
            return;
        }
        providers.put(provider, new Registered(provider, properties));
    }

    synchronized void removeProvider(BackendProvider provider) {
        Registered gone = providers.remove(provider);
        if (gone != null) {
            gone.retire();
        }
    }

    @Override
    public synchronized List<BackendInfo> backends() {
        List<BackendInfo> out = new ArrayList<>();
        Backend jvm = Backends.jvm();
        out.add(new BackendInfo(RunRequest.DEFAULT_BACKEND, true, jvm.description(), "", Map.of()));
        Map<String, Registered> byKind = new TreeMap<>();
        for (Registered r : providers.values()) {
            byKind.merge(r.kind(), r, (a, b) -> a.ranking() >= b.ranking() ? a : b);
        }
        for (Registered r : byKind.values()) {
            out.add(r.info());
        }
        return out;
    }

    @Override
    public Lease lease(String choice) {
        int colon = choice.indexOf(':');
        String kind = colon < 0 ? choice : choice.substring(0, colon);
        int device = colon < 0 ? 0 : deviceIndex(choice, choice.substring(colon + 1));
        return RunRequest.DEFAULT_BACKEND.equals(kind) ? jvm(device) : accelerator(kind, device);
    }

    /** The built-in backend: no lock, so a JVM run never waits behind an accelerator's probe. */
    private static Lease jvm(int device) {
        if (device != 0) {
            throw new BadRequestException("backend 'jvm' has one device (0), not " + device);
        }
        Backend jvm = Backends.jvm();
        return new Lease() {
            @Override
            public Backend backend() {
                return jvm;
            }

            @Override
            public void close() {
                // the shared JVM backend lives as long as the tensor bundle
            }
        };
    }

    private synchronized Lease accelerator(String kind, int device) {
        Registered r = providers.values().stream().filter(p -> p.kind().equals(kind))
                .max(Comparator.comparingInt(Registered::ranking)).orElse(null);
        if (r == null) {
            throw new BadRequestException("unknown backend '" + kind + "'; available: "
                    + String.join(", ", backends().stream().filter(BackendInfo::available).map(BackendInfo::kind).toList())
                    + (kind.equals("opencl") || kind.equals("cuda") ? " (install the '" + kind + "' feature: reprolab feature install " + kind + ")" : ""));
        }
        if (!r.provider.available()) {
            throw new BadRequestException("backend '" + kind + "' is not available here: " + r.provider.unavailableReason());
        }
        return r.lease(device);
    }

    private static int deviceIndex(String choice, String text) {
        try {
            int i = Integer.parseInt(text);
            if (i >= 0) {
                return i;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new BadRequestException("backend '" + choice + "': the device index after ':' must be a number ≥ 0");
    }

    /** One provider service and the backends opened from it, shared by the runs that hold them. */
    private static final class Registered {
        private final BackendProvider provider;
        private final Map<String, Object> properties;
        private final Map<Integer, Backend> open = new HashMap<>();
        private final Map<Integer, Integer> holders = new HashMap<>();
        private boolean retired;

        Registered(BackendProvider provider, Map<String, Object> properties) {
            this.provider = provider;
            this.properties = Map.copyOf(properties);
        }

        String kind() {
            return provider.kind();
        }

        int ranking() {
            return properties.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
        }

        BackendInfo info() {
            boolean available = provider.available();
            Map<String, String> caps = new TreeMap<>(available ? provider.capabilities() : Map.of());
            String device = caps.getOrDefault("device", "");
            return new BackendInfo(kind(), available, available ? device : "", available ? "" : provider.unavailableReason(), caps);
        }

        Lease lease(int device) {
            synchronized (this) {
                Backend b = open.get(device);
                if (b == null) {
                    try {
                        b = provider.open(device);
                    } catch (IllegalArgumentException e) {
                        throw new BadRequestException("backend '" + kind() + ":" + device + "': " + e.getMessage());
                    }
                    LOG.debug("opened backend {} device {}: {}", kind(), device, b.description());
                    open.put(device, b);
                }
                holders.merge(device, 1, Integer::sum);
                Backend held = b;
                return new Lease() {
                    private boolean closed;

                    @Override
                    public Backend backend() {
                        return held;
                    }

                    @Override
                    public void close() {
                        synchronized (Registered.this) {
                            if (!closed) {
                                closed = true;
                                release(device);
                            }
                        }
                    }
                };
            }
        }

        private void release(int device) {
            int left = holders.merge(device, -1, Integer::sum);
            if (left == 0 && retired) {
                closeDevice(device);
            }
        }

        synchronized void retire() {
            retired = true;
            for (Integer device : List.copyOf(open.keySet())) {
                if (holders.getOrDefault(device, 0) == 0) {
                    closeDevice(device);
                } else {
                    LOG.debug("backend {} device {} is going away; {} run(s) keep it until they end", kind(), device,
                            holders.get(device));
                }
            }
        }

        private void closeDevice(int device) {
            Backend b = open.remove(device);
            holders.remove(device);
            if (b != null) {
                try {
                    b.close();
                } catch (RuntimeException e) {
                    LOG.warn("closing backend {} device {} failed: {}", kind(), device, e.toString());
                }
            }
        }
    }
}
