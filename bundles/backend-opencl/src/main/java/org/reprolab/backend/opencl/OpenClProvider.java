package org.reprolab.backend.opencl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.backend.opencl.internal.Cl;
import org.reprolab.backend.opencl.internal.ClDevice;
import org.reprolab.backend.opencl.internal.OpenClBackend;
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.BackendProvider;

/**
 * The OpenCL backends of this machine: binds the ICD loader {@code libOpenCL.so.1} and lists its devices when
 * made, and opens one backend per device on demand (kept until {@link #close}). It never throws for a missing
 * loader, driver or device: {@link #available()} is false and {@link #unavailableReason()} says what to
 * install. Usable without OSGi (tests, benchmarks): {@code new OpenClProvider().open(0)}.
 */
public final class OpenClProvider implements BackendProvider, AutoCloseable {
    /** The kind runs select it by ({@code --backend opencl}). */
    public static final String KIND = "opencl";

    private final Cl cl;
    private final List<ClDevice> devices;
    private final String reason;
    private final Map<Integer, OpenClBackend> open = new LinkedHashMap<>();

    public OpenClProvider() {
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
        this.cl = loaded.cl();
        this.devices = found;
        this.reason = why;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean available() {
        return !devices.isEmpty();
    }

    @Override
    public String unavailableReason() {
        return available() ? null : reason;
    }

    /** One line per device: index, name, platform, memory, fp64. */
    public List<String> deviceDescriptions() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            out.add(KIND + ":" + i + " " + devices.get(i).describe());
        }
        return out;
    }

    /**
     * The service properties that describe the first device: {@code reprolab.backend.kind}, availability, and
     * the device's name, vendor, type, global memory and fp64 support (or the reason there is none).
     */
    public Map<String, Object> capabilities() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("reprolab.backend.kind", KIND);
        props.put("reprolab.backend.available", available());
        props.put("reprolab.backend.devices", devices.size());
        if (available()) {
            ClDevice d = devices.getFirst();
            props.put("reprolab.backend.device", d.name());
            props.put("reprolab.backend.vendor", d.vendor());
            props.put("reprolab.backend.platform", d.platformName());
            props.put("reprolab.backend.deviceType", d.typeName());
            props.put("reprolab.backend.globalMemory", d.globalMemory());
            props.put("reprolab.backend.fp64", d.fp64());
            // a GPU outranks a CPU device (PoCL), which outranks nothing
            props.put("service.ranking", d.typeName().equals("gpu") ? 100 : d.typeName().equals("cpu") ? 10 : 50);
        } else {
            props.put("reprolab.backend.unavailableReason", reason);
            props.put("service.ranking", 0);
        }
        return props;
    }

    /**
     * The backend of device {@code deviceIndex}, opened on first use and registered with {@link Backends} so that
     * {@code Tensor.to(new Device("opencl", i))} finds it.
     */
    @Override
    public synchronized Backend open(int deviceIndex) {
        if (!available()) {
            throw new IllegalStateException(reason);
        }
        if (deviceIndex < 0 || deviceIndex >= devices.size()) {
            throw new IllegalArgumentException("no OpenCL device " + deviceIndex + "; there "
                    + (devices.size() == 1 ? "is 1 (index 0)" : "are " + devices.size() + " (0.." + (devices.size() - 1)
                    + ")") + ": " + deviceDescriptions());
        }
        OpenClBackend backend = open.get(deviceIndex);
        if (backend == null) {
            backend = new OpenClBackend(cl, devices.get(deviceIndex), deviceIndex);
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
