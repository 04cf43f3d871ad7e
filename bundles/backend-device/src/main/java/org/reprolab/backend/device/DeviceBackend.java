package org.reprolab.backend.device;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.function.Supplier;
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.BinaryOp;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.Device;
import org.reprolab.tensor.backend.ReduceOp;
import org.reprolab.tensor.backend.Storage;
import org.reprolab.tensor.backend.UnaryOp;
import org.reprolab.tensor.backend.View;

/**
 * The Backend SPI on one accelerator whose ops are the kernels of {@link KernelSource} (OpenCL C, compiled for
 * OpenCL or, through a dialect prelude, for CUDA): every op here is written once, as a kernel launch with its
 * arguments and geometry; a subclass supplies the device runtime – compiling programs, launching, copying and
 * zeroing buffers, its allocator – and may replace an op by a vendor library (CUDA's GEMM is cuBLAS).
 *
 * <p>Storages are device buffers from a {@link BufferPool}; ops are enqueued on one in-order stream and return at
 * once, so a training step runs on the device back to back; the host waits only in the {@code read*} calls and in
 * {@link #close}. Numbers follow the JVM backend's definitions (the reference): the same tie and NaN rules, the
 * same stable sort, the same counter-based random stream, sums accumulated in double where the device has fp64.
 * Calls are serialised on the backend.
 */
public abstract class DeviceBackend implements Backend {
    /** Work-group size of the row kernels (softmax, layer norm, tree reductions); WG in common.cl. */
    protected static final int ROW_GROUP = 128;
    /** Below this many items per output a reduction runs one item per output. */
    private static final int TREE_MIN_LENGTH = 256;

    private final Device device;
    private final String runtime;
    private final boolean fp64;
    private final int pointwiseGroup = 128;
    private BufferPool pool;
    private boolean closed;
    private long reads;
    private long writes;

    /**
     * @param device  the device runs name ({@code opencl:0}, {@code cuda:0})
     * @param runtime the runtime's name in messages ({@code OpenCL}, {@code CUDA})
     * @param fp64    whether the device computes in double (FLOAT64 tensors, double accumulators)
     */
    protected DeviceBackend(Device device, String runtime, boolean fp64) {
        this.device = device;
        this.runtime = runtime;
        this.fp64 = fp64;
    }

    /** Gives the backend its allocator; a subclass calls it once its context exists. */
    protected final void usePool(BufferPool pool) {
        this.pool = pool;
    }

    // ---- what a device runtime provides -----------------------------------------------------------------------

    /** A launch of {@code kernel} from the program {@code programKey}, compiled from {@code source} once. */
    protected abstract Launch launch(String programKey, Supplier<String> source, String kernel);

    /** The device's name, for messages. */
    protected abstract String deviceName();

    /** The largest single buffer the device allows, in bytes. */
    protected abstract long maxAllocation();

    /** Enqueues zeroing {@code bytes} bytes of {@code buffer} from byte {@code offset}. */
    protected abstract void zero(long buffer, long offset, long bytes);

    /** Enqueues a device-to-device copy of {@code bytes} bytes. */
    protected abstract void copyBuffer(long src, long srcOffset, long dst, long dstOffset, long bytes);

    /** Copies {@code host} into {@code buffer} at byte {@code offset} (the host segment may be freed after). */
    protected abstract void writeBuffer(long buffer, long offset, MemorySegment host);

    /** Copies from {@code buffer} at byte {@code offset} into {@code host}, waiting for earlier work. */
    protected abstract void readBuffer(long buffer, long offset, MemorySegment host);

    /** Waits until every enqueued op has run. */
    protected abstract void synchronizeDevice();

    /** Releases the runtime's objects (programs, streams, context) after the pool is closed. */
    protected abstract void releaseRuntime();

    // ---- shared --------------------------------------------------------------------------------------------

    @Override
    public Device device() {
        return device;
    }

    /** Whether FLOAT64 tensors can live here and sums accumulate in double. */
    public boolean fp64() {
        return fp64;
    }

