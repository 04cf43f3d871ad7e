package org.reprolab.backend.opencl.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.reprolab.backend.device.DeviceStorage;

/**
 * Programs compiled once per device and source (built on first use, then cached for the backend's lifetime),
 * their kernels, and launching them. Not thread-safe: the backend serialises launches, since a kernel object's
 * arguments are shared state.
 */
final class Kernels implements AutoCloseable {
    private static final String BUILD_OPTIONS = "-cl-std=CL1.2";

    private final Cl cl;
    private final MemorySegment context;
    private final ClDevice device;
    private final MemorySegment queue;
    private final Map<String, MemorySegment> programs = new HashMap<>();
    private final Map<String, MemorySegment> kernels = new HashMap<>();
    private final Arena arena = Arena.ofShared();
    /** Argument values are staged here: clSetKernelArg copies them, so one slot serves every argument. */
    private final MemorySegment slot = arena.allocate(64, 64);
    private final MemorySegment sizes = arena.allocate(JAVA_LONG, 6);

    Kernels(Cl cl, MemorySegment context, ClDevice device, MemorySegment queue) {
        this.cl = cl;
        this.context = context;
        this.device = device;
        this.queue = queue;
    }

    /** A launch of kernel {@code name} from the program {@code programKey} (built from {@code source} once). */
    Launch launch(String programKey, Supplier<String> source, String name) {
        String key = programKey + "/" + name;
        MemorySegment kernel = kernels.get(key);
        if (kernel == null) {
            MemorySegment program = programs.get(programKey);
            if (program == null) {
                program = cl.buildProgram(context, device.handle(), source.get(), BUILD_OPTIONS);
                programs.put(programKey, program);
            }
            kernel = cl.createKernel(program, name);
            kernels.put(key, kernel);
        }
        return new Launch(kernel, key);
    }

    /** Arguments in order, then {@link #run1} or {@link #run}. */
    final class Launch implements org.reprolab.backend.device.Launch {
        private final MemorySegment kernel;
        private final String name;
        private int index;

        private Launch(MemorySegment kernel, String name) {
            this.kernel = kernel;
            this.name = name;
        }

        @Override
        public Launch i(int value) {
            slot.set(JAVA_INT, 0, value);
            return set(4);
        }

        @Override
        public Launch l(long value) {
            slot.set(JAVA_LONG, 0, value);
            return set(8);
        }

        @Override
        public Launch f(float value) {
            slot.set(JAVA_FLOAT, 0, value);
            return set(4);
        }

        @Override
        public Launch d(double value) {
            slot.set(JAVA_DOUBLE, 0, value);
            return set(8);
        }

        /** A value of the accumulation type A: double where the device has fp64, else float. */
        @Override
        public Launch acc(double value) {
            return device.fp64() ? d(value) : f((float) value);
        }

        /** An OpenCL int vector (int4, int8 or int16) holding {@code values}, zero-padded to {@code lanes}. */
        @Override
        public Launch ints(int lanes, int... values) {
            if (values.length > lanes) {
                throw new IllegalArgumentException(name + ": " + values.length + " values for an int" + lanes);
            }
            for (int k = 0; k < lanes; k++) {
                slot.set(JAVA_INT, 4L * k, k < values.length ? values[k] : 0);
            }
            return set(4L * lanes);
        }

        /** A buffer argument; null passes a NULL pointer. */
        @Override
        public Launch mem(DeviceStorage storage) {
            slot.set(ADDRESS, 0, storage == null ? MemorySegment.NULL : MemorySegment.ofAddress(storage.handle()));
            return set(ADDRESS.byteSize());
        }

        private Launch set(long bytes) {
            cl.setKernelArg(kernel, index++, bytes, slot);
            return this;
        }

        @Override
        public void run(long[] global, long[] local) {
            for (int d = 0; d < global.length; d++) {
                sizes.setAtIndex(JAVA_LONG, d, global[d]);
                if (local != null) {
                    sizes.setAtIndex(JAVA_LONG, 3 + d, local[d]);
                }
            }
            cl.enqueueKernel(queue, kernel, name, sizes, local == null ? null : sizes.asSlice(24), global.length);
        }
    }

    @Override
    public void close() {
        kernels.values().forEach(cl::releaseKernel);
        programs.values().forEach(cl::releaseProgram);
        kernels.clear();
        programs.clear();
        arena.close();
    }
}
