package org.reprolab.backend.cuda.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.reprolab.backend.device.DeviceStorage;
import org.reprolab.backend.device.Launch;

/**
 * Modules compiled by NVRTC from the shared kernel source, their functions, and launching them on one stream.
 * CUBINs are cached per architecture and source hash for the process (a second backend on the same kind of GPU
 * compiles nothing), modules per backend. Not thread-safe: the backend serialises launches.
 */
final class CudaKernels implements AutoCloseable {
    /** NVRTC options: C++17, and no fused multiply-adds the source does not write (as Java rounds). */
    static final List<String> OPTIONS = List.of("--std=c++17", "--fmad=false");
    private static final Map<String, byte[]> CUBINS = new ConcurrentHashMap<>();
    private static final int MAX_ARGS = 48;

    private final Cuda cuda;
    private final Nvrtc nvrtc;
    private final CudaDevice device;
    private final MemorySegment stream;
    private final Map<String, MemorySegment> modules = new HashMap<>();
    private final Map<String, MemorySegment> functions = new HashMap<>();
    private final Arena arena = Arena.ofShared();
    /** Argument values, 16-byte aligned slots of 64 bytes; params holds a pointer to each. */
    private final MemorySegment values = arena.allocate(64L * MAX_ARGS, 16);
    private final MemorySegment params = arena.allocate(ADDRESS, MAX_ARGS);

    CudaKernels(Cuda cuda, Nvrtc nvrtc, CudaDevice device, MemorySegment stream) {
        this.cuda = cuda;
        this.nvrtc = nvrtc;
        this.device = device;
        this.stream = stream;
        for (int i = 0; i < MAX_ARGS; i++) {
            params.setAtIndex(ADDRESS, i, values.asSlice(64L * i, 64));
        }
    }

    /** A launch of {@code name} from program {@code programKey}, compiled from {@code source} on first use. */
    Launch launch(String programKey, Supplier<String> source, String name) {
        String key = programKey + "/" + name;
        MemorySegment function = functions.get(key);
        if (function == null) {
            MemorySegment module = modules.get(programKey);
            if (module == null) {
                byte[] cubin = cubin(programKey, source.get());
                try (Arena a = Arena.ofConfined()) {
                    MemorySegment image = a.allocate(cubin.length + 1L, 16);
                    MemorySegment.copy(cubin, 0, image, JAVA_BYTE, 0, cubin.length);
                    module = cuda.loadModule(image);
                }
                modules.put(programKey, module);
            }
            function = cuda.function(module, name);
            functions.put(key, function);
        }
        return new CuLaunch(function, name);
    }

    private byte[] cubin(String programKey, String source) {
        String key = device.architecture() + ":" + sha256(source);
        return CUBINS.computeIfAbsent(key, k -> nvrtc.compile(programKey.replace(':', '_') + ".cu", source,
                device.architecture(), OPTIONS));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Arguments go into consecutive value slots; cuLaunchKernel copies them, so the slots are reused. */
    private final class CuLaunch implements Launch {
        private final MemorySegment function;
        private final String name;
        private int index;

        CuLaunch(MemorySegment function, String name) {
            this.function = function;
            this.name = name;
        }

        private MemorySegment slot() {
            if (index == MAX_ARGS) {
                throw new IllegalStateException(name + ": more than " + MAX_ARGS + " kernel arguments");
            }
            return values.asSlice(64L * index++, 64);
        }

        @Override
        public Launch i(int value) {
            slot().set(JAVA_INT, 0, value);
            return this;
        }

        @Override
        public Launch l(long value) {
            slot().set(JAVA_LONG, 0, value);
            return this;
        }

        @Override
        public Launch f(float value) {
            slot().set(JAVA_FLOAT, 0, value);
            return this;
        }

        @Override
        public Launch d(double value) {
            slot().set(JAVA_DOUBLE, 0, value);
            return this;
        }

        @Override
        public Launch acc(double value) {
            return d(value); // every CUDA device has fp64: the accumulation type A is double
        }

        @Override
        public Launch ints(int lanes, int... v) {
            if (v.length > lanes) {
                throw new IllegalArgumentException(name + ": " + v.length + " values for an int" + lanes);
            }
            MemorySegment s = slot();
            for (int k = 0; k < lanes; k++) {
                s.set(JAVA_INT, 4L * k, k < v.length ? v[k] : 0);
            }
            return this;
        }

        @Override
        public Launch mem(DeviceStorage storage) {
            slot().set(JAVA_LONG, 0, storage == null ? 0L : storage.handle());
            return this;
        }

        @Override
        public void run(long[] global, long[] local) {
            int[] grid = {1, 1, 1};
            int[] block = {1, 1, 1};
            for (int d = 0; d < global.length; d++) {
                long l = local != null ? local[d] : (d == 0 ? Math.min(256, global[d]) : 1);
                long g = (global[d] + l - 1) / l;
                if (g > Integer.MAX_VALUE || (d > 0 && g > 65535)) {
                    throw new IllegalArgumentException(name + ": " + global[d] + " work items in dimension " + d
                            + " exceed a CUDA grid");
                }
                grid[d] = (int) g;
                block[d] = (int) l;
            }
            cuda.launch(name, function, grid, block, stream, params);
            index = 0;
        }
    }

    @Override
    public void close() {
        modules.values().forEach(cuda::unloadModule);
        modules.clear();
        functions.clear();
        arena.close();
    }
}
