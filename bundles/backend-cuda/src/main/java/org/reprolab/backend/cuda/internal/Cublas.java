package org.reprolab.backend.cuda.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * cuBLAS bound through FFM: a handle on one stream, and one strided-batched GEMM entry point
 * ({@code cublasGemmStridedBatchedEx}) whose data and compute types select FP64, exact FP32, TF32 or BF16
 * tensor-core arithmetic. Column-major, as cuBLAS is; {@link CudaBackend} maps row-major views onto it.
 */
final class Cublas {
    static final int OP_N = 0;
    static final int OP_T = 1;
    static final int R_32F = 0;
    static final int R_64F = 1;
    static final int R_16BF = 14;
    static final int COMPUTE_32F = 68;
    static final int COMPUTE_32F_PEDANTIC = 69;
    static final int COMPUTE_64F = 70;
    static final int COMPUTE_32F_FAST_16BF = 75;
    static final int COMPUTE_32F_FAST_TF32 = 77;
    private static final int GEMM_DEFAULT = -1;

    private final String library;
    private final MethodHandle create;
    private final MethodHandle destroy;
    private final MethodHandle setStream;
    private final MethodHandle getVersion;
    private final MethodHandle gemmStridedBatchedEx;

    private Cublas(NativeLibrary lib) {
        library = lib.name();
        create = lib.bind("cublasCreate_v2", JAVA_INT, ADDRESS);
        destroy = lib.bind("cublasDestroy_v2", JAVA_INT, ADDRESS);
        setStream = lib.bind("cublasSetStream_v2", JAVA_INT, ADDRESS, ADDRESS);
        getVersion = lib.bind("cublasGetVersion_v2", JAVA_INT, ADDRESS, ADDRESS);
        gemmStridedBatchedEx = lib.bind("cublasGemmStridedBatchedEx", JAVA_INT,
                ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, // handle, transa, transb, m, n, k
                ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG,         // alpha, A, Atype, lda, strideA
                JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG,                  // B, Btype, ldb, strideB
                ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG,         // beta, C, Ctype, ldc, strideC
                JAVA_INT, JAVA_INT, JAVA_INT);                             // batchCount, computeType, algo
    }

    /** Finds and binds cuBLAS (with its cuBLASLt beside it); throws saying where to get it when it is missing. */
    static Cublas load() {
        String path = CudaLibraries.find("cublas").orElseThrow(() -> new IllegalStateException("CUDA: cuBLAS "
                + "(libcublas.so) not found; install a CUDA toolkit or PyTorch's nvidia wheels, or point "
                + "REPROLAB_CUDA_LIBS at the folder holding libcublas.so.*"));
        Path file = Path.of(path);
        if (file.isAbsolute()) {
            // libcublas needs libcublasLt by soname: load the sibling first so the loader finds it already open
            String lt = file.getFileName().toString().replace("libcublas.", "libcublasLt.");
            Path sibling = file.resolveSibling(lt);
            if (Files.exists(sibling)) {
                NativeLibrary.open(sibling.toString());
            }
        }
        return new Cublas(NativeLibrary.open(path));
    }

    String library() {
        return library;
    }

    /** A handle for the current context, issuing its work on {@code stream}. */
    MemorySegment create(MemorySegment stream) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            check("cublasCreate_v2", (int) create.invokeExact(out));
            MemorySegment handle = out.get(ADDRESS, 0);
            check("cublasSetStream_v2", (int) setStream.invokeExact(handle, stream));
            return handle;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    void destroy(MemorySegment handle) {
        try {
            check("cublasDestroy_v2", (int) destroy.invokeExact(handle));
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** The library's version number (e.g. 130100). */
    int version(MemorySegment handle) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_INT);
            check("cublasGetVersion_v2", (int) getVersion.invokeExact(handle, v));
            return v.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** One column-major GEMM description: C = op(A)·op(B) per batch, pointers and strides in elements' bytes. */
    record Gemm(int transA, int transB, int m, int n, int k, long a, int lda, long strideA, long b, int ldb,
                long strideB, long c, int ldc, long strideC, int batches) {
    }

    /**
     * Runs {@code g} with data type {@code dataType} (R_32F or R_64F) and {@code computeType}; {@code one} and
     * {@code zero} hold alpha = 1 and beta = 0 in the scale type (float for 32F compute types, double for 64F).
     */
    void gemm(MemorySegment handle, Gemm g, int dataType, int computeType, MemorySegment one, MemorySegment zero) {
        gemm(handle, g, dataType, dataType, computeType, one, zero);
    }

    /** The same with separate input and output types (e.g. BF16 inputs, FP32 output) for benchmarks. */
    void gemm(MemorySegment handle, Gemm g, int inType, int outType, int computeType, MemorySegment one,
              MemorySegment zero) {
        try {
            int rc = (int) gemmStridedBatchedEx.invokeExact(handle, g.transA(), g.transB(), g.m(), g.n(), g.k(),
                    one, g.a(), inType, g.lda(), g.strideA(), g.b(), inType, g.ldb(), g.strideB(),
                    zero, g.c(), outType, g.ldc(), g.strideC(), g.batches(), computeType, GEMM_DEFAULT);
            check("cublasGemmStridedBatchedEx", rc);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    private static void check(String call, int status) {
        if (status != 0) {
            throw new CudaException(call, status, statusName(status), null);
        }
    }

    /** cublasStatus_t names. */
    static String statusName(int status) {
        return switch (status) {
            case 1 -> "CUBLAS_STATUS_NOT_INITIALIZED";
            case 3 -> "CUBLAS_STATUS_ALLOC_FAILED";
            case 7 -> "CUBLAS_STATUS_INVALID_VALUE";
            case 8 -> "CUBLAS_STATUS_ARCH_MISMATCH";
            case 11 -> "CUBLAS_STATUS_MAPPING_ERROR";
            case 13 -> "CUBLAS_STATUS_EXECUTION_FAILED";
            case 14 -> "CUBLAS_STATUS_INTERNAL_ERROR";
            case 15 -> "CUBLAS_STATUS_NOT_SUPPORTED";
            case 16 -> "CUBLAS_STATUS_LICENSE_ERROR";
            default -> "CUBLAS_STATUS_" + status;
        };
    }
}
