package org.reprolab.backend.opencl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.reprolab.backend.opencl.internal.Cl;
import org.reprolab.backend.opencl.internal.ClDevice;
import org.reprolab.backend.opencl.internal.OpenClBackend;
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.BackendProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenCL backends of this machine, registered as the {@code opencl} {@link BackendProvider} service: binds
 * the ICD loader {@code libOpenCL.so.1} and lists its devices on first use (so a command that never computes
 * pays nothing), and opens one backend per device on demand. It never throws for a missing loader, driver or
 * device: {@link #available()} is false and {@link #unavailableReason()} says what to install. Usable without
 * OSGi (tests, benchmarks): {@code new OpenClProvider().open(0)}, then {@link #close}.
 *
 * <p>Withdrawing the service closes nothing: a backend belongs to whoever opened it (the runtime's backend
 * catalog closes it when the last run holding it ends), so runs in flight keep computing.
 */
@Component(service = BackendProvider.class, property = "reprolab.backend.kind=" + OpenClProvider.KIND)
public final class OpenClProvider implements BackendProvider, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenClProvider.class);
    /** The kind runs select it by ({@code --backend opencl}). */
    public static final String KIND = "opencl";

    private final Map<Integer, OpenClBackend> open = new LinkedHashMap<>();
    private volatile Probe probe;

    /** What probing the ICD loader found: the binding and the devices, or why there are none. */
    private record Probe(Cl cl, List<ClDevice> devices, String reason) {
    }

    /** Binds nothing yet: the loader and the devices are probed on first use, once. */
    public OpenClProvider() {
    }

    private Probe probe() {
        Probe p = probe;
        if (p == null) {
            synchronized (this) {
                p = probe;
                if (p == null) {
                    p = discover();
                    probe = p;
                }
            }
        }
        return p;
    }

    private static Probe discover() {
        Cl.Loaded loaded = Cl.load();
        List<ClDevice> found = List.of();
        String why = loaded.failure();
        if (loaded.cl() != null) {
            try {
                found = ClDevice.discover(loaded.cl());
                if (found.isEmpty()) {
                    why = "no OpenCL device: the ICD loader found no platform with a device (install a driver, "
                            + "e.g. pocl-opencl-icd, or check OCL_ICD_VENDORS and /etc/OpenCL/vendors)";
                }
            } catch (RuntimeException e) {
                why = "OpenCL: listing devices failed: " + e.getMessage();
            }
        }
        Probe probe = new Probe(loaded.cl(), found, why);
        if (found.isEmpty()) {
            LOG.debug("OpenCL backend unavailable: {}", why);
        } else {
            LOG.debug("OpenCL devices: {}", found.stream().map(ClDevice::describe).toList());
        }
        return probe;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean available() {
        return !probe().devices().isEmpty();
    }

    @Override
    public String unavailableReason() {
        return available() ? null : probe().reason();
    }

    /** One line per device: index, name, platform, memory, fp64. */
    public List<String> deviceDescriptions() {
        List<ClDevice> devices = probe().devices();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            out.add(KIND + ":" + i + " " + devices.get(i).describe());
        }
        return out;
    }

    /**
     * The first device's name, vendor, platform, type, global memory and fp64 support, and how many devices
     * there are; empty when OpenCL is unavailable.
     */
    @Override
    public Map<String, String> capabilities() {
        Map<String, String> caps = new LinkedHashMap<>();
        List<ClDevice> devices = probe().devices();
        if (!devices.isEmpty()) {
            ClDevice d = devices.getFirst();
            caps.put("device", d.name());
            caps.put("vendor", d.vendor());
            caps.put("platform", d.platformName());
            caps.put("deviceType", d.typeName());
            caps.put("globalMemory", String.valueOf(d.globalMemory()));
            caps.put("fp64", String.valueOf(d.fp64()));
            caps.put("devices", String.valueOf(devices.size()));
        }
        return caps;
    }

    /**
     * The backend of device {@code deviceIndex}, opened on first use and registered with {@link Backends} so that
     * {@code Tensor.to(new Device("opencl", i))} finds it.
     */
    @Override
    public synchronized Backend open(int deviceIndex) {
        if (!available()) {
            throw new IllegalStateException(probe().reason());
        }
        List<ClDevice> devices = probe().devices();
        if (deviceIndex < 0 || deviceIndex >= devices.size()) {
            throw new IllegalArgumentException("no OpenCL device " + deviceIndex + "; there "
                    + (devices.size() == 1 ? "is 1 (index 0)" : "are " + devices.size() + " (0.." + (devices.size() - 1)
                    + ")") + ": " + deviceDescriptions());
        }
        OpenClBackend backend = open.get(deviceIndex);
        if (backend == null) {
            backend = new OpenClBackend(probe().cl(), devices.get(deviceIndex), deviceIndex);
            open.put(deviceIndex, backend);
            Backends.register(backend);
        }
        return backend;
    }

    /** Unregisters and closes every backend this provider opened (their storages become unusable). */
    @Override
    public synchronized void close() {
        for (OpenClBackend backend : open.values()) {
            backend.close();
        }
        open.clear();
    }
}
