package org.reprolab.backend.cuda.internal;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;
import org.reprolab.backend.device.BufferPool;
import org.reprolab.backend.device.DeviceBackend;
import org.reprolab.backend.device.KernelSource;
import org.reprolab.backend.device.Launch;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.Device;
import org.reprolab.tensor.backend.View;

/**
 * The Backend SPI on one NVIDIA GPU: the shared {@link DeviceBackend} ops compiled by NVRTC from the same kernel
 * source as OpenCL's, run on one stream of the device's primary context; matrix products go to cuBLAS
 * ({@link GemmMode} picks exact FP32, TF32 or BF16 tensor cores), other ops to the kernels. Buffer handles are
 * {@code CUdeviceptr}s from a caching pool. Driver calls act on the calling thread's current context, so every entry
 * point makes the device's context current first.
 */
public final class CudaBackend extends DeviceBackend {
    private final Cuda cuda;
    private final Cublas cublas;
    private final CudaDevice info;
    private final GemmMode mode;
    private final MemorySegment context;
    private final MemorySegment stream;
    private final MemorySegment blas;
    private final CudaKernels kernels;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment oneF = arena.allocate(JAVA_DOUBLE);
    private final MemorySegment zeroF = arena.allocate(JAVA_DOUBLE);
    private final MemorySegment oneD = arena.allocate(JAVA_DOUBLE);
    private final MemorySegment zeroD = arena.allocate(JAVA_DOUBLE);
    private long blasProducts;

    /** Opens a stream and a cuBLAS handle on {@code info}'s primary context, reachable as {@code <kind>:<ordinal>}. */
    public CudaBackend(Cuda cuda, Nvrtc nvrtc, Cublas cublas, CudaDevice info, GemmMode mode) {
        super(new Device(mode.kind(), info.ordinal()), "CUDA", true);
        this.cuda = cuda;
        this.cublas = cublas;
        this.info = info;
        this.mode = mode;
        oneF.set(JAVA_FLOAT, 0, 1f);
        zeroF.set(JAVA_FLOAT, 0, 0f);
        oneD.set(JAVA_DOUBLE, 0, 1.0);
        zeroD.set(JAVA_DOUBLE, 0, 0.0);
        this.context = cuda.retainPrimaryContext(info.handle());
        MemorySegment s = null;
        MemorySegment h = null;
        try {
            cuda.setCurrent(context);
            s = cuda.createStream();
            h = cublas.create(s);
            this.stream = s;
            this.blas = h;
            // stream-ordered allocation where the driver has it: a fresh buffer is a pool suballocation (about a
            // microsecond) instead of a cuMemAlloc mapping (tens of microseconds), which matters because buffers
            // come back to the BufferPool only when the JVM collects their storages
            // leave a tenth of the device's memory to the driver, cuBLAS's workspace and other programs
            boolean ordered = cuda.streamOrderedAllocation();
            if (ordered) {
                cuda.retainFreedMemory(info.handle());
            }
            usePool(new BufferPool(new BufferPool.Allocator() {
                @Override
                public long allocate(long bytes) {
                    current();
                    return ordered ? cuda.allocate(bytes, stream) : cuda.allocate(bytes);
                }

                @Override
                public void free(long handle) {
                    current();
                    if (ordered) {
                        cuda.free(handle, stream);
                    } else {
                        cuda.free(handle);
                    }
                }
            }, info.memory() / 10 * 9));
            this.kernels = new CudaKernels(cuda, nvrtc, info, stream);
        } catch (RuntimeException | Error e) {
            // nothing of a half-made backend outlives it
            if (h != null) {
                cublas.destroy(h);
            }
            if (s != null) {
                cuda.destroyStream(s);
            }
            cuda.releasePrimaryContext(info.handle());
            arena.close();
            throw e;
        }
    }

    /** The GPU this backend runs on. */
    public CudaDevice info() {
        return info;
    }

    public GemmMode mode() {
        return mode;
    }

    /** How many matrix products went to cuBLAS (the rest ran the shared GEMM kernel). */
    public synchronized long blasProducts() {
        return blasProducts;
    }

    @Override
    public String description() {
        return "CUDA " + info.describe() + ", GEMM " + mode.label();
    }

    private void current() {
        cuda.setCurrent(context);
    }

    @Override
    protected String deviceName() {
        return info.name();
    }

    @Override
    protected KernelSource source() {
        return KernelSource.CUDA;
    }

    @Override
    protected Launch launch(String programKey, Supplier<String> source, String kernel) {
        current();
        return kernels.launch(programKey, source, kernel);
    }

    @Override
    protected long maxAllocation() {
        return info.memory() / 10 * 9;
    }

    @Override
    protected void zero(long buffer, long offset, long bytes) {
        current();
        cuda.zero(buffer + offset, bytes, stream);
    }

    @Override
    protected void copyBuffer(long src, long srcOffset, long dst, long dstOffset, long bytes) {
        current();
        cuda.copyOnDevice(dst + dstOffset, src + srcOffset, bytes, stream);
    }

    @Override
    protected void writeBuffer(long buffer, long offset, MemorySegment host) {
        current();
        cuda.copyToDevice(buffer + offset, host, stream);
        // pageable host memory: the driver has staged the bytes when the call returns, but wait to be sure the
        // caller's segment may be freed at once
        cuda.synchronize(stream);
    }

    @Override
    protected void readBuffer(long buffer, long offset, MemorySegment host) {
        current();
        cuda.copyToHost(host, buffer + offset, stream);
        cuda.synchronize(stream);
    }

    @Override
    protected void synchronizeDevice() {
        current();
        cuda.synchronize(stream);
    }

    @Override
    protected void releaseRuntime() {
        current();
        try {
            kernels.close();
            cublas.destroy(blas);
            cuda.destroyStream(stream);
        } finally {
            cuda.releasePrimaryContext(info.handle());
            arena.close();
        }
    }

    // ---- matrix product through cuBLAS ---------------------------------------------------------------------

    /** Through cuBLAS where {@link GemmPlan} maps the views onto one call, else the shared GEMM kernel. */
    @Override
    public synchronized void matmul(View a, View b, View out) {
        open();
        Cublas.Gemm g = GemmPlan.of(a, b, out, s(a).handle(), s(b).handle(), s(out).handle());
        if (g == null) {
            super.matmul(a, b, out);
            return;
        }
        current();
        if (out.dtype() == DType.FLOAT64) {
            cublas.gemm(blas, g, Cublas.R_64F, Cublas.COMPUTE_64F, oneD, zeroD);
        } else {
            cublas.gemm(blas, g, Cublas.R_32F, mode.computeType(), oneF, zeroF);
        }
        blasProducts++;
    }
}