    /** Waits until every enqueued kernel has run (for timing; reads wait by themselves). */
    public synchronized void finish() {
        open();
        synchronizeDevice();
    }

    /** How many host-to-device writes and device-to-host reads this backend has made: {writes, reads}. */
    public synchronized long[] transfers() {
        return new long[] {writes, reads};
    }

    /** Bytes held by live storages and by the idle pool. */
    public long[] memoryUsage() {
        return pool.usage();
    }

    /** Throws once the backend is closed. */
    protected final void open() {
        if (closed) {
            throw new IllegalStateException("the " + runtime + " backend on " + deviceName() + " is closed");
        }
    }

    /** The storage of {@code v}, which must belong to this backend. */
    protected final DeviceStorage s(View v) {
        return s(v.storage());
    }

    private DeviceStorage s(Storage storage) {
        if (storage instanceof DeviceStorage c && c.owner == this) {
            return c;
        }
        throw new IllegalArgumentException("storage " + storage + " does not belong to the " + runtime
                + " backend on " + device + "; move tensors with Tensor.to(backend) first");
    }

    private void requireFp64(DType dtype) {
        if (dtype == DType.FLOAT64 && !fp64) {
            throw new UnsupportedOperationException(runtime + " device " + deviceName() + " has no fp64: "
                    + "FLOAT64 tensors cannot live on it (use FLOAT32, or the JVM backend)");
        }
    }

    private Launch elem(DType dtype, String kernel) {
        requireFp64(dtype);
        return launch("elem:" + dtype, () -> source().elem(dtype, fp64), kernel);
    }

    /** A launch from the floating program of {@code dtype} (FLOAT32 or FLOAT64; {@code op} names the caller). */
    protected final Launch floating(DType dtype, String kernel, String op) {
        if (!dtype.isFloating()) {
            throw new IllegalArgumentException(runtime + " " + op + " takes FLOAT32 or FLOAT64 tensors, got " + dtype);
        }
        requireFp64(dtype);
        return launch("floating:" + dtype, () -> source().floating(dtype, fp64), kernel);
    }

    /** The kernel source in this runtime's dialect. */
    protected abstract KernelSource source();

    /** Whether the elem program of {@code dtype} computes in double. */
    private boolean computesInDouble(DType dtype) {
        return dtype != DType.FLOAT32 && fp64;
    }

    // ---- storage and host transfer -------------------------------------------------------------------------

    @Override
    public synchronized Storage allocate(DType dtype, int size) {
        open();
        requireFp64(dtype);
        if (size < 0) {
            throw new IllegalArgumentException("negative storage size " + size);
        }
        long bytes = (long) size * dtype.bytes();
        if (bytes > maxAllocation()) {
            throw new IllegalArgumentException("a " + dtype + " storage of " + size + " elements (" + bytes
                    + " bytes) exceeds the largest buffer " + runtime + " device " + deviceName() + " allows ("
                    + maxAllocation() + " bytes)");
        }
        DeviceStorage storage = pool.acquire(bytes, mem -> new DeviceStorage(this, mem, dtype, size));
        if (bytes > 0) {
            zero(storage.handle, 0, bytes);
        }
        return storage;
    }

    @Override
    public synchronized Storage allocateUninitialized(DType dtype, int size) {
        open();
        requireFp64(dtype);
        if (size < 0) {
            throw new IllegalArgumentException("negative storage size " + size);
        }
        long bytes = (long) size * dtype.bytes();
        if (bytes > maxAllocation()) {
            return allocate(dtype, size); // the same refusal, with its message
        }
        return scratch(dtype, size);
    }

    /** A scratch storage whose contents are undefined (no zero fill). */
    protected final DeviceStorage scratch(DType dtype, int size) {
        requireFp64(dtype);
        return pool.acquire((long) size * dtype.bytes(), mem -> new DeviceStorage(this, mem, dtype, size));
    }

    @Override
    public synchronized void write(Storage dst, int offset, double[] values) {
        upload(dst, offset, values.length, (host, dtype) -> {
            for (int k = 0; k < values.length; k++) {
                put(host, dtype, k, values[k]);
            }
        });
    }

