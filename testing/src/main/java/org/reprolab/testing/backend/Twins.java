package org.reprolab.testing.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.View;

/**
 * The same views on the JVM backend (the reference) and on an accelerator backend: equal storages, shapes, strides
 * and offsets, so one call on each can be compared element by element. Records the largest error per op.
 */
public final class Twins {
    /** Largest error seen per op, for the report printed after the tests. */
    static final Map<String, Double> WORST = new TreeMap<>();

    final Backend jvm;
    final Backend cl;
    final Random random;

    Twins(Backend jvm, Backend cl, long seed) {
        this.jvm = jvm;
        this.cl = cl;
        this.random = new Random(seed);
    }

    /** A view on each backend. */
    record Twin(View jvm, View cl) {
        int[] shape() {
            return jvm.shape();
        }
    }

    /** Row-major values in a storage with {@code pad} elements before them, viewed with the given layout. */
    Twin of(DType dtype, double[] storageValues, int[] shape, int[] strides, int offset) {
        View[] views = new View[2];
        Backend[] backends = {jvm, cl};
        for (int b = 0; b < 2; b++) {
            var storage = backends[b].allocate(dtype, storageValues.length);
            backends[b].write(storage, 0, storageValues);
            views[b] = new View(storage, shape, strides, offset);
        }
        return new Twin(views[0], views[1]);
    }

    /** Random values in [lo, hi) (integers for INT32, 0/1 for BOOL), contiguous after a small offset. */
    Twin random(DType dtype, double lo, double hi, int... shape) {
        int offset = random.nextInt(3);
        int n = numel(shape);
        double[] values = values(dtype, n + offset, lo, hi);
        return of(dtype, values, shape, View.contiguousStrides(shape), offset);
    }

    /** Random values laid out with the last two dimensions swapped (a transposed, non-contiguous view). */
    Twin transposed(DType dtype, double lo, double hi, int... shape) {
        int r = shape.length;
        int[] stored = shape.clone();
        stored[r - 2] = shape[r - 1];
        stored[r - 1] = shape[r - 2];
        int[] st = View.contiguousStrides(stored);
        int[] strides = st.clone();
        strides[r - 2] = st[r - 1];
        strides[r - 1] = st[r - 2];
        return of(dtype, values(dtype, numel(shape) + 1, lo, hi), shape, strides, 1);
    }

    /** Random values broadcast along {@code dim} (stride 0 there). */
    Twin broadcast(DType dtype, double lo, double hi, int dim, int... shape) {
        int[] stored = shape.clone();
        stored[dim] = 1;
        int[] strides = View.contiguousStrides(stored);
        strides[dim] = 0;
        return of(dtype, values(dtype, numel(stored), lo, hi), shape, strides, 0);
    }

    /** A zeroed contiguous output. */
    Twin zeros(DType dtype, int... shape) {
        return of(dtype, new double[Math.max(numel(shape), 0)], shape, View.contiguousStrides(shape), 0);
    }

    /** Indices in [0, bound) as INT32. */
    Twin indices(int bound, int... shape) {
        double[] v = new double[numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(bound);
        }
        return of(DType.INT32, v, shape, View.contiguousStrides(shape), 0);
    }

    double[] values(DType dtype, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u = lo + (hi - lo) * random.nextDouble();
            v[i] = switch (dtype) {
                case INT32 -> Math.floor(u);
                case BOOL -> random.nextBoolean() ? 1 : 0;
                default -> u;
            };
        }
        return v;
    }

    static int numel(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /**
     * Asserts every element agrees within {@code tolerance}, measured as |cl − jvm| / max(|jvm|, 1) (relative
     * for large values, absolute below 1); NaNs must match NaNs. Returns the largest error.
     */
    double assertClose(String op, Twin out, double tolerance) {
        double[] expected = jvm.readDoubles(out.jvm());
        double[] actual = cl.readDoubles(out.cl());
        assertEquals(expected.length, actual.length, op + ": element count");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (Double.isNaN(e) || Double.isNaN(a)) {
                if (Double.isNaN(e) != Double.isNaN(a)) {
                    fail(op + ": element " + i + " is " + a + " on the device, " + e + " on the JVM");
                }
                continue;
            }
            if (Double.isInfinite(e) || Double.isInfinite(a)) {
                if (e != a) {
                    fail(op + ": element " + i + " is " + a + " on the device, " + e + " on the JVM");
                }
                continue;
            }
            double err = Math.abs(a - e) / Math.max(Math.abs(e), 1);
            if (err > tolerance) {
                fail(op + ": element " + i + " of " + expected.length + " is " + a + " on the device, " + e
                        + " on the JVM (error " + err + " > " + tolerance + ")");
            }
            worst = Math.max(worst, err);
        }
        record(op, worst);
        return worst;
    }

    /** Asserts the two views hold exactly the same numbers (ints, indices, selections). */
    void assertEqual(String op, Twin out) {
        double[] expected = jvm.readDoubles(out.jvm());
        double[] actual = cl.readDoubles(out.cl());
        for (int i = 0; i < expected.length; i++) {
            boolean same = Double.isNaN(expected[i]) ? Double.isNaN(actual[i])
                    : Double.doubleToLongBits(expected[i]) == Double.doubleToLongBits(actual[i]);
            if (!same) {
                fail(op + ": element " + i + " is " + actual[i] + " on the device, " + expected[i] + " on the JVM");
            }
        }
        record(op, 0);
    }

    static synchronized void record(String op, double err) {
        WORST.merge(op, err, Math::max);
    }
}
