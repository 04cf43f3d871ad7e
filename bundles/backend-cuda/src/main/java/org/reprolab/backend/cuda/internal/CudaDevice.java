package org.reprolab.backend.cuda.internal;

import java.util.Locale;

/** What the driver says about one GPU. */
public record CudaDevice(int ordinal, int handle, String name, long memory, int major, int minor, int multiprocessors,
                         int maxThreadsPerBlock) {

    /** Every GPU the driver lists, in ordinal order. */
    static java.util.List<CudaDevice> discover(Cuda cuda) {
        java.util.List<CudaDevice> out = new java.util.ArrayList<>();
        int n = cuda.deviceCount();
        for (int i = 0; i < n; i++) {
            int d = cuda.device(i);
            out.add(new CudaDevice(i, d, cuda.deviceName(d), cuda.totalMemory(d),
                    cuda.attribute(d, Cuda.ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR),
                    cuda.attribute(d, Cuda.ATTRIBUTE_COMPUTE_CAPABILITY_MINOR),
                    cuda.attribute(d, Cuda.ATTRIBUTE_MULTIPROCESSOR_COUNT),
                    cuda.attribute(d, Cuda.ATTRIBUTE_MAX_THREADS_PER_BLOCK)));
        }
        return out;
    }

    /** The compute capability as NVRTC's architecture number, e.g. 90 for sm_90. */
    public int architecture() {
        return major * 10 + minor;
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s (sm_%d, %d SMs, %.1f GiB)", name, architecture(), multiprocessors,
                memory / (double) (1L << 30));
    }
}
