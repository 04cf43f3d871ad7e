package org.reprolab.backend.cuda.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * NVRTC, CUDA's run-time compiler, bound through FFM: compiles CUDA C++ source to a CUBIN for one GPU
 * architecture (or to PTX where this NVRTC cannot emit CUBINs). Found by {@link CudaLibraries}.
 */
final class Nvrtc {
    private final String library;
    private final MethodHandle version;
    private final MethodHandle createProgram;
    private final MethodHandle compileProgram;
    private final MethodHandle getProgramLogSize;
    private final MethodHandle getProgramLog;
    private final MethodHandle getCubinSize;
    private final MethodHandle getCubin;
    private final MethodHandle destroyProgram;
    private final MethodHandle getErrorString;

    private Nvrtc(NativeLibrary lib) {
        library = lib.name();
        version = lib.bind("nvrtcVersion", JAVA_INT, ADDRESS, ADDRESS);
        createProgram = lib.bind("nvrtcCreateProgram", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
        compileProgram = lib.bind("nvrtcCompileProgram", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        getProgramLogSize = lib.bind("nvrtcGetProgramLogSize", JAVA_INT, ADDRESS, ADDRESS);
        getProgramLog = lib.bind("nvrtcGetProgramLog", JAVA_INT, ADDRESS, ADDRESS);
        getCubinSize = lib.bind("nvrtcGetCUBINSize", JAVA_INT, ADDRESS, ADDRESS);
        getCubin = lib.bind("nvrtcGetCUBIN", JAVA_INT, ADDRESS, ADDRESS);
        destroyProgram = lib.bind("nvrtcDestroyProgram", JAVA_INT, ADDRESS);
        getErrorString = lib.bind("nvrtcGetErrorString", ADDRESS, JAVA_INT);
    }

    /** Finds and binds NVRTC; throws an IllegalStateException saying where it looked when it is missing. */
    static Nvrtc load() {
        String path = CudaLibraries.find("nvrtc").orElseThrow(() -> new IllegalStateException("CUDA: NVRTC "
                + "(libnvrtc.so) not found; install a CUDA toolkit or PyTorch's nvidia wheels, or point "
                + "REPROLAB_CUDA_LIBS at the folder holding libnvrtc.so.*"));
        preloadBuiltins(path);
        return new Nvrtc(NativeLibrary.open(path));
    }

    /**
     * NVRTC opens {@code libnvrtc-builtins.so.<major>.<minor>} by name at compile time; a copy already loaded from
     * the same folder is found by its soname even when that folder is not on the loader's path.
     */
    private static void preloadBuiltins(String nvrtcPath) {
        Path dir = Path.of(nvrtcPath).getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> builtins = s.filter(f -> f.getFileName().toString().matches("libnvrtc-builtins\\.so\\.[0-9.]+"))
                    .sorted().toList();
            for (Path b : builtins) {
                NativeLibrary.open(b.toString());
            }
        } catch (IOException | IllegalArgumentException e) {
            // compiling will say what is missing
        }
    }

    String library() {
        return library;
    }

    /** "major.minor". */
    String version() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment major = a.allocate(JAVA_INT);
            MemorySegment minor = a.allocate(JAVA_INT);
            check("nvrtcVersion", (int) version.invokeExact(major, minor));
            return major.get(JAVA_INT, 0) + "." + minor.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * Compiles {@code source} for {@code sm_<computeCapability>} with {@code options}; throws a CudaException
     * carrying the compiler's log when it fails.
     */
    byte[] compile(String name, String source, int computeCapability, List<String> options) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment prog = a.allocate(ADDRESS);
            check("nvrtcCreateProgram", (int) createProgram.invokeExact(prog, a.allocateFrom(source), a.allocateFrom(name),
                    0, MemorySegment.NULL, MemorySegment.NULL));
            MemorySegment program = prog.get(ADDRESS, 0);
            try {
                List<String> all = new java.util.ArrayList<>(options);
                all.addFirst("--gpu-architecture=sm_" + computeCapability);
                MemorySegment opts = a.allocate(ADDRESS, all.size());
                for (int i = 0; i < all.size(); i++) {
                    opts.setAtIndex(ADDRESS, i, a.allocateFrom(all.get(i)));
                }
                int rc = (int) compileProgram.invokeExact(program, all.size(), opts);
                if (rc != 0) {
                    throw new CudaException("nvrtcCompileProgram(" + name + ")", rc, errorName(rc), log(a, program));
                }
                MemorySegment size = a.allocate(JAVA_LONG);
                check("nvrtcGetCUBINSize", (int) getCubinSize.invokeExact(program, size));
                MemorySegment cubin = a.allocate(size.get(JAVA_LONG, 0));
                check("nvrtcGetCUBIN", (int) getCubin.invokeExact(program, cubin));
                return cubin.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            } finally {
                int ignored = (int) destroyProgram.invokeExact(prog);
            }
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    private String log(Arena a, MemorySegment program) throws Throwable {
        MemorySegment size = a.allocate(JAVA_LONG);
        if ((int) getProgramLogSize.invokeExact(program, size) != 0) {
            return "";
        }
        MemorySegment text = a.allocate(Math.max(1, size.get(JAVA_LONG, 0)));
        if ((int) getProgramLog.invokeExact(program, text) != 0) {
            return "";
        }
        String log = text.getString(0);
        return log.length() > 4000 ? log.substring(0, 4000) + "…" : log;
    }

    private void check(String call, int rc) {
        if (rc != 0) {
            throw new CudaException(call, rc, errorName(rc), null);
        }
    }

    private String errorName(int rc) {
        try {
            MemorySegment s = (MemorySegment) getErrorString.invokeExact(rc);
            return s.equals(MemorySegment.NULL) ? "NVRTC_ERROR_" + rc : s.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "NVRTC_ERROR_" + rc;
        }
    }
}
