package org.reprolab.tensor.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.reprolab.tensor.backend.View;

/**
 * Walks the index space shared by up to three views row by row: dimensions that are laid out alike in every
 * view are merged first, so contiguous tensors become one long row. Large walks are split into fixed chunks
 * over the pool; each element is written by exactly one task, so the split never changes a result.
 */
final class Strided {
    /** Below this many elements a walk stays on the calling thread. */
    static final int PARALLEL_THRESHOLD = 1 << 15;

    @FunctionalInterface
    interface Row {
        /** Processes n elements starting at the given offsets with the given inner strides. */
        void run(int[] offsets, int[] innerStrides, int n);
    }

    private final int[] shape;
    private final int[][] strides;
    private final int[] offsets;

    private Strided(int[] shape, int[][] strides, int[] offsets) {
        this.shape = shape;
        this.strides = strides;
        this.offsets = offsets;
    }

    static Strided of(View... views) {
        int[] shape = views[0].shape();
        int k = views.length;
        List<Integer> dims = new ArrayList<>();
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] != 1) {
                dims.add(d);
            }
        }
        // merge dimension j into the one after it when every view steps through them as one
        List<int[]> mergedShape = new ArrayList<>();
        List<int[][]> mergedStrides = new ArrayList<>();
        for (int d : dims) {
            int[] st = new int[k];
            for (int v = 0; v < k; v++) {
                st[v] = views[v].strides()[d];
            }
            if (!mergedShape.isEmpty()) {
                int last = mergedShape.size() - 1;
                int[][] prev = mergedStrides.get(last);
                boolean merge = true;
                for (int v = 0; v < k; v++) {
                    if (prev[0][v] != st[v] * shape[d]) {
                        merge = false;
                        break;
                    }
                }
                if (merge) {
                    mergedShape.get(last)[0] *= shape[d];
                    mergedStrides.set(last, new int[][] {st});
                    continue;
                }
            }
            mergedShape.add(new int[] {shape[d]});
            mergedStrides.add(new int[][] {st});
        }
        int r = mergedShape.size();
        int[] s = new int[Math.max(r, 1)];
        int[][] strides = new int[k][Math.max(r, 1)];
        if (r == 0) {
            s[0] = 1;
        }
        for (int d = 0; d < r; d++) {
            s[d] = mergedShape.get(d)[0];
            for (int v = 0; v < k; v++) {
                strides[v][d] = mergedStrides.get(d)[0][v];
            }
        }
        int[] offsets = new int[k];
        for (int v = 0; v < k; v++) {
            offsets[v] = views[v].offset();
        }
        return new Strided(s, strides, offsets);
    }

    /** Runs the walk, in parallel chunks when it is large and a pool is given. */
    void forEachRow(ForkJoinPool pool, Row row) {
        int rank = shape.length;
        int inner = shape[rank - 1];
        int rows = 1;
        for (int d = 0; d < rank - 1; d++) {
            rows *= shape[d];
        }
        long total = (long) rows * inner;
        int k = offsets.length;
        int[] innerStrides = new int[k];
        for (int v = 0; v < k; v++) {
            innerStrides[v] = strides[v][rank - 1];
        }
        int tasks = pool == null || total < PARALLEL_THRESHOLD ? 1 : pool.getParallelism();
        if (tasks == 1) {
            rowsRange(0, rows, 0, inner, innerStrides, row);
            return;
        }
        if (rows >= tasks) {
            Parallel.forRange(pool, rows, (lo, hi) -> rowsRange(lo, hi, 0, inner, innerStrides, row));
        } else {
            // few long rows: split each row into column chunks
            final int r = rows;
            Parallel.forRange(pool, inner, (lo, hi) -> {
                for (int q = 0; q < r; q++) {
                    rowsRange(q, q + 1, lo, hi, innerStrides, row);
                }
            });
        }
    }

    private void rowsRange(int rowLo, int rowHi, int colLo, int colHi, int[] innerStrides, Row row) {
        int rank = shape.length;
        int k = offsets.length;
        int[] base = new int[k];
        for (int q = rowLo; q < rowHi; q++) {
            int rem = q;
            for (int v = 0; v < k; v++) {
                base[v] = offsets[v] + colLo * innerStrides[v];
            }
            for (int d = rank - 2; d >= 0; d--) {
                int idx = rem % shape[d];
                rem /= shape[d];
                for (int v = 0; v < k; v++) {
                    base[v] += idx * strides[v][d];
                }
            }
            row.run(base, innerStrides, colHi - colLo);
        }
    }
}
