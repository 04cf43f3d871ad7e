package org.reprolab.backend.opencl.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;
import org.reprolab.backend.device.BufferPool;
import org.reprolab.backend.device.DeviceBackend;
import org.reprolab.backend.device.KernelSource;
import org.reprolab.backend.device.Launch;
import org.reprolab.tensor.backend.Device;

/**
 * The Backend SPI on one OpenCL device: the shared {@link DeviceBackend} ops over an OpenCL context, one in-order
 * command queue, programs built from the OpenCL C sources, and {@code cl_mem} buffers from a caching pool.
 * Buffer handles are the {@code cl_mem} addresses.
 */
public final class OpenClBackend extends DeviceBackend {
    private final Cl cl;
    private final ClDevice info;
    private final MemorySegment context;
    private final MemorySegment queue;
    private final Kernels kernels;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment zeroPattern = arena.allocate(JAVA_INT);

    /** Opens a context and an in-order queue on {@code info}, reachable as device {@code opencl:index}. */
    public OpenClBackend(Cl cl, ClDevice info, int index) {
        super(new Device("opencl", index), "OpenCL", info.fp64());
        if (info.maxWorkGroupSize() < 256) {
            throw new IllegalArgumentException("OpenCL device " + info.name() + " allows work groups of "
                    + info.maxWorkGroupSize() + " items; the kernels need 256");
        }
        this.cl = cl;
        this.info = info;
        this.context = cl.createContext(info.handle());
        MemorySegment q = null;
        try {
            q = cl.createQueue(context, info.handle());
            this.queue = q;
            // leave a tenth of the device's memory to the driver and to other programs
            usePool(new BufferPool(new BufferPool.Allocator() {
                @Override
                public long allocate(long bytes) {
                    return cl.createBuffer(context, bytes).address();
                }

                @Override
                public void free(long handle) {
                    cl.releaseMemObject(MemorySegment.ofAddress(handle));
                }
            }, info.globalMemory() / 10 * 9));
            this.kernels = new Kernels(cl, context, info, queue);
        } catch (RuntimeException | Error e) {
            // nothing of a half-made backend outlives it
            if (q != null) {
                cl.releaseQueue(q);
            }
            cl.releaseContext(context);
            arena.close();
            throw e;
        }
    }

    /** The device this backend runs on. */
    public ClDevice info() {
        return info;
    }

    @Override
    public String description() {
        return "OpenCL " + info.describe();
    }

    @Override
    protected String deviceName() {
        return info.name();
    }

    @Override
    protected KernelSource source() {
        return KernelSource.OPENCL;
    }

    @Override
    protected Launch launch(String programKey, Supplier<String> source, String kernel) {
        return kernels.launch(programKey, source, kernel);
    }

    @Override
    protected long maxAllocation() {
        return info.maxAllocation();
    }

    private static MemorySegment mem(long handle) {
        return MemorySegment.ofAddress(handle);
    }

    @Override
    protected void zero(long buffer, long offset, long bytes) {
        cl.zero(queue, mem(buffer), offset, bytes, zeroPattern);
    }

    @Override
    protected void copyBuffer(long src, long srcOffset, long dst, long dstOffset, long bytes) {
        cl.copyBuffer(queue, mem(src), mem(dst), srcOffset, dstOffset, bytes);
    }

    @Override
    protected void writeBuffer(long buffer, long offset, MemorySegment host) {
        cl.writeBuffer(queue, mem(buffer), offset, host);
    }

    @Override
    protected void readBuffer(long buffer, long offset, MemorySegment host) {
        cl.readBuffer(queue, mem(buffer), offset, host);
    }

    @Override
    protected void synchronizeDevice() {
        cl.finish(queue);
    }

    @Override
    protected void releaseRuntime() {
        kernels.close();
        cl.releaseQueue(queue);
        cl.releaseContext(context);
        arena.close();
    }
}
