package org.reprolab.tensor.jvm;

import java.util.concurrent.ForkJoinPool;

/** Placeholder reference GEMM (replaced by the blocked Vector API kernel). */
public final class Gemm {
    private Gemm() {
    }

    /** C = alpha * op(A) * op(B) + beta * C; row-major; op(X) = X or X^T; lda/ldb/ldc are row strides. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc, ForkJoinPool pool) {
        Parallel.forRange(pool, m, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                for (int j = 0; j < n; j++) {
                    float s = 0;
                    for (int p = 0; p < k; p++) {
                        float x = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                        float y = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                        s += x * y;
                    }
                    int ci = cOff + i * ldc + j;
                    c[ci] = beta == 0 ? alpha * s : alpha * s + beta * c[ci];
                }
            }
        });
    }

    /** Batched: batch independent GEMMs with element strides between consecutive matrices (stride 0 = broadcast). */
    public static void sgemmBatched(boolean transA, boolean transB, int batch, int m, int n, int k, float alpha,
                                    float[] a, int aOff, long strideA, int lda, float[] b, int bOff, long strideB,
                                    int ldb, float beta, float[] c, int cOff, long strideC, int ldc,
                                    ForkJoinPool pool) {
        for (int q = 0; q < batch; q++) {
            sgemm(transA, transB, m, n, k, alpha, a, (int) (aOff + q * strideA), lda, b, (int) (bOff + q * strideB),
                    ldb, beta, c, (int) (cOff + q * strideC), ldc, pool);
        }
    }
}
