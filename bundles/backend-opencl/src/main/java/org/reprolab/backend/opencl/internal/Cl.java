package org.reprolab.backend.opencl.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The OpenCL 1.2 host calls the backend needs, bound through the FFM API to the ICD loader
 * {@code libOpenCL.so.1}. Handles ({@code cl_context}, {@code cl_mem}, …) are {@link MemorySegment} addresses;
 * {@code size_t} is a Java long (64-bit hosts only). Every call that fails throws a {@link ClException} naming
 * the call and the error.
 */
public final class Cl {
    public static final long DEVICE_TYPE_ALL = 0xFFFFFFFFL;
    public static final int PLATFORM_VERSION = 0x0901;
    public static final int PLATFORM_NAME = 0x0902;
    public static final int PLATFORM_VENDOR = 0x0903;
    public static final int DEVICE_TYPE = 0x1000;
    public static final int DEVICE_MAX_COMPUTE_UNITS = 0x1002;
    public static final int DEVICE_MAX_WORK_GROUP_SIZE = 0x1004;
    public static final int DEVICE_MAX_MEM_ALLOC_SIZE = 0x1010;
    public static final int DEVICE_GLOBAL_MEM_SIZE = 0x101F;
    public static final int DEVICE_LOCAL_MEM_SIZE = 0x1023;
    public static final int DEVICE_NAME = 0x102B;
    public static final int DEVICE_VENDOR = 0x102C;
    public static final int DRIVER_VERSION = 0x102D;
    public static final int DEVICE_VERSION = 0x102F;
    public static final int DEVICE_EXTENSIONS = 0x1030;
    public static final int PROGRAM_BUILD_LOG = 0x1183;
    public static final long MEM_READ_WRITE = 1;

    private static final Linker LINKER = Linker.nativeLinker();

    private final MethodHandle getPlatformIds;
    private final MethodHandle getPlatformInfo;
    private final MethodHandle getDeviceIds;
    private final MethodHandle getDeviceInfo;
    private final MethodHandle createContext;
    private final MethodHandle createCommandQueue;
    private final MethodHandle createBuffer;
    private final MethodHandle enqueueReadBuffer;
    private final MethodHandle enqueueWriteBuffer;
    private final MethodHandle enqueueCopyBuffer;
    private final MethodHandle enqueueFillBuffer;
    private final MethodHandle createProgramWithSource;
    private final MethodHandle buildProgram;
    private final MethodHandle getProgramBuildInfo;
    private final MethodHandle createKernel;
    private final MethodHandle setKernelArg;
    private final MethodHandle enqueueNdRangeKernel;
    private final MethodHandle finish;
    private final MethodHandle flush;
    private final MethodHandle releaseMemObject;
    private final MethodHandle releaseKernel;
    private final MethodHandle releaseProgram;
    private final MethodHandle releaseCommandQueue;
    private final MethodHandle releaseContext;

