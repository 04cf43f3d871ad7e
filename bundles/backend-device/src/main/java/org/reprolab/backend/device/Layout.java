package org.reprolab.backend.device;

import java.util.Arrays;
import org.reprolab.tensor.backend.View;

/**
 * Several same-shaped strided views reduced to the fewest dimensions that address the same elements: size-1
 * dimensions are dropped and neighbours merged where every view steps through them as through one. A
 * contiguous elementwise op becomes rank 1, which the kernels take without index arithmetic.
 *
 * @param shape the merged shape (at least one dimension)
 * @param strides per view, its strides over {@code shape}
 */
public record Layout(int[] shape, int[][] strides) {
    /** The most dimensions a kernel takes (an OpenCL int8). */
    public static final int MAX_RANK = 8;

    public static Layout of(int[] shape, View... views) {
        int[][] strides = new int[views.length][];
        for (int v = 0; v < views.length; v++) {
            strides[v] = views[v].strides();
        }
        return of(shape, strides);
    }

    public static Layout of(int[] shape, int[]... strides) {
        int r = shape.length;
        int[] s = new int[Math.max(r, 1)];
        int[][] st = new int[strides.length][Math.max(r, 1)];
        int rank = 0;
        for (int d = 0; d < r; d++) {
            if (shape[d] == 1) {
                continue;
            }
            boolean merge = rank > 0;
            for (int v = 0; merge && v < strides.length; v++) {
                merge = st[v][rank - 1] == strides[v][d] * shape[d];
            }
            if (merge) {
                s[rank - 1] *= shape[d];
                for (int v = 0; v < strides.length; v++) {
                    st[v][rank - 1] = strides[v][d];
                }
            } else {
                s[rank] = shape[d];
                for (int v = 0; v < strides.length; v++) {
                    st[v][rank] = strides[v][d];
                }
                rank++;
            }
        }
        if (rank == 0) {
            s[0] = 1;
            rank = 1;
        }
        if (rank > MAX_RANK) {
            throw new IllegalArgumentException("OpenCL kernels take views of at most " + MAX_RANK
                    + " dimensions after merging, got shape " + Arrays.toString(shape));
        }
        int[] shapeOut = Arrays.copyOf(s, rank);
        int[][] stridesOut = new int[strides.length][];
        for (int v = 0; v < strides.length; v++) {
            stridesOut[v] = Arrays.copyOf(st[v], rank);
        }
        return new Layout(shapeOut, stridesOut);
    }

    public int rank() {
        return shape.length;
    }

    public int[] strides(int view) {
        return strides[view];
    }

    public int numel() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
