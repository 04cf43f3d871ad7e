package org.reprolab.tensor.backend;

import java.util.Arrays;

/**
 * A strided window onto a storage: element {@code (i0, i1, …)} lives at
 * {@code offset + i0*strides[0] + i1*strides[1] + …}. A stride of 0 repeats (broadcast) a dimension.
 * This is what the backend's kernels receive; the arrays are never modified.
 */
public record View(Storage storage, int[] shape, int[] strides, int offset) {

    public int rank() {
        return shape.length;
    }

    public int numel() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public DType dtype() {
        return storage.dtype();
    }

    /** Whether the elements are laid out row-major without gaps, starting at {@code offset}. */
    public boolean isContiguous() {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /**
     * The view without dimension {@code dim}: its elements are the first elements of the lines along that
     * dimension, so kernels that work line by line iterate over it.
     */
    public View dropDim(int dim) {
        int r = rank();
        int[] outShape = new int[r - 1];
        int[] outStrides = new int[r - 1];
        for (int d = 0, k = 0; d < r; d++) {
            if (d != dim) {
                outShape[k] = shape[d];
                outStrides[k++] = strides[d];
            }
        }
        return new View(storage, outShape, outStrides, offset);
    }

    /** Row-major strides for a shape. */
    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = s;
            s *= shape[d];
        }
        return strides;
    }

    /** A contiguous view of a whole storage. */
    public static View contiguous(Storage storage, int[] shape) {
        return new View(storage, shape, contiguousStrides(shape), 0);
    }

    @Override
    public String toString() {
        return "View" + Arrays.toString(shape) + " strides " + Arrays.toString(strides) + " +" + offset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof View v && v.storage == storage && Arrays.equals(v.shape, shape)
                && Arrays.equals(v.strides, strides) && v.offset == offset;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * System.identityHashCode(storage) + Arrays.hashCode(shape)) + offset;
    }
}
