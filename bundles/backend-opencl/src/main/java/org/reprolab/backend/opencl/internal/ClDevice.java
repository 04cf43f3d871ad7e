package org.reprolab.backend.opencl.internal;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * One OpenCL device as the ICD loader reports it. Devices are numbered GPUs first, then accelerators, then CPUs
 * (such as PoCL's), in the loader's order within each kind; that number is the index {@code --backend opencl:N}
 * selects, so {@code opencl:0} is the fastest kind of device there is.
 *
 * @param fp64 whether the device has {@code cl_khr_fp64} (FLOAT64 tensors and double-precision accumulation)
 */
public record ClDevice(MemorySegment platform, MemorySegment handle, String platformName, String name,
                       String vendor, String version, String driver, long type, long globalMemory,
                       long maxAllocation, long maxWorkGroupSize, long localMemory, long computeUnits,
                       boolean fp64) {
    private static final long TYPE_CPU = 2;
    private static final long TYPE_GPU = 4;

    /** Every device of every platform; an empty list when there are none. */
    public static List<ClDevice> discover(Cl cl) {
        List<ClDevice> out = new ArrayList<>();
        for (MemorySegment platform : cl.platforms()) {
            String platformName = cl.platformInfo(platform, Cl.PLATFORM_NAME);
            for (MemorySegment d : cl.devices(platform)) {
                String extensions = cl.deviceString(d, Cl.DEVICE_EXTENSIONS);
                out.add(new ClDevice(platform, d, platformName, cl.deviceString(d, Cl.DEVICE_NAME),
                        cl.deviceString(d, Cl.DEVICE_VENDOR), cl.deviceString(d, Cl.DEVICE_VERSION),
                        cl.deviceString(d, Cl.DRIVER_VERSION), cl.deviceNumber(d, Cl.DEVICE_TYPE, 8),
                        cl.deviceNumber(d, Cl.DEVICE_GLOBAL_MEM_SIZE, 8),
                        cl.deviceNumber(d, Cl.DEVICE_MAX_MEM_ALLOC_SIZE, 8),
                        cl.deviceNumber(d, Cl.DEVICE_MAX_WORK_GROUP_SIZE, 8),
                        cl.deviceNumber(d, Cl.DEVICE_LOCAL_MEM_SIZE, 8),
                        cl.deviceNumber(d, Cl.DEVICE_MAX_COMPUTE_UNITS, 4),
                        List.of(extensions.split("\\s+")).contains("cl_khr_fp64")));
            }
        }
        out.sort(java.util.Comparator.comparingInt(ClDevice::kindRank));
        return out;
    }

    private int kindRank() {
        return switch (typeName()) {
            case "gpu" -> 0;
            case "accelerator" -> 1;
            default -> 2;
        };
    }

    /** "gpu", "cpu" or "accelerator". */
    public String typeName() {
        if ((type & TYPE_GPU) != 0) {
            return "gpu";
        }
        return (type & TYPE_CPU) != 0 ? "cpu" : "accelerator";
    }

    /** A one-line description, e.g. "NVIDIA H100 (NVIDIA CUDA, OpenCL 3.0 CUDA, 80 GiB, fp64)". */
    public String describe() {
        return name + " (" + platformName + ", " + version + ", " + typeName() + ", "
                + String.format(java.util.Locale.ROOT, "%.1f GiB", globalMemory / (double) (1L << 30))
                + (fp64 ? ", fp64" : ", no fp64") + ")";
    }
}
