package org.reprolab.backend.cuda.internal;

import java.util.Arrays;
import org.reprolab.backend.device.Layout;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.View;

/**
 * Maps a row-major matrix product onto one column-major cuBLAS call. Row-major C = A·B is column-major
 * Cᵀ = Bᵀ·Aᵀ, so cuBLAS gets B first. An operand whose last two dimensions are row-major (column stride 1) is
 * handed over as is (op N), a column-major one (row stride 1, e.g. a transposed view) with op T; the batch
 * dimensions must collapse to one stride per operand (0 for a broadcast operand), and C must be row-major.
 */
final class GemmPlan {
    private GemmPlan() {
    }

    /**
     * The cuBLAS call computing row-major {@code out = a·b}, given the device addresses of the three storages, or
     * null when the views do not fit one.
     */
    static Cublas.Gemm of(View a, View b, View out, long aBase, long bBase, long outBase) {
        DType t = out.dtype();
        if (!t.isFloating() || a.dtype() != t || b.dtype() != t) {
            return null;
        }
        int r = out.rank();
        int m = out.shape()[r - 2];
        int n = out.shape()[r - 1];
        int k = a.shape()[r - 1];
        if (m == 0 || n == 0 || k == 0) {
            return null;
        }
        // cuBLAS's view of the operands: Bᵀ (n × k) first, then Aᵀ (k × m); C stored as Cᵀ (n × m)
        int[] opB = operand(b, k, n);
        int[] opA = operand(a, m, k);
        int cs = out.strides()[r - 1];
        int rs = out.strides()[r - 2];
        if (opA == null || opB == null || !(cs == 1 && (rs >= n || m == 1))) {
            return null;
        }
        int ldc = Math.max(rs, n);
        int[] batchShape = Arrays.copyOf(out.shape(), r - 2);
        Layout batch = Layout.of(batchShape, Arrays.copyOf(a.strides(), r - 2), Arrays.copyOf(b.strides(), r - 2),
                Arrays.copyOf(out.strides(), r - 2));
        if (batch.numel() == 0) {
            return null;
        }
        boolean single = batch.numel() == 1;
        if (!single && batch.rank() > 1) {
            return null;
        }
        long bytes = t.bytes();
        long strideA = single ? 0 : batch.strides(0)[0];
        long strideB = single ? 0 : batch.strides(1)[0];
        long strideC = single ? 0 : batch.strides(2)[0];
        if (!single && strideC < (long) (m - 1) * ldc + n) {
            return null; // batches of C would overlap
        }
        return new Cublas.Gemm(opB[0], opA[0], n, m, k,
                bBase + b.offset() * bytes, opB[1], strideB,
                aBase + a.offset() * bytes, opA[1], strideA,
                outBase + out.offset() * bytes, ldc, strideC,
                batch.numel());
    }

    /**
     * For a row-major operand X (rows × cols) of a product, cuBLAS needs Xᵀ column-major: {op, ld}, or null when
     * the view is neither row- nor column-major in its last two dimensions.
     */
    private static int[] operand(View x, int rows, int cols) {
        int r = x.rank();
        int rs = x.strides()[r - 2];
        int cs = x.strides()[r - 1];
        if ((cs == 1 || cols == 1) && rs >= Math.max(1, cols)) {
            return new int[] {Cublas.OP_N, rs};
        }
        if ((rs == 1 || rows == 1) && cs >= Math.max(1, rows)) {
            return new int[] {Cublas.OP_T, cs};
        }
        return null;
    }
}