    @Override
    public synchronized void write(Storage dst, int offset, float[] values) {
        upload(dst, offset, values.length, (host, dtype) -> {
            if (dtype == DType.FLOAT32) {
                MemorySegment.copy(values, 0, host, JAVA_FLOAT, 0, values.length);
            } else {
                for (int k = 0; k < values.length; k++) {
                    put(host, dtype, k, values[k]);
                }
            }
        });
    }

    @Override
    public synchronized void write(Storage dst, int offset, int[] values) {
        upload(dst, offset, values.length, (host, dtype) -> {
            if (dtype == DType.INT32) {
                MemorySegment.copy(values, 0, host, JAVA_INT, 0, values.length);
            } else {
                for (int k = 0; k < values.length; k++) {
                    put(host, dtype, k, values[k]);
                }
            }
        });
    }

    /** Fills a host staging buffer of {@code length} elements in the storage's dtype, then copies it over. */
    private void upload(Storage dst, int offset, int length, java.util.function.BiConsumer<MemorySegment, DType> fill) {
        open();
        DeviceStorage d = s(dst);
        checkRange(d, offset, length);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment host = a.allocate((long) length * d.dtype().bytes(), 8);
            fill.accept(host, d.dtype());
            upload(d, offset, host);
        }
    }

    private static void checkRange(DeviceStorage d, int offset, int length) {
        if (offset < 0 || (long) offset + length > d.size()) {
            throw new IndexOutOfBoundsException("writing " + length + " values at " + offset + " into " + d);
        }
    }

    /** Stores a value converted as the JVM backend's storages convert it. */
    private static void put(MemorySegment host, DType dtype, int k, double v) {
        switch (dtype) {
            case FLOAT32 -> host.setAtIndex(JAVA_FLOAT, k, (float) v);
            case FLOAT64 -> host.setAtIndex(JAVA_DOUBLE, k, v);
            case INT32 -> host.setAtIndex(JAVA_INT, k, (int) v);
            case BOOL -> host.setAtIndex(JAVA_INT, k, v != 0 ? 1 : 0);
        }
    }

    private void upload(DeviceStorage d, int offset, MemorySegment host) {
        if (host.byteSize() > 0) {
            writes++;
            writeBuffer(d.handle, (long) offset * d.dtype().bytes(), host);
        }
    }

    /** The view's elements in row-major order, in its own dtype's bytes (a blocking read). */
    private MemorySegment download(View src, Arena a) {
        DeviceStorage x = s(src);
        int n = src.numel();
        long bytes = (long) n * src.dtype().bytes();
        MemorySegment host = a.allocate(Math.max(bytes, 1), 8).asSlice(0, bytes);
        if (n == 0) {
            return host;
        }
        reads++;
        if (src.isContiguous()) {
            readBuffer(x.handle, (long) src.offset() * src.dtype().bytes(), host);
        } else {
            DeviceStorage tmp = scratch(src.dtype(), n);
            copy(src, View.contiguous(tmp, src.shape()));
            readBuffer(tmp.handle, 0, host);
            Reference.reachabilityFence(tmp);
        }
        return host;
    }

    @Override
    public synchronized float[] readFloats(View src) {
        open();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment host = download(src, a);
            float[] out = new float[src.numel()];
            switch (src.dtype()) {
                case FLOAT32 -> MemorySegment.copy(host, JAVA_FLOAT, 0, out, 0, out.length);
                case FLOAT64 -> {
                    for (int k = 0; k < out.length; k++) {
                        out[k] = (float) host.getAtIndex(JAVA_DOUBLE, k);
                    }
                }
                case INT32, BOOL -> {
                    for (int k = 0; k < out.length; k++) {
                        out[k] = host.getAtIndex(JAVA_INT, k);
                    }
                }
            }
            return out;
        }
    }

    @Override
    public synchronized double[] readDoubles(View src) {
        open();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment host = download(src, a);
            double[] out = new double[src.numel()];
            for (int k = 0; k < out.length; k++) {
                out[k] = switch (src.dtype()) {
                    case FLOAT32 -> host.getAtIndex(JAVA_FLOAT, k);
                    case FLOAT64 -> host.getAtIndex(JAVA_DOUBLE, k);
                    case INT32, BOOL -> host.getAtIndex(JAVA_INT, k);
                };
            }
            return out;
        }
    }

    @Override
    public synchronized int[] readInts(View src) {
        open();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment host = download(src, a);
            int[] out = new int[src.numel()];
            switch (src.dtype()) {
                case FLOAT32 -> {
                    for (int k = 0; k < out.length; k++) {
                        out[k] = (int) host.getAtIndex(JAVA_FLOAT, k);
                    }
                }
                case FLOAT64 -> {
                    for (int k = 0; k < out.length; k++) {
                        out[k] = (int) host.getAtIndex(JAVA_DOUBLE, k);
                    }
                }
                case INT32, BOOL -> MemorySegment.copy(host, JAVA_INT, 0, out, 0, out.length);
            }
            return out;
        }
    }

    @Override
    public synchronized void copy(View src, View dst) {
        open();
        int n = dst.numel();
        if (n == 0) {
            return;
        }
        DeviceStorage x = s(src);
        DeviceStorage y = s(dst);
        if (x != y && src.dtype() == dst.dtype() && src.isContiguous() && dst.isContiguous()) {
            long bytes = dst.dtype().bytes();
            copyBuffer(x.handle, src.offset() * bytes, y.handle, dst.offset() * bytes, n * bytes);
            return;
        }
        Layout lay = Layout.of(dst.shape(), src, dst);
        elem(dst.dtype(), "copy_from_" + src.dtype().name().toLowerCase(java.util.Locale.ROOT))
                .i(n).i(lay.rank()).ints(8, lay.shape())
                .mem(x).i(src.offset()).ints(8, lay.strides(0))
                .mem(y).i(dst.offset()).ints(8, lay.strides(1))
                .run1(n, pointwiseGroup);
    }

    @Override
    public synchronized void fill(View dst, double value) {
        open();
        int n = dst.numel();
        if (n == 0) {
            return;
        }
        Layout lay = Layout.of(dst.shape(), dst);
        Launch k = elem(dst.dtype(), "fill").i(n).i(lay.rank()).ints(8, lay.shape())
                .mem(s(dst)).i(dst.offset()).ints(8, lay.strides(0));
        (computesInDouble(dst.dtype()) ? k.d(value) : k.f((float) value)).run1(n, pointwiseGroup);
    }

    // ---- elementwise ---------------------------------------------------------------------------------------

    @Override
    public synchronized void unary(UnaryOp op, View x, View out) {
        open();
        int n = out.numel();
        if (n == 0) {
            return;
        }
        Layout lay = Layout.of(out.shape(), x, out);
        elem(out.dtype(), "unary").i(n).i(op.ordinal()).i(lay.rank()).ints(8, lay.shape())
                .mem(s(x)).i(x.offset()).ints(8, lay.strides(0))
                .mem(s(out)).i(out.offset()).ints(8, lay.strides(1))
                .run1(n, pointwiseGroup);
    }

    @Override
    public synchronized void binary(BinaryOp op, View a, View b, View out) {
        open();
        int n = out.numel();
        if (n == 0) {
            return;
        }
        String kernel;
        if (out.dtype() == a.dtype()) {
            kernel = "binary";
        } else if (out.dtype() == DType.BOOL) {
            kernel = "compare";
        } else {
            throw new IllegalArgumentException(runtime + " " + op + ": operands of " + a.dtype() + " into "
                    + out.dtype() + " (expected the operands' dtype or BOOL)");
        }
        Layout lay = Layout.of(out.shape(), a, b, out);
        elem(a.dtype(), kernel).i(n).i(op.ordinal()).i(lay.rank()).ints(8, lay.shape())
                .mem(s(a)).i(a.offset()).ints(8, lay.strides(0))
                .mem(s(b)).i(b.offset()).ints(8, lay.strides(1))
                .mem(s(out)).i(out.offset()).ints(8, lay.strides(2))
                .run1(n, pointwiseGroup);
    }

    @Override
    public synchronized void where(View cond, View a, View b, View out) {
        open();
        int n = out.numel();
        if (n == 0) {
            return;
        }
        if (cond.dtype() != DType.BOOL && cond.dtype() != DType.INT32) {
            throw new IllegalArgumentException(runtime + " where: the condition must be BOOL, got " + cond.dtype());
        }
        Layout lay = Layout.of(out.shape(), cond, a, b, out);
        elem(out.dtype(), "where_select").i(n).i(lay.rank()).ints(8, lay.shape())
                .mem(s(cond)).i(cond.offset()).ints(8, lay.strides(0))
                .mem(s(a)).i(a.offset()).ints(8, lay.strides(1))
                .mem(s(b)).i(b.offset()).ints(8, lay.strides(2))
                .mem(s(out)).i(out.offset()).ints(8, lay.strides(3))
                .run1(n, pointwiseGroup);
    }

    // ---- reductions ----------------------------------------------------------------------------------------

    /** INT32 and BOOL share a storage type; sums and running values of masks are computed as INT32. */
    private static DType lineType(DType dtype) {
        return dtype == DType.BOOL ? DType.INT32 : dtype;
    }

    @Override
    public synchronized void reduce(ReduceOp op, View x, int dim, View out) {
        open();
        int n = out.numel();
        if (n == 0) {
            return;
        }
        int len = x.shape()[dim];
        View rest = x.dropDim(dim);
        Layout lay = Layout.of(out.shape(), rest, out);
        boolean arg = op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN;
        boolean tree = len >= TREE_MIN_LENGTH && (long) n * len >= 1 << 16;
        Launch k = elem(lineType(x.dtype()), tree ? "reduce_tree" : "reduce_serial")
                .i(n).i(op.ordinal()).i(len).i(x.strides()[dim]).i(lay.rank()).ints(8, lay.shape())
                .mem(s(x)).i(x.offset()).ints(8, lay.strides(0))
                .mem(arg ? null : s(out)).mem(arg ? s(out) : null).i(out.offset()).ints(8, lay.strides(1));
        if (tree) {
            k.run(new long[] {(long) n * ROW_GROUP}, new long[] {ROW_GROUP});
        } else {
            k.run1(n, pointwiseGroup);
        }
    }

    @Override
    public synchronized void cumsum(View x, int dim, View out) {
        open();
        if (out.numel() == 0) {
            return;
        }
        View xLines = x.dropDim(dim);
        View yLines = out.dropDim(dim);
        Layout lay = Layout.of(yLines.shape(), xLines, yLines);
        int lines = lay.numel();
        elem(lineType(out.dtype()), "cumsum").i(lines).i(x.shape()[dim]).i(x.strides()[dim]).i(out.strides()[dim])
                .i(lay.rank()).ints(8, lay.shape())
                .mem(s(x)).i(x.offset()).ints(8, lay.strides(0))
                .mem(s(out)).i(out.offset()).ints(8, lay.strides(1))
                .run1(lines, pointwiseGroup);
    }

    // ---- matrix product ------------------------------------------------------------------------------------

    @Override
    public synchronized void matmul(View a, View b, View out) {
        open();
        if (a.dtype() != out.dtype() || b.dtype() != out.dtype()) {
            throw new IllegalArgumentException(runtime + " matmul: operands " + a.dtype() + " and " + b.dtype()
                    + " into " + out.dtype() + " (all three must match)");
        }
        int r = out.rank();
        int m = out.shape()[r - 2];
        int n = out.shape()[r - 1];
        int k = a.shape()[r - 1];
        if (m == 0 || n == 0) {
            return;
        }
        int[] batchShape = Arrays.copyOf(out.shape(), r - 2);
        Layout batch = Layout.of(batchShape, Arrays.copyOf(a.strides(), r - 2), Arrays.copyOf(b.strides(), r - 2));
        int batches = batch.numel();
        if (batches == 0) {
            return;
        }
        floating(out.dtype(), "matmul", "matmul").i(m).i(n).i(k).i(batch.rank()).ints(8, batch.shape())
                .mem(s(a)).i(a.offset()).ints(8, batch.strides(0)).i(a.strides()[r - 2]).i(a.strides()[r - 1])
                .mem(s(b)).i(b.offset()).ints(8, batch.strides(1)).i(b.strides()[r - 2]).i(b.strides()[r - 1])
                .mem(s(out)).i(out.offset())
                .run(new long[] {Launch.roundUp(n, 64) / 4, Launch.roundUp(m, 64) / 4, batches},
                        new long[] {16, 16, 1});
    }

    // ---- softmax -------------------------------------------------------------------------------------------

    @Override
    public synchronized void softmax(View x, View out, boolean log) {
        open();
        int cols = x.shape()[x.rank() - 1];
        if (x.numel() == 0) {
            return;
        }
        int rows = x.numel() / cols;
        floating(x.dtype(), "softmax", "softmax").i(cols).mem(s(x)).i(x.offset()).mem(s(out)).i(out.offset())
                .i(log ? 1 : 0).run(new long[] {(long) rows * ROW_GROUP}, new long[] {ROW_GROUP});
    }

    @Override
    public synchronized void softmaxBackward(View y, View g, View out, boolean log) {
        open();
        int cols = y.shape()[y.rank() - 1];
        if (y.numel() == 0) {
            return;
        }
        int rows = y.numel() / cols;
        floating(y.dtype(), "softmax_backward", "softmaxBackward").i(cols).mem(s(y)).i(y.offset())
                .mem(s(g)).i(g.offset()).mem(s(out)).i(out.offset()).i(log ? 1 : 0)
                .run(new long[] {(long) rows * ROW_GROUP}, new long[] {ROW_GROUP});
    }

    // ---- indexing ------------------------------------------------------------------------------------------

    @Override
    public synchronized void gather(View x, int dim, View index, View out) {
        open();
        int n = out.numel();
        if (n == 0) {
            return;
        }
        int[] source = x.strides().clone();
        source[dim] = 0;
        Layout lay = Layout.of(out.shape(), source, index.strides(), out.strides());
        elem(out.dtype(), "gather").i(n).i(x.strides()[dim]).i(lay.rank()).ints(8, lay.shape())
                .mem(s(x)).i(x.offset()).ints(8, lay.strides(0))
                .mem(s(index)).i(index.offset()).ints(8, lay.strides(1))
                .mem(s(out)).i(out.offset()).ints(8, lay.strides(2))
                .run1(n, pointwiseGroup);
    }

    @Override
    public synchronized void scatterAdd(View src, int dim, View index, View out) {
        open();
        if (src.numel() == 0) {
            return;
        }
        int[] target = out.strides().clone();
        target[dim] = 0;
        View lines = src.dropDim(dim);
        Layout lay = Layout.of(lines.shape(), lines.strides(), index.dropDim(dim).strides(),
                new View(out.storage(), src.shape(), target, out.offset()).dropDim(dim).strides());
        int n = lay.numel();
        elem(out.dtype(), "scatter_add").i(n).i(src.shape()[dim]).i(src.strides()[dim]).i(index.strides()[dim])
                .i(out.strides()[dim]).i(lay.rank()).ints(8, lay.shape())
                .mem(s(src)).i(src.offset()).ints(8, lay.strides(0))
                .mem(s(index)).i(index.offset()).ints(8, lay.strides(1))
                .mem(s(out)).i(out.offset()).ints(8, lay.strides(2))
                .run1(n, pointwiseGroup);
    }

    @Override
    public synchronized void sort(View x, boolean descending, View values, View indices) {
        open();
        int r = x.rank();
        int cols = x.shape()[r - 1];
        if (x.numel() == 0) {
            return;
        }
        int rows = x.numel() / cols;
        int padded = Integer.highestOneBit(cols) == cols ? cols : Integer.highestOneBit(cols) << 1;
        View xr = x.dropDim(r - 1);
        Layout lay = Layout.of(xr.shape(), xr, values.dropDim(r - 1), indices.dropDim(r - 1));
        long slots = (long) rows * padded;
        if (slots > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException(runtime + " sort: " + rows + " rows of " + cols + " are too many");
        }
        DeviceStorage keys = scratch(DType.INT32, (int) slots * 2);
        DType type = lineType(x.dtype());
        elem(type, "sort_keys").i((int) slots).i(cols).i(padded).i(descending ? 1 : 0).i(lay.rank())
                .ints(8, lay.shape()).mem(s(x)).i(x.offset()).ints(8, lay.strides(0)).i(x.strides()[r - 1])
                .mem(keys).run1(slots, pointwiseGroup);
        for (int k = 2; k <= padded; k <<= 1) {
            for (int j = k >> 1; j > 0; j >>= 1) {
                elem(type, "sort_step").i((int) slots).i(padded).i(j).i(k).mem(keys).run1(slots, pointwiseGroup);
            }
        }
        int n = rows * cols;
        elem(type, "sort_write").i(n).i(cols).i(padded).i(lay.rank()).ints(8, lay.shape())
                .mem(s(x)).i(x.offset()).ints(8, lay.strides(0)).i(x.strides()[r - 1])
                .mem(s(values)).i(values.offset()).ints(8, lay.strides(1)).i(values.strides()[r - 1])
                .mem(s(indices)).i(indices.offset()).ints(8, lay.strides(2)).i(indices.strides()[r - 1])
                .mem(keys).run1(n, pointwiseGroup);
        Reference.reachabilityFence(keys);
    }

    // ---- random --------------------------------------------------------------------------------------------

    @Override
    public synchronized void randomUniform(View out, long seed, long counter, double low, double high) {
        random("random_uniform", out, seed, counter, low, high);
    }

    @Override
    public synchronized void randomNormal(View out, long seed, long counter, double mean, double std) {
        random("random_normal", out, seed, counter, mean, std);
    }

    private void random(String kernel, View out, long seed, long counter, double p, double q) {
        open();
        int n = out.numel();
        if (n == 0) {
            return;
        }
        Launch k = elem(out.dtype(), kernel).i(n).mem(s(out)).i(out.offset()).l(seed).l(counter);
        (fp64 ? k.d(p).d(q) : k.f((float) p).f((float) q)).run1(n, pointwiseGroup);
    }

    // ---- convolution ---------------------------------------------------------------------------------------

    /** h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow: the int16 the convolution kernels take. */
    private static int[] geometry(int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw) {
        int oh = (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
        int ow = (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
        return new int[] {h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow};
    }

    @Override
    public synchronized void im2col(View x, int kh, int kw, int strideH, int strideW, int padH, int padW, int dilH,
                                    int dilW, View out) {
        open();
        int[] shape = x.shape();
        int[] geo = geometry(shape[2], shape[3], kh, kw, strideH, strideW, padH, padW, dilH, dilW);
        long total = (long) out.numel();
        floating(x.dtype(), "im2col", "im2col").i((int) total).i(shape[1]).ints(16, geo)
                .mem(s(x)).i(x.offset()).ints(4, x.strides())
                .mem(s(out)).i(out.offset()).i(out.strides()[0]).i(out.strides()[1])
                .run1(total, pointwiseGroup);
    }

    @Override
    public synchronized void col2im(View cols, int kh, int kw, int strideH, int strideW, int padH, int padW,
                                    int dilH, int dilW, View out) {
        open();
        int[] shape = out.shape();
        int[] geo = geometry(shape[2], shape[3], kh, kw, strideH, strideW, padH, padW, dilH, dilW);
        long total = (long) out.numel();
        floating(out.dtype(), "col2im", "col2im").i((int) total).i(shape[1]).ints(16, geo)
                .mem(s(cols)).i(cols.offset()).i(cols.strides()[0]).i(cols.strides()[1])
                .mem(s(out)).i(out.offset())
                .run1(total, pointwiseGroup);
    }

    @Override
    public synchronized void maxPool2d(View x, int kh, int kw, int strideH, int strideW, int padH, int padW,
                                       int dilH, int dilW, View out, View indices) {
        open();
        int[] shape = x.shape();
        int[] geo = geometry(shape[2], shape[3], kh, kw, strideH, strideW, padH, padW, dilH, dilW);
        long total = (long) out.numel();
        floating(x.dtype(), "max_pool", "maxPool2d").i((int) total).i(shape[1]).ints(16, geo)
                .mem(s(x)).i(x.offset()).ints(4, x.strides())
                .mem(s(out)).i(out.offset()).mem(s(indices)).i(indices.offset())
                .run1(total, pointwiseGroup);
    }

    // ---- normalisation and optimizer -----------------------------------------------------------------------

    @Override
    public synchronized void layerNorm(View x, View weight, View bias, double eps, View out, View mean, View rstd) {
        open();
        int n = x.shape()[x.rank() - 1];
        if (x.numel() == 0) {
            return;
        }
        int rows = x.numel() / n;
        floating(x.dtype(), "layer_norm", "layerNorm").i(n).acc(eps).mem(s(x)).i(x.offset())
                .mem(weight == null ? null : s(weight)).i(weight == null ? 0 : weight.offset())
                .mem(bias == null ? null : s(bias)).i(bias == null ? 0 : bias.offset())
                .mem(s(out)).i(out.offset()).mem(s(mean)).i(mean.offset()).mem(s(rstd)).i(rstd.offset())
                .run(new long[] {(long) rows * ROW_GROUP}, new long[] {ROW_GROUP});
    }

    @Override
    public synchronized void layerNormBackward(View g, View x, View weight, View mean, View rstd, View dx,
                                               View dWeight, View dBias) {
        open();
        int n = x.shape()[x.rank() - 1];
        if (x.numel() == 0) {
            return;
        }
        int rows = x.numel() / n;
        floating(x.dtype(), "layer_norm_dx", "layerNormBackward").i(n).mem(s(g)).i(g.offset())
                .mem(s(x)).i(x.offset())
                .mem(weight == null ? null : s(weight)).i(weight == null ? 0 : weight.offset())
                .mem(s(mean)).i(mean.offset()).mem(s(rstd)).i(rstd.offset()).mem(s(dx)).i(dx.offset())
                .run(new long[] {(long) rows * ROW_GROUP}, new long[] {ROW_GROUP});
        if (dWeight != null || dBias != null) {
            floating(x.dtype(), "layer_norm_affine", "layerNormBackward").i(n).i(rows).mem(s(g)).i(g.offset())
                    .mem(s(x)).i(x.offset()).mem(s(mean)).i(mean.offset()).mem(s(rstd)).i(rstd.offset())
                    .mem(dWeight == null ? null : s(dWeight)).i(dWeight == null ? 0 : dWeight.offset())
                    .mem(dBias == null ? null : s(dBias)).i(dBias == null ? 0 : dBias.offset())
                    .run1(n, pointwiseGroup);
        }
    }

    @Override
    public synchronized void adamStep(View p, View g, View m, View v, double beta1, double beta2, double stepSize,
                                      double epsHat) {
        open();
        int n = p.numel();
        if (n == 0) {
            return;
        }
        Launch k = floating(p.dtype(), "adam", "adamStep").i(n).mem(s(p)).i(p.offset())
                .mem(s(g)).i(g.offset()).mem(s(m)).i(m.offset()).mem(s(v)).i(v.offset());
        if (p.dtype() == DType.FLOAT64) {
            k.d(beta1).d(beta2).d(stepSize).d(epsHat);
        } else {
            k.f((float) beta1).f((float) beta2).f((float) stepSize).f((float) epsHat);
        }
        k.run1(n, pointwiseGroup);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Backends.unregister(this);
        try {
            synchronizeDevice();
        } finally {
            try {
                pool.close();
            } finally {
                releaseRuntime();
            }
        }
    }
}
