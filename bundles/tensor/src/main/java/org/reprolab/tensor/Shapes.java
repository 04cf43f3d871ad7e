package org.reprolab.tensor;

import java.util.Arrays;
import java.util.StringJoiner;

/** Shape arithmetic and the messages shape errors give (always naming the shapes involved). */
public final class Shapes {
    private Shapes() {
    }

    public static String format(int[] shape) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int d : shape) {
            j.add(Integer.toString(d));
        }
        return j.toString();
    }

    public static int numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + format(shape));
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + format(shape) + " has more than 2^31 elements");
        }
        return (int) n;
    }

    /** The broadcast shape of two shapes (NumPy rules), or a clear error naming the op and both shapes. */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + format(a) + " and " + format(b)
                        + " cannot be broadcast (dimension " + i + ": " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** A dimension index in [0, rank), accepting negative indices from the end. */
    public static int dim(String op, int dim, int rank) {
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank) {
            throw new IllegalArgumentException(op + ": dimension " + dim + " is out of range for a tensor of rank "
                    + rank);
        }
        return d;
    }

    /** Resolves one -1 in a requested shape against a number of elements. */
    static int[] inferReshape(int[] from, int[] to) {
        int n = numel(from);
        int[] out = to.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException("reshape " + format(from) + " → " + format(to)
                            + ": only one dimension may be -1");
                }
                unknown = i;
            } else {
                known *= out[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException("reshape " + format(from) + " → " + format(to)
                        + ": " + n + " elements do not divide into " + known);
            }
            out[unknown] = (int) (n / known);
        }
        if (numel(out) != n) {
            throw new IllegalArgumentException("reshape " + format(from) + " → " + format(to)
                    + ": " + n + " elements cannot take shape " + format(out));
        }
        return out;
    }

    static int[] remove(int[] shape, int dim) {
        int[] out = new int[shape.length - 1];
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (i != dim) {
                out[k++] = shape[i];
            }
        }
        return out;
    }

    static int[] insert(int[] shape, int dim, int size) {
        int[] out = new int[shape.length + 1];
        for (int i = 0, k = 0; i < out.length; i++) {
            out[i] = i == dim ? size : shape[k++];
        }
        return out;
    }

    static int[] with(int[] shape, int dim, int size) {
        int[] out = shape.clone();
        out[dim] = size;
        return out;
    }

    static boolean same(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }
}
