package org.reprolab.backend.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.Storage;
import org.reprolab.tensor.backend.View;
import org.reprolab.tensor.jvm.JvmBackend;

/**
 * The row-major to column-major mapping, checked without a GPU: the planned cuBLAS call is executed by a
 * reference column-major GEMM written from cuBLAS's documented semantics (op, leading dimension, batch stride)
 * over the storages' elements, and must give what the JVM backend's matmul gives.
 */
class GemmPlanTest {
    private static final long A_BASE = 1L << 40;
    private static final long B_BASE = 2L << 40;
    private static final long C_BASE = 3L << 40;
    private final JvmBackend jvm = new JvmBackend(1);
    private final Random random = new Random(5);

    private Storage filled(int size) {
        Storage s = jvm.allocate(DType.FLOAT64, size);
        double[] v = new double[size];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(9) - 4;
        }
        jvm.write(s, 0, v);
        return s;
    }

    /** cuBLAS's strided-batched GEMM on element arrays (pointers are base + element index × 8). */
    private static void columnMajorGemm(Cublas.Gemm g, double[] a, double[] b, double[] c) {
        for (int p = 0; p < g.batches(); p++) {
            for (int i = 0; i < g.m(); i++) {
                for (int j = 0; j < g.n(); j++) {
                    double sum = 0;
                    for (int l = 0; l < g.k(); l++) {
                        long ai = index(g.a(), A_BASE) + p * g.strideA()
                                + (g.transA() == Cublas.OP_N ? i + (long) l * g.lda() : l + (long) i * g.lda());
                        long bi = index(g.b(), B_BASE) + p * g.strideB()
                                + (g.transB() == Cublas.OP_N ? l + (long) j * g.ldb() : j + (long) l * g.ldb());
                        sum += a[(int) ai] * b[(int) bi];
                    }
                    c[(int) (index(g.c(), C_BASE) + p * g.strideC() + i + (long) j * g.ldc())] = sum;
                }
            }
        }
    }

    private static long index(long pointer, long base) {
        return (pointer - base) / 8;
    }

    /** Plans out = a·b, runs the plan on the reference GEMM and compares the output storage with the JVM's. */
    private void check(View a, View b, View out) {
        // cuBLAS's first operand is B, its second A: the plan's "a" pointer must come from B's storage
        Cublas.Gemm g = GemmPlan.of(a, b, out, A_BASE, B_BASE, C_BASE);
        assertNotNull(g, "expected a cuBLAS plan");
        Cublas.Gemm swapped = new Cublas.Gemm(g.transA(), g.transB(), g.m(), g.n(), g.k(),
                g.a() - B_BASE + A_BASE, g.lda(), g.strideA(), g.b() - A_BASE + B_BASE, g.ldb(), g.strideB(),
                g.c(), g.ldc(), g.strideC(), g.batches());
        double[] av = jvm.readDoubles(View.contiguous(a.storage(), new int[] {a.storage().size()}));
        double[] bv = jvm.readDoubles(View.contiguous(b.storage(), new int[] {b.storage().size()}));
        double[] cv = new double[out.storage().size()];
        columnMajorGemm(swapped, bv, av, cv);
        Storage expected = jvm.allocate(DType.FLOAT64, out.storage().size());
        jvm.matmul(a, b, new View(expected, out.shape(), out.strides(), out.offset()));
        assertArrayEquals(jvm.readDoubles(View.contiguous(expected, new int[] {expected.size()})), cv);
    }

    @Test
    void rowMajorOperands() {
        check(View.contiguous(filled(12), new int[] {3, 4}), View.contiguous(filled(20), new int[] {4, 5}),
                View.contiguous(jvm.allocate(DType.FLOAT64, 15), new int[] {3, 5}));
    }

    @Test
    void transposedOperandsWithOffsetsAndPaddedRows() {
        // A is the transpose of a 4×3 matrix stored with row length 6, starting at element 2
        View a = new View(filled(2 + 4 * 6), new int[] {3, 4}, new int[] {1, 6}, 2);
        // B is the transpose of a 5×4 row-major matrix
        View b = new View(filled(20), new int[] {4, 5}, new int[] {1, 4}, 0);
        // C rows padded to 7, starting at element 1
        View c = new View(jvm.allocate(DType.FLOAT64, 1 + 3 * 7), new int[] {3, 5}, new int[] {7, 1}, 1);
        check(a, b, c);
    }

    @Test
    void batchedAndBroadcastOperands() {
        View a = View.contiguous(filled(2 * 3 * 4), new int[] {2, 3, 4});
        // one B shared by both batches (batch stride 0)
        View b = new View(filled(20), new int[] {2, 4, 5}, new int[] {0, 5, 1}, 0);
        View c = View.contiguous(jvm.allocate(DType.FLOAT64, 2 * 3 * 5), new int[] {2, 3, 5});
        check(a, b, c);
    }

    @Test
    void vectorShapes() {
        check(View.contiguous(filled(4), new int[] {1, 4}), View.contiguous(filled(4), new int[] {4, 1}),
                View.contiguous(jvm.allocate(DType.FLOAT64, 1), new int[] {1, 1}));
    }

    @Test
    void layoutsCuBlasCannotTakeFallBackToTheKernel() {
        View a = View.contiguous(filled(12), new int[] {3, 4});
        View b = View.contiguous(filled(20), new int[] {4, 5});
        // a column-strided output
        assertNull(GemmPlan.of(a, b, new View(jvm.allocate(DType.FLOAT64, 30), new int[] {3, 5}, new int[] {1, 6}, 0),
                A_BASE, B_BASE, C_BASE));
        // an operand with no unit stride
        assertNull(GemmPlan.of(new View(filled(24), new int[] {3, 4}, new int[] {8, 2}, 0), b,
                View.contiguous(jvm.allocate(DType.FLOAT64, 15), new int[] {3, 5}), A_BASE, B_BASE, C_BASE));
        // integer products
        Storage ints = jvm.allocate(DType.INT32, 20);
        assertNull(GemmPlan.of(View.contiguous(jvm.allocate(DType.INT32, 12), new int[] {3, 4}),
                View.contiguous(ints, new int[] {4, 5}), View.contiguous(jvm.allocate(DType.INT32, 15), new int[] {3, 5}),
                A_BASE, B_BASE, C_BASE));
    }
}
