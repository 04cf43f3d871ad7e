package org.reprolab.backend.cuda.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver, NVRTC, cuBLAS and the GPUs of this process, probed once on first use (all CUDA providers share it),
 * or the reason CUDA is unavailable. Never throws for a missing driver, library or device.
 */
public final class CudaRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(CudaRuntime.class);
    private static CudaRuntime instance;

    private final Cuda cuda;
    private final Nvrtc nvrtc;
    private final Cublas cublas;
    private final List<CudaDevice> devices;
    private final String reason;

    private CudaRuntime(Cuda cuda, Nvrtc nvrtc, Cublas cublas, List<CudaDevice> devices, String reason) {
        this.cuda = cuda;
        this.nvrtc = nvrtc;
        this.cublas = cublas;
        this.devices = devices;
        this.reason = reason;
    }

    /** The process's CUDA runtime, probed on the first call. */
    public static synchronized CudaRuntime get() {
        if (instance == null) {
            instance = probe();
        }
        return instance;
    }

    private static CudaRuntime probe() {
        Cuda.Loaded loaded = Cuda.load();
        if (loaded.cuda() == null) {
            LOG.debug("CUDA unavailable: {}", loaded.failure());
            return new CudaRuntime(null, null, null, List.of(), loaded.failure());
        }
        Cuda cuda = loaded.cuda();
        try {
            List<CudaDevice> devices = CudaDevice.discover(cuda);
            if (devices.isEmpty()) {
                return new CudaRuntime(null, null, null, List.of(), "CUDA: the driver lists no GPU");
            }
            Nvrtc nvrtc = Nvrtc.load();
            Cublas cublas = Cublas.load();
            LOG.debug("CUDA driver {}, NVRTC {} ({}), cuBLAS {}, GPUs {}", cuda.driverVersion(), nvrtc.version(),
                    nvrtc.library(), cublas.library(), devices.stream().map(CudaDevice::describe).toList());
            return new CudaRuntime(cuda, nvrtc, cublas, devices, null);
        } catch (RuntimeException e) {
            String why = e.getMessage() != null && e.getMessage().startsWith("CUDA") ? e.getMessage()
                    : "CUDA: " + e.getMessage();
            LOG.debug("CUDA unavailable: {}", why);
            return new CudaRuntime(null, null, null, List.of(), why);
        }
    }

    public boolean available() {
        return !devices.isEmpty();
    }

    /** Why CUDA is unavailable, or null. */
    public String reason() {
        return reason;
    }

    public List<CudaDevice> devices() {
        return devices;
    }

    /** The driver's CUDA version and the libraries in use, for listings. */
    public String versions() {
        if (!available()) {
            return "";
        }
        int v = cuda.driverVersion();
        return "driver CUDA " + v / 1000 + "." + v % 1000 / 10 + ", NVRTC " + nvrtc.version() + " (" + nvrtc.library()
                + "), cuBLAS (" + cublas.library() + ")";
    }

    /** Opens a backend on GPU {@code ordinal} multiplying matrices in {@code mode}. */
    public CudaBackend open(CudaDevice device, GemmMode mode) {
        return new CudaBackend(cuda, nvrtc, cublas, device, mode);
    }

    /** The bound driver API (benchmarks time with its events). */
    public Cuda driver() {
        return cuda;
    }
}
