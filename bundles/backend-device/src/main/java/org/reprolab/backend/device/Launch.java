package org.reprolab.backend.device;

/**
 * One kernel launch being assembled: its arguments in the kernel's order, then {@link #run1} or {@link #run}. The
 * geometry is OpenCL's: global sizes are the total work items per dimension (multiples of the local sizes), local
 * sizes the work-group (CUDA: block) shape; a CUDA launch divides one by the other to get its grid.
 */
public interface Launch {
    Launch i(int value);

    Launch l(long value);

    Launch f(float value);

    Launch d(double value);

    /** A value of the accumulation type {@code A}: double where the device has fp64, else float. */
    Launch acc(double value);

    /** An int vector (int4, int8 or int16) holding {@code values}, zero-padded to {@code lanes}. */
    Launch ints(int lanes, int... values);

    /** A buffer argument; null passes a null pointer. */
    Launch mem(DeviceStorage storage);

    /** Enqueues the kernel over {@code global} items in work groups of {@code local} (null: the runtime picks). */
    void run(long[] global, long[] local);

    /** One-dimensional: {@code n} items in groups of {@code local} (0: the runtime picks), rounded up. */
    default void run1(long n, int local) {
        if (n <= 0) {
            return;
        }
        if (local > 0) {
            run(new long[] {roundUp(n, local)}, new long[] {local});
        } else {
            run(new long[] {n}, null);
        }
    }

    /** {@code n} rounded up to a multiple of {@code multiple}. */
    static long roundUp(long n, long multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }
}
