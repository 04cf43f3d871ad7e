package org.reprolab.backend.cuda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.backend.cuda.internal.CudaBackend;
import org.reprolab.backend.cuda.internal.CudaDevice;
import org.reprolab.backend.cuda.internal.CudaRuntime;
import org.reprolab.backend.cuda.internal.GemmMode;
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.BackendProvider;

/**
 * The CUDA backends of this machine in one {@link GemmMode}: binds the driver ({@code libcuda.so.1}), NVRTC and
 * cuBLAS on first use (so a command that never computes pays nothing), and opens one backend per GPU on demand.
 * It never throws for a missing driver, library or GPU: {@link #available()} is false and {@link
 * #unavailableReason()} says why. The three services (kinds {@code cuda}, {@code cuda-tf32}, {@code cuda-bf16})
 * are the subclasses; usable without OSGi: {@code new CudaProvider.Fp32().open(0)}, then {@link #close}.
 *
 * <p>Withdrawing the service closes nothing: a backend belongs to whoever opened it.
 */
public abstract class CudaProvider implements BackendProvider, AutoCloseable {
    private final GemmMode mode;
    private final Map<Integer, CudaBackend> open = new LinkedHashMap<>();

    protected CudaProvider(GemmMode mode) {
        this.mode = mode;
    }

    /** Exact FP32 products (kind {@code cuda}). */
    @org.osgi.service.component.annotations.Component(service = BackendProvider.class, property = "reprolab.backend.kind=cuda")
    public static final class Fp32 extends CudaProvider {
        public Fp32() {
            super(GemmMode.FP32);
        }
    }

    /** TF32 tensor-core products (kind {@code cuda-tf32}). */
    @org.osgi.service.component.annotations.Component(service = BackendProvider.class, property = "reprolab.backend.kind=cuda-tf32")
    public static final class Tf32 extends CudaProvider {
        public Tf32() {
            super(GemmMode.TF32);
        }
    }

    /** BF16 tensor-core products (kind {@code cuda-bf16}). */
    @org.osgi.service.component.annotations.Component(service = BackendProvider.class, property = "reprolab.backend.kind=cuda-bf16")
    public static final class Bf16 extends CudaProvider {
        public Bf16() {
            super(GemmMode.BF16);
        }
    }

    @Override
    public String kind() {
        return mode.kind();
    }

    @Override
    public boolean available() {
        return CudaRuntime.get().available();
    }

    @Override
    public String unavailableReason() {
        return available() ? null : CudaRuntime.get().reason();
    }

    /** One line per GPU: kind:index, name, architecture, memory. */
    public List<String> deviceDescriptions() {
        List<CudaDevice> devices = CudaRuntime.get().devices();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            out.add(kind() + ":" + i + " " + devices.get(i).describe());
        }
        return out;
    }

    /** The first GPU's name, architecture, memory and SM count, the GEMM mode, the libraries; empty when unavailable. */
    @Override
    public Map<String, String> capabilities() {
        Map<String, String> caps = new LinkedHashMap<>();
        List<CudaDevice> devices = CudaRuntime.get().devices();
        if (!devices.isEmpty()) {
            CudaDevice d = devices.getFirst();
            caps.put("device", d.name());
            caps.put("vendor", "NVIDIA");
            caps.put("architecture", "sm_" + d.architecture());
            caps.put("multiprocessors", String.valueOf(d.multiprocessors()));
            caps.put("globalMemory", String.valueOf(d.memory()));
            caps.put("fp64", "true");
            caps.put("gemm", mode.label());
            caps.put("runtime", CudaRuntime.get().versions());
            caps.put("devices", String.valueOf(devices.size()));
        }
        return caps;
    }

    /** The backend of GPU {@code deviceIndex}, opened on first use and registered with {@link Backends}. */
    @Override
    public synchronized Backend open(int deviceIndex) {
        CudaRuntime runtime = CudaRuntime.get();
        if (!runtime.available()) {
            throw new IllegalStateException(runtime.reason());
        }
        List<CudaDevice> devices = runtime.devices();
        if (deviceIndex < 0 || deviceIndex >= devices.size()) {
            throw new IllegalArgumentException("no CUDA device " + deviceIndex + "; there "
                    + (devices.size() == 1 ? "is 1 (index 0)" : "are " + devices.size() + " (0.." + (devices.size() - 1)
                    + ")") + ": " + deviceDescriptions());
        }
        CudaBackend backend = open.get(deviceIndex);
        if (backend == null) {
            backend = runtime.open(devices.get(deviceIndex), mode);
            open.put(deviceIndex, backend);
            Backends.register(backend);
        }
        return backend;
    }

    /** Unregisters and closes every backend this provider opened. */
    @Override
    public synchronized void close() {
        for (CudaBackend backend : open.values()) {
            backend.close();
        }
        open.clear();
    }
}