    private Cl(SymbolLookup lib) {
        getPlatformIds = bind(lib, "clGetPlatformIDs", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
        getPlatformInfo = bind(lib, "clGetPlatformInfo", JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS);
        getDeviceIds = bind(lib, "clGetDeviceIDs", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS);
        getDeviceInfo = bind(lib, "clGetDeviceInfo", JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS);
        createContext = bind(lib, "clCreateContext", ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        createCommandQueue = bind(lib, "clCreateCommandQueue", ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS);
        createBuffer = bind(lib, "clCreateBuffer", ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS);
        enqueueReadBuffer = bind(lib, "clEnqueueReadBuffer", JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG,
                JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
        enqueueWriteBuffer = bind(lib, "clEnqueueWriteBuffer", JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG,
                JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
        enqueueCopyBuffer = bind(lib, "clEnqueueCopyBuffer", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG,
                JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS);
        enqueueFillBuffer = bind(lib, "clEnqueueFillBuffer", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG,
                JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS);
        createProgramWithSource = bind(lib, "clCreateProgramWithSource", ADDRESS, ADDRESS, JAVA_INT, ADDRESS,
                ADDRESS, ADDRESS);
        buildProgram = bind(lib, "clBuildProgram", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        getProgramBuildInfo = bind(lib, "clGetProgramBuildInfo", JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG,
                ADDRESS, ADDRESS);
        createKernel = bind(lib, "clCreateKernel", ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        setKernelArg = bind(lib, "clSetKernelArg", JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS);
        enqueueNdRangeKernel = bind(lib, "clEnqueueNDRangeKernel", JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS,
                ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
        finish = bind(lib, "clFinish", JAVA_INT, ADDRESS);
        flush = bind(lib, "clFlush", JAVA_INT, ADDRESS);
        releaseMemObject = bind(lib, "clReleaseMemObject", JAVA_INT, ADDRESS);
        releaseKernel = bind(lib, "clReleaseKernel", JAVA_INT, ADDRESS);
        releaseProgram = bind(lib, "clReleaseProgram", JAVA_INT, ADDRESS);
        releaseCommandQueue = bind(lib, "clReleaseCommandQueue", JAVA_INT, ADDRESS);
        releaseContext = bind(lib, "clReleaseContext", JAVA_INT, ADDRESS);
    }

    /** The library name the loader is looked up by. */
    public static final String LIBRARY = "libOpenCL.so.1";

    /**
     * Binds the ICD loader, or says why it cannot: the library is missing or lacks a symbol. Never throws.
     */
    public static Loaded load() {
        try {
            SymbolLookup lib = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
            return new Loaded(new Cl(lib), null);
        } catch (IllegalArgumentException e) {
            return new Loaded(null, "OpenCL: " + LIBRARY + " not found (install ocl-icd-libopencl1 and a driver, "
                    + "e.g. pocl-opencl-icd)");
        } catch (IllegalCallerException e) {
            return new Loaded(null, "OpenCL: native access is not enabled for this code (start the JVM with "
                    + "--enable-native-access=ALL-UNNAMED): " + e.getMessage());
        } catch (MissingSymbolException e) {
            return new Loaded(null, "OpenCL: " + LIBRARY + " lacks " + e.getMessage() + " (an ICD loader for "
                    + "OpenCL 1.2 or newer is needed)");
        }
    }

    /** The bound library, or the reason it could not be bound. */
    public record Loaded(Cl cl, String failure) {
    }

    private static final class MissingSymbolException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingSymbolException(String name) {
            super(name, null, false, false);
        }
    }

    private static MethodHandle bind(SymbolLookup lib, String name, MemoryLayout result, MemoryLayout... args) {
        Optional<MemorySegment> symbol = lib.find(name);
        if (symbol.isEmpty()) {
            throw new MissingSymbolException(name);
        }
        return LINKER.downcallHandle(symbol.get(), FunctionDescriptor.of(result, args));
    }

    // ---- calls ---------------------------------------------------------------------------------------------

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    /** One {@code clGet…IDs} call: fills up to {@code n} ids and/or the count. */
    @FunctionalInterface
    private interface IdsCall {
        int call(int n, MemorySegment ids, MemorySegment count) throws Throwable;
    }

    /** One {@code clGet…Info} call: fills up to {@code size} bytes of {@code value} and/or the size it needs. */
    @FunctionalInterface
    private interface InfoCall {
        int call(long size, MemorySegment value, MemorySegment sizeNeeded) throws Throwable;
    }

    /** Asks for the count, then the ids; {@code none} is the error code that means "there are none". */
    private static MemorySegment[] ids(String name, int none, IdsCall call) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment count = arena.allocate(JAVA_INT);
            int rc = call.call(0, MemorySegment.NULL, count);
            if (rc == none || rc == 0 && count.get(JAVA_INT, 0) == 0) {
                return new MemorySegment[0];
            }
            ClException.check(name, rc);
            int n = count.get(JAVA_INT, 0);
            MemorySegment ids = arena.allocate(ADDRESS, n);
            ClException.check(name, call.call(n, ids, MemorySegment.NULL));
            MemorySegment[] out = new MemorySegment[n];
            for (int i = 0; i < n; i++) {
                out[i] = ids.getAtIndex(ADDRESS, i);
            }
            return out;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Asks for the size, then the text. */
    private static String infoString(String name, InfoCall call) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(JAVA_LONG);
            ClException.check(name, call.call(0L, MemorySegment.NULL, size));
            MemorySegment text = arena.allocate(Math.max(1, size.get(JAVA_LONG, 0)));
            ClException.check(name, call.call(text.byteSize(), text, MemorySegment.NULL));
            return text.getString(0).trim();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The platforms the ICD loader knows (none is not an error: the list is empty). */
    public MemorySegment[] platforms() {
        return ids("clGetPlatformIDs", ClException.PLATFORM_NOT_FOUND_KHR,
                (n, ids, count) -> (int) getPlatformIds.invokeExact(n, ids, count));
    }

    public String platformInfo(MemorySegment platform, int param) {
        return infoString("clGetPlatformInfo",
                (size, value, needed) -> (int) getPlatformInfo.invokeExact(platform, param, size, value, needed));
    }

    /** The platform's devices of any type; none is an empty list. */
    public MemorySegment[] devices(MemorySegment platform) {
        return ids("clGetDeviceIDs", ClException.DEVICE_NOT_FOUND,
                (n, ids, count) -> (int) getDeviceIds.invokeExact(platform, DEVICE_TYPE_ALL, n, ids, count));
    }

    public String deviceString(MemorySegment device, int param) {
        return infoString("clGetDeviceInfo",
                (size, value, needed) -> (int) getDeviceInfo.invokeExact(device, param, size, value, needed));
    }

    /** A numeric device property of {@code bytes} (4 or 8) bytes, e.g. a cl_uint, cl_ulong or size_t. */
    public long deviceNumber(MemorySegment device, int param, int bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(8);
            ClException.check("clGetDeviceInfo",
                    (int) getDeviceInfo.invokeExact(device, param, (long) bytes, value, MemorySegment.NULL));
            return bytes == 4 ? Integer.toUnsignedLong(value.get(JAVA_INT, 0)) : value.get(JAVA_LONG, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public MemorySegment createContext(MemorySegment device) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment devices = arena.allocate(ADDRESS);
            devices.set(ADDRESS, 0, device);
            MemorySegment err = arena.allocate(JAVA_INT);
            MemorySegment ctx = (MemorySegment) createContext.invokeExact(MemorySegment.NULL, 1, devices,
                    MemorySegment.NULL, MemorySegment.NULL, err);
            ClException.check("clCreateContext", err.get(JAVA_INT, 0));
            return ctx;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** An in-order queue (kernels run in the order they are enqueued). */
    public MemorySegment createQueue(MemorySegment context, MemorySegment device) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(JAVA_INT);
            MemorySegment q = (MemorySegment) createCommandQueue.invokeExact(context, device, 0L, err);
            ClException.check("clCreateCommandQueue", err.get(JAVA_INT, 0));
            return q;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public MemorySegment createBuffer(MemorySegment context, long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(JAVA_INT);
            MemorySegment mem = (MemorySegment) createBuffer.invokeExact(context, MEM_READ_WRITE, bytes,
                    MemorySegment.NULL, err);
            ClException.check("clCreateBuffer", err.get(JAVA_INT, 0));
            return mem;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A blocking read: returns when {@code host} holds the bytes (all earlier commands have run). */
    public void readBuffer(MemorySegment queue, MemorySegment mem, long offset, MemorySegment host) {
        try {
            ClException.check("clEnqueueReadBuffer", (int) enqueueReadBuffer.invokeExact(queue, mem, 1, offset,
                    host.byteSize(), host, 0, MemorySegment.NULL, MemorySegment.NULL));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A blocking write: {@code host} may be freed when it returns. */
    public void writeBuffer(MemorySegment queue, MemorySegment mem, long offset, MemorySegment host) {
        try {
            ClException.check("clEnqueueWriteBuffer", (int) enqueueWriteBuffer.invokeExact(queue, mem, 1, offset,
                    host.byteSize(), host, 0, MemorySegment.NULL, MemorySegment.NULL));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public void copyBuffer(MemorySegment queue, MemorySegment src, MemorySegment dst, long srcOffset,
                           long dstOffset, long bytes) {
        try {
            ClException.check("clEnqueueCopyBuffer", (int) enqueueCopyBuffer.invokeExact(queue, src, dst, srcOffset,
                    dstOffset, bytes, 0, MemorySegment.NULL, MemorySegment.NULL));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Fills {@code bytes} bytes at {@code offset} with zeros (asynchronously). */
    public void zero(MemorySegment queue, MemorySegment mem, long offset, long bytes, MemorySegment zeroInt) {
        try {
            ClException.check("clEnqueueFillBuffer", (int) enqueueFillBuffer.invokeExact(queue, mem, zeroInt, 4L,
                    offset, bytes, 0, MemorySegment.NULL, MemorySegment.NULL));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Compiles {@code source} for one device; a compile error becomes a {@link ClException} carrying the
     * compiler's log.
     */
    public MemorySegment buildProgram(MemorySegment context, MemorySegment device, String source, String options) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment strings = arena.allocate(ADDRESS);
            strings.set(ADDRESS, 0, arena.allocateFrom(source));
            MemorySegment err = arena.allocate(JAVA_INT);
            MemorySegment program = (MemorySegment) createProgramWithSource.invokeExact(context, 1, strings,
                    MemorySegment.NULL, err);
            ClException.check("clCreateProgramWithSource", err.get(JAVA_INT, 0));
            MemorySegment devices = arena.allocate(ADDRESS);
            devices.set(ADDRESS, 0, device);
            int rc = (int) buildProgram.invokeExact(program, 1, devices, arena.allocateFrom(options),
                    MemorySegment.NULL, MemorySegment.NULL);
            if (rc != 0) {
                String log = buildLog(program, device, arena);
                int ignored = (int) releaseProgram.invokeExact(program);
                throw new ClException("clBuildProgram", rc, "options '" + options + "':\n" + log);
            }
            return program;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private String buildLog(MemorySegment program, MemorySegment device, Arena arena) throws Throwable {
        MemorySegment size = arena.allocate(JAVA_LONG);
        int rc = (int) getProgramBuildInfo.invokeExact(program, device, PROGRAM_BUILD_LOG, 0L, MemorySegment.NULL,
                size);
        if (rc != 0) {
            return "(no build log: " + ClException.name(rc) + ")";
        }
        MemorySegment log = arena.allocate(Math.max(1, size.get(JAVA_LONG, 0)));
        rc = (int) getProgramBuildInfo.invokeExact(program, device, PROGRAM_BUILD_LOG, log.byteSize(), log,
                MemorySegment.NULL);
        return rc != 0 ? "(no build log: " + ClException.name(rc) + ")" : log.getString(0);
    }

    public MemorySegment createKernel(MemorySegment program, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(JAVA_INT);
            MemorySegment kernel = (MemorySegment) createKernel.invokeExact(program, arena.allocateFrom(name), err);
            ClException.check("clCreateKernel(" + name + ")", err.get(JAVA_INT, 0));
            return kernel;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Sets argument {@code index} to the first {@code bytes} bytes of {@code value} (the value is copied). */
    public void setKernelArg(MemorySegment kernel, int index, long bytes, MemorySegment value) {
        try {
            int rc = (int) setKernelArg.invokeExact(kernel, index, bytes, value);
            if (rc != 0) {
                throw new ClException("clSetKernelArg", rc, "argument " + index + " (" + bytes + " bytes)");
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Enqueues a kernel over {@code global} work items in groups of {@code local} (null: the driver picks). */
    public void enqueueKernel(MemorySegment queue, MemorySegment kernel, String name, MemorySegment global,
                              MemorySegment local, int dims) {
        try {
            MemorySegment groups = local == null ? MemorySegment.NULL : local;
            int rc = (int) enqueueNdRangeKernel.invokeExact(queue, kernel, dims, MemorySegment.NULL, global, groups,
                    0, MemorySegment.NULL, MemorySegment.NULL);
            if (rc != 0) {
                throw new ClException("clEnqueueNDRangeKernel", rc, "kernel " + name);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public void finish(MemorySegment queue) {
        try {
            ClException.check("clFinish", (int) finish.invokeExact(queue));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public void flush(MemorySegment queue) {
        try {
            ClException.check("clFlush", (int) flush.invokeExact(queue));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public void releaseMemObject(MemorySegment mem) {
        release("clReleaseMemObject", releaseMemObject, mem);
    }

    public void releaseKernel(MemorySegment kernel) {
        release("clReleaseKernel", releaseKernel, kernel);
    }

    public void releaseProgram(MemorySegment program) {
        release("clReleaseProgram", releaseProgram, program);
    }

    public void releaseQueue(MemorySegment queue) {
        release("clReleaseCommandQueue", releaseCommandQueue, queue);
    }

    public void releaseContext(MemorySegment context) {
        release("clReleaseContext", releaseContext, context);
    }

    private static void release(String call, MethodHandle handle, MemorySegment object) {
        try {
            ClException.check(call, (int) handle.invokeExact(object));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }
}
