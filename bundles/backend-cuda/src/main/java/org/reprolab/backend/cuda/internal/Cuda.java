package org.reprolab.backend.cuda.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The CUDA driver API calls the backend needs (context, memory, streams, events, modules, launches), bound through
 * the FFM API to {@code libcuda.so.1}, which the NVIDIA driver installs. Handles ({@code CUcontext}, {@code
 * CUstream}, …) are {@link MemorySegment} addresses, device pointers ({@code CUdeviceptr}) and {@code size_t} are
 * Java longs (64-bit hosts only). Every failing call throws a {@link CudaException} naming the call and the error.
 */
public final class Cuda {
    /** The library the driver API is looked up by. */
    public static final String LIBRARY = "libcuda.so.1";
    static final int ATTRIBUTE_MAX_THREADS_PER_BLOCK = 1;
    static final int ATTRIBUTE_MULTIPROCESSOR_COUNT = 16;
    static final int ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75;
    static final int ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76;
    static final int ERROR_NO_DEVICE = 100;
    private static final int STREAM_NON_BLOCKING = 1;
    private static final int MEMPOOL_RELEASE_THRESHOLD = 4;

    private final MethodHandle init;
    private final MethodHandle driverGetVersion;
    private final MethodHandle deviceGetCount;
    private final MethodHandle deviceGet;
    private final MethodHandle deviceGetName;
    private final MethodHandle deviceTotalMem;
    private final MethodHandle deviceGetAttribute;
    private final MethodHandle primaryCtxRetain;
    private final MethodHandle primaryCtxRelease;
    private final MethodHandle ctxSetCurrent;
    private final MethodHandle streamCreate;
    private final MethodHandle streamSynchronize;
    private final MethodHandle streamDestroy;
    private final MethodHandle memAlloc;
    private final MethodHandle memFree;
    private final MethodHandle memGetInfo;
    private final MethodHandle memsetD8Async;
    private final MethodHandle memcpyHtoDAsync;
    private final MethodHandle memcpyDtoHAsync;
    private final MethodHandle memcpyDtoDAsync;
    private final MethodHandle moduleLoadData;
    private final MethodHandle moduleGetFunction;
    private final MethodHandle moduleUnload;
    private final MethodHandle launchKernel;
    private final MethodHandle eventCreate;
    private final MethodHandle eventRecord;
    private final MethodHandle eventSynchronize;
    private final MethodHandle eventElapsedTime;
    private final MethodHandle eventDestroy;
    /** Stream-ordered allocation (CUDA 11.2+), or null on older drivers. */
    private final MethodHandle memAllocAsync;
    private final MethodHandle memFreeAsync;
    private final MethodHandle deviceGetDefaultMemPool;
    private final MethodHandle memPoolSetAttribute;
    private final MethodHandle getErrorName;
    private final MethodHandle getErrorString;

