package org.reprolab.tensor.jvm;

import java.util.concurrent.ForkJoinPool;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.View;

/**
 * Batched matrix products over strided views. A float32 operand whose last two dimensions are row-major or
 * transposed goes to {@link Gemm} as is (the transpose is absorbed by packing); anything else is copied to
 * row-major first. Many small matrices are spread over the threads one matrix per task; large ones let
 * {@link Gemm} split each product.
 */
final class MatMul {
    private MatMul() {
    }

    static void run(View a, View b, View out, ForkJoinPool pool) {
        int r = out.rank();
        int m = out.shape()[r - 2];
        int n = out.shape()[r - 1];
        int k = a.shape()[r - 1];
        int batch = out.numel() / Math.max(1, m * n);
        if (a.dtype() != DType.FLOAT32 || b.dtype() != DType.FLOAT32 || out.dtype() != DType.FLOAT32) {
            generic(a, b, out, batch, m, n, k);
            return;
        }
        View av = gemmReady(a);
        View bv = gemmReady(b);
        boolean ta = av.strides()[r - 1] != 1 || (av.strides()[r - 2] == 1 && a.shape()[r - 1] == 1 && m > 1);
        boolean tb = bv.strides()[r - 1] != 1 || (bv.strides()[r - 2] == 1 && b.shape()[r - 1] == 1 && k > 1);
        int lda = leading(av, ta);
        int ldb = leading(bv, tb);
        float[] af = ((JvmStorage) av.storage()).f;
        float[] bf = ((JvmStorage) bv.storage()).f;
        float[] cf = ((JvmStorage) out.storage()).f;
        int[] aOff = batchOffsets(av, batch);
        int[] bOff = batchOffsets(bv, batch);
        int cOff = out.offset();
        long flopsEach = 2L * m * n * k;
        if (batch > 1 && flopsEach < (1 << 22) && pool != null) {
            Parallel.forRange(pool, batch, (lo, hi) -> {
                for (int q = lo; q < hi; q++) {
                    Gemm.sgemm(ta, tb, m, n, k, 1f, af, aOff[q], lda, bf, bOff[q], ldb, 0f, cf, cOff + q * m * n, n,
                            null);
                }
            });
        } else {
            for (int q = 0; q < batch; q++) {
                Gemm.sgemm(ta, tb, m, n, k, 1f, af, aOff[q], lda, bf, bOff[q], ldb, 0f, cf, cOff + q * m * n, n,
                        pool);
            }
        }
    }

    /** The view itself when its matrix dimensions have a unit stride on one side, else a row-major copy. */
    private static View gemmReady(View v) {
        int r = v.rank();
        int rows = v.shape()[r - 2];
        int cols = v.shape()[r - 1];
        int sr = v.strides()[r - 2];
        int sc = v.strides()[r - 1];
        if ((sc == 1 && (sr >= cols || rows == 1)) || (sr == 1 && (sc >= rows || cols == 1))) {
            return v;
        }
        JvmStorage copy = new JvmStorage(DType.FLOAT32, v.numel());
        View dst = View.contiguous(copy, v.shape());
        Strided.of(dst, v).forEachRow(null, (o, st, n) -> {
            float[] src = ((JvmStorage) v.storage()).f;
            for (int j = 0; j < n; j++) {
                copy.f[o[0] + j * st[0]] = src[o[1] + j * st[1]];
            }
        });
        return dst;
    }

    private static int leading(View v, boolean transposed) {
        int r = v.rank();
        int ld = transposed ? v.strides()[r - 1] : v.strides()[r - 2];
        int minimum = transposed ? v.shape()[r - 2] : v.shape()[r - 1];
        return Math.max(ld, Math.max(1, minimum));
    }

    /** The offset of each batch's matrix, in row-major batch order. */
    private static int[] batchOffsets(View v, int batch) {
        int r = v.rank();
        int[] offsets = new int[batch];
        for (int q = 0; q < batch; q++) {
            int rem = q;
            int off = v.offset();
            for (int d = r - 3; d >= 0; d--) {
                int idx = rem % v.shape()[d];
                rem /= v.shape()[d];
                off += idx * v.strides()[d];
            }
            offsets[q] = off;
        }
        return offsets;
    }

    private static void generic(View a, View b, View out, int batch, int m, int n, int k) {
        JvmStorage as = (JvmStorage) a.storage();
        JvmStorage bs = (JvmStorage) b.storage();
        JvmStorage cs = (JvmStorage) out.storage();
        int r = out.rank();
        int[] aOff = batchOffsets(a, batch);
        int[] bOff = batchOffsets(b, batch);
        int[] cOff = batchOffsets(out, batch);
        int am = a.strides()[r - 2];
        int ak = a.strides()[r - 1];
        int bk = b.strides()[r - 2];
        int bn = b.strides()[r - 1];
        int cm = out.strides()[r - 2];
        int cn = out.strides()[r - 1];
        for (int q = 0; q < batch; q++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double acc = 0;
                    for (int p = 0; p < k; p++) {
                        acc += as.get(aOff[q] + i * am + p * ak) * bs.get(bOff[q] + p * bk + j * bn);
                    }
                    cs.set(cOff[q] + i * cm + j * cn, acc);
                }
            }
        }
    }
}