    private Cuda(NativeLibrary lib) {
        init = lib.bind("cuInit", JAVA_INT, JAVA_INT);
        driverGetVersion = lib.bind("cuDriverGetVersion", JAVA_INT, ADDRESS);
        deviceGetCount = lib.bind("cuDeviceGetCount", JAVA_INT, ADDRESS);
        deviceGet = lib.bind("cuDeviceGet", JAVA_INT, ADDRESS, JAVA_INT);
        deviceGetName = lib.bind("cuDeviceGetName", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
        deviceTotalMem = lib.bind("cuDeviceTotalMem_v2", JAVA_INT, ADDRESS, JAVA_INT);
        deviceGetAttribute = lib.bind("cuDeviceGetAttribute", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
        primaryCtxRetain = lib.bind("cuDevicePrimaryCtxRetain", JAVA_INT, ADDRESS, JAVA_INT);
        primaryCtxRelease = lib.bind("cuDevicePrimaryCtxRelease_v2", JAVA_INT, JAVA_INT);
        ctxSetCurrent = lib.bind("cuCtxSetCurrent", JAVA_INT, ADDRESS);
        streamCreate = lib.bind("cuStreamCreate", JAVA_INT, ADDRESS, JAVA_INT);
        streamSynchronize = lib.bind("cuStreamSynchronize", JAVA_INT, ADDRESS);
        streamDestroy = lib.bind("cuStreamDestroy_v2", JAVA_INT, ADDRESS);
        memAlloc = lib.bind("cuMemAlloc_v2", JAVA_INT, ADDRESS, JAVA_LONG);
        memFree = lib.bind("cuMemFree_v2", JAVA_INT, JAVA_LONG);
        memGetInfo = lib.bind("cuMemGetInfo_v2", JAVA_INT, ADDRESS, ADDRESS);
        memsetD8Async = lib.bind("cuMemsetD8Async", JAVA_INT, JAVA_LONG, JAVA_BYTE, JAVA_LONG, ADDRESS);
        memcpyHtoDAsync = lib.bind("cuMemcpyHtoDAsync_v2", JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS);
        memcpyDtoHAsync = lib.bind("cuMemcpyDtoHAsync_v2", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS);
        memcpyDtoDAsync = lib.bind("cuMemcpyDtoDAsync_v2", JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS);
        moduleLoadData = lib.bind("cuModuleLoadData", JAVA_INT, ADDRESS, ADDRESS);
        moduleGetFunction = lib.bind("cuModuleGetFunction", JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        moduleUnload = lib.bind("cuModuleUnload", JAVA_INT, ADDRESS);
        launchKernel = lib.bind("cuLaunchKernel", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        eventCreate = lib.bind("cuEventCreate", JAVA_INT, ADDRESS, JAVA_INT);
        eventRecord = lib.bind("cuEventRecord", JAVA_INT, ADDRESS, ADDRESS);
        eventSynchronize = lib.bind("cuEventSynchronize", JAVA_INT, ADDRESS);
        eventElapsedTime = lib.bind("cuEventElapsedTime", JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        eventDestroy = lib.bind("cuEventDestroy_v2", JAVA_INT, ADDRESS);
        memAllocAsync = lib.bindOptional("cuMemAllocAsync", JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS);
        memFreeAsync = lib.bindOptional("cuMemFreeAsync", JAVA_INT, JAVA_LONG, ADDRESS);
        deviceGetDefaultMemPool = lib.bindOptional("cuDeviceGetDefaultMemPool", JAVA_INT, ADDRESS, JAVA_INT);
        memPoolSetAttribute = lib.bindOptional("cuMemPoolSetAttribute", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        getErrorName = lib.bind("cuGetErrorName", JAVA_INT, JAVA_INT, ADDRESS);
        getErrorString = lib.bind("cuGetErrorString", JAVA_INT, JAVA_INT, ADDRESS);
    }

    /** The bound driver, or why there is none. */
    public record Loaded(Cuda cuda, String failure) {
    }

    /** Binds and initialises the driver, or says why it cannot (no driver, no native access, cuInit failed). */
    public static Loaded load() {
        Cuda cuda;
        try {
            cuda = new Cuda(NativeLibrary.open(LIBRARY));
        } catch (IllegalArgumentException e) {
            return new Loaded(null, "CUDA: " + LIBRARY + " not found (no NVIDIA driver on this machine)");
        } catch (IllegalCallerException e) {
            return new Loaded(null, "CUDA: native access is not enabled for this code (start the JVM with "
                    + "--enable-native-access=ALL-UNNAMED): " + e.getMessage());
        } catch (NativeLibrary.MissingSymbolException e) {
            return new Loaded(null, "CUDA: " + e.getMessage() + " (a driver for CUDA 11 or newer is needed)");
        }
        try {
            cuda.check("cuInit", (int) cuda.init.invokeExact(0));
        } catch (CudaException e) {
            return new Loaded(null, e.code() == ERROR_NO_DEVICE ? "CUDA: the driver found no GPU" : "CUDA: " + e.getMessage());
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        return new Loaded(cuda, null);
    }

    // ---- errors --------------------------------------------------------------------------------------------

    void check(String call, int code) {
        if (code != 0) {
            throw new CudaException(call, code, errorText(getErrorName, code, "CUDA_ERROR_" + code),
                    errorText(getErrorString, code, null));
        }
    }

    private static String errorText(MethodHandle h, int code, String fallback) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            int rc = (int) h.invokeExact(code, out);
            MemorySegment text = out.get(ADDRESS, 0);
            return rc != 0 || text.equals(MemorySegment.NULL) ? fallback : text.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            return fallback;
        }
    }

    @FunctionalInterface
    private interface Call {
        int call(MemorySegment out) throws Throwable;
    }

    /** Runs a call that writes one value into {@code layout}-sized {@code out} and returns the segment. */
    private MemorySegment out(String name, java.lang.foreign.MemoryLayout layout, Arena a, Call call) {
        MemorySegment out = a.allocate(layout);
        try {
            check(name, call.call(out));
        } catch (CudaException e) {
            throw e;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        return out;
    }

    @FunctionalInterface
    private interface Plain {
        int call() throws Throwable;
    }

    private void run(String name, Plain call) {
        try {
            check(name, call.call());
        } catch (CudaException e) {
            throw e;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    // ---- driver and devices --------------------------------------------------------------------------------

    /** The driver's CUDA version, e.g. 13000 for 13.0. */
    public int driverVersion() {
        try (Arena a = Arena.ofConfined()) {
            return out("cuDriverGetVersion", JAVA_INT, a, o -> (int) driverGetVersion.invokeExact(o)).get(JAVA_INT, 0);
        }
    }

    public int deviceCount() {
        try (Arena a = Arena.ofConfined()) {
            return out("cuDeviceGetCount", JAVA_INT, a, o -> (int) deviceGetCount.invokeExact(o)).get(JAVA_INT, 0);
        }
    }

    /** The {@code CUdevice} of ordinal {@code index}. */
    public int device(int index) {
        try (Arena a = Arena.ofConfined()) {
            return out("cuDeviceGet", JAVA_INT, a, o -> (int) deviceGet.invokeExact(o, index)).get(JAVA_INT, 0);
        }
    }

    public String deviceName(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment name = a.allocate(256);
            run("cuDeviceGetName", () -> (int) deviceGetName.invokeExact(name, 256, device));
            return name.getString(0);
        }
    }

    public long totalMemory(int device) {
        try (Arena a = Arena.ofConfined()) {
            return out("cuDeviceTotalMem_v2", JAVA_LONG, a, o -> (int) deviceTotalMem.invokeExact(o, device))
                    .get(JAVA_LONG, 0);
        }
    }

    public int attribute(int device, int attribute) {
        try (Arena a = Arena.ofConfined()) {
            return out("cuDeviceGetAttribute", JAVA_INT, a,
                    o -> (int) deviceGetAttribute.invokeExact(o, attribute, device)).get(JAVA_INT, 0);
        }
    }

    // ---- context and streams -------------------------------------------------------------------------------

    /** The device's primary context (shared by everything in the process that uses the device), retained once. */
    public MemorySegment retainPrimaryContext(int device) {
        try (Arena a = Arena.ofConfined()) {
            return out("cuDevicePrimaryCtxRetain", ADDRESS, a, o -> (int) primaryCtxRetain.invokeExact(o, device))
                    .get(ADDRESS, 0);
        }
    }

    public void releasePrimaryContext(int device) {
        run("cuDevicePrimaryCtxRelease_v2", () -> (int) primaryCtxRelease.invokeExact(device));
    }

    /** Makes {@code context} the calling thread's current one (driver calls act on the current context). */
    public void setCurrent(MemorySegment context) {
        run("cuCtxSetCurrent", () -> (int) ctxSetCurrent.invokeExact(context));
    }

    /** A stream that does not synchronise with the legacy default stream. */
    public MemorySegment createStream() {
        try (Arena a = Arena.ofConfined()) {
            return out("cuStreamCreate", ADDRESS, a, o -> (int) streamCreate.invokeExact(o, STREAM_NON_BLOCKING))
                    .get(ADDRESS, 0);
        }
    }

    public void synchronize(MemorySegment stream) {
        run("cuStreamSynchronize", () -> (int) streamSynchronize.invokeExact(stream));
    }

    public void destroyStream(MemorySegment stream) {
        run("cuStreamDestroy_v2", () -> (int) streamDestroy.invokeExact(stream));
    }

    // ---- memory --------------------------------------------------------------------------------------------

    /** A device allocation of {@code bytes} bytes (its {@code CUdeviceptr}). */
    public long allocate(long bytes) {
        try (Arena a = Arena.ofConfined()) {
            return out("cuMemAlloc_v2", JAVA_LONG, a, o -> (int) memAlloc.invokeExact(o, bytes)).get(JAVA_LONG, 0);
        }
    }

    public void free(long pointer) {
        run("cuMemFree_v2", () -> (int) memFree.invokeExact(pointer));
    }

    /** Whether the driver has stream-ordered allocation (cuMemAllocAsync and its memory pools). */
    public boolean streamOrderedAllocation() {
        return memAllocAsync != null && memFreeAsync != null && deviceGetDefaultMemPool != null
                && memPoolSetAttribute != null;
    }

    /**
     * Lets the device's default memory pool keep what is freed into it (release threshold: unlimited), so that
     * stream-ordered allocations after the first are suballocations, not driver mappings.
     */
    public void retainFreedMemory(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment pool = out("cuDeviceGetDefaultMemPool", ADDRESS, a,
                    o -> (int) deviceGetDefaultMemPool.invokeExact(o, device)).get(ADDRESS, 0);
            MemorySegment threshold = a.allocate(JAVA_LONG);
            threshold.set(JAVA_LONG, 0, -1L); // UINT64_MAX
            run("cuMemPoolSetAttribute", () -> (int) memPoolSetAttribute.invokeExact(pool, MEMPOOL_RELEASE_THRESHOLD, threshold));
        }
    }

    /** A stream-ordered allocation on {@code stream} (usable by work enqueued there after this call). */
    public long allocate(long bytes, MemorySegment stream) {
        try (Arena a = Arena.ofConfined()) {
            return out("cuMemAllocAsync", JAVA_LONG, a, o -> (int) memAllocAsync.invokeExact(o, bytes, stream))
                    .get(JAVA_LONG, 0);
        }
    }

    /** Frees into the pool once the work enqueued on {@code stream} before this call is done. */
    public void free(long pointer, MemorySegment stream) {
        run("cuMemFreeAsync", () -> (int) memFreeAsync.invokeExact(pointer, stream));
    }

    /** Free and total device memory of the current context's device, in bytes. */
    public long[] memoryInfo() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment free = a.allocate(JAVA_LONG);
            MemorySegment total = a.allocate(JAVA_LONG);
            run("cuMemGetInfo_v2", () -> (int) memGetInfo.invokeExact(free, total));
            return new long[] {free.get(JAVA_LONG, 0), total.get(JAVA_LONG, 0)};
        }
    }

    public void zero(long pointer, long bytes, MemorySegment stream) {
        run("cuMemsetD8Async", () -> (int) memsetD8Async.invokeExact(pointer, (byte) 0, bytes, stream));
    }

    /** Host to device, ordered on {@code stream}; the host bytes may be reused when it returns (pageable memory). */
    public void copyToDevice(long pointer, MemorySegment host, MemorySegment stream) {
        run("cuMemcpyHtoDAsync_v2", () -> (int) memcpyHtoDAsync.invokeExact(pointer, host, host.byteSize(), stream));
    }

    /** Device to host, ordered on {@code stream}; the caller synchronises before reading {@code host}. */
    public void copyToHost(MemorySegment host, long pointer, MemorySegment stream) {
        run("cuMemcpyDtoHAsync_v2", () -> (int) memcpyDtoHAsync.invokeExact(host, pointer, host.byteSize(), stream));
    }

    public void copyOnDevice(long dst, long src, long bytes, MemorySegment stream) {
        run("cuMemcpyDtoDAsync_v2", () -> (int) memcpyDtoDAsync.invokeExact(dst, src, bytes, stream));
    }

    // ---- modules and launches ------------------------------------------------------------------------------

    /** Loads a CUBIN or PTX image into the current context. */
    public MemorySegment loadModule(MemorySegment image) {
        try (Arena a = Arena.ofConfined()) {
            return out("cuModuleLoadData", ADDRESS, a, o -> (int) moduleLoadData.invokeExact(o, image)).get(ADDRESS, 0);
        }
    }

    public MemorySegment function(MemorySegment module, String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cname = a.allocateFrom(name);
            return out("cuModuleGetFunction(" + name + ")", ADDRESS, a,
                    o -> (int) moduleGetFunction.invokeExact(o, module, cname)).get(ADDRESS, 0);
        }
    }

    public void unloadModule(MemorySegment module) {
        run("cuModuleUnload", () -> (int) moduleUnload.invokeExact(module));
    }

    /** Enqueues {@code function} on {@code stream}; {@code params} is the array of pointers to argument values. */
    public void launch(String name, MemorySegment function, int[] grid, int[] block, MemorySegment stream,
                       MemorySegment params) {
        run("cuLaunchKernel(" + name + ")", () -> (int) launchKernel.invokeExact(function, grid[0], grid[1], grid[2],
                block[0], block[1], block[2], 0, stream, params, MemorySegment.NULL));
    }

    // ---- events (timing) -----------------------------------------------------------------------------------

    public MemorySegment createEvent() {
        try (Arena a = Arena.ofConfined()) {
            return out("cuEventCreate", ADDRESS, a, o -> (int) eventCreate.invokeExact(o, 0)).get(ADDRESS, 0);
        }
    }

    public void record(MemorySegment event, MemorySegment stream) {
        run("cuEventRecord", () -> (int) eventRecord.invokeExact(event, stream));
    }

    /** Milliseconds between two recorded events, after waiting for the second. */
    public float elapsedMillis(MemorySegment start, MemorySegment end) {
        run("cuEventSynchronize", () -> (int) eventSynchronize.invokeExact(end));
        try (Arena a = Arena.ofConfined()) {
            return out("cuEventElapsedTime", JAVA_FLOAT, a, o -> (int) eventElapsedTime.invokeExact(o, start, end))
                    .get(JAVA_FLOAT, 0);
        }
    }

    public void destroyEvent(MemorySegment event) {
        run("cuEventDestroy_v2", () -> (int) eventDestroy.invokeExact(event));
    }
}
