package org.reprolab.tensor.jvm;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.reprolab.tensor.backend.View;

/**
 * Max pooling with the position of each maximum. Each (image, channel) plane is one task. Within a plane the
 * window offsets (i, j) are the outer loops and a whole output row the inner one, and the running maximum is
 * updated without a branch per element: floats are compared as order-preserving integers (NaN above +∞) and
 * the maximum and its position selected with masks, since which element wins is data-dependent and a branch on
 * it mispredicts half the time. The first maximum wins ties, as the offsets are visited in window order.
 */
final class Pooling {
    private Pooling() {
    }

    static void maxPool(View x, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, View out,
                        View indices, ForkJoinPool pool) {
        int n = x.shape()[0];
        int c = x.shape()[1];
        int h = x.shape()[2];
        int w = x.shape()[3];
        int oh = Im2col.outSize(h, kh, sh, ph, dh);
        int ow = Im2col.outSize(w, kw, sw, pw, dw);
        JvmStorage xs = (JvmStorage) x.storage();
        JvmStorage ys = (JvmStorage) out.storage();
        int[] at = ((JvmStorage) indices.storage()).i;
        int[] st = x.strides();
        boolean f32 = xs.f != null && ys.f != null;
        long work = (long) n * c * kh * kw * oh * ow;
        // the output columns whose input column is inside the image, per kernel column
        int[] from = new int[kw];
        int[] to = new int[kw];
        for (int j = 0; j < kw; j++) {
            from[j] = Math.min(ow, Math.max(0, Math.ceilDiv(pw - j * dw, sw)));
            to[j] = Math.min(ow, Math.max(0, Math.ceilDiv(w + pw - j * dw, sw)));
        }
        Parallel.forRange(work < Strided.PARALLEL_THRESHOLD ? null : pool, n * c, (lo, hi) -> {
            long[] best = new long[ow];
            int[] value = new int[ow];
            for (int nc = lo; nc < hi; nc++) {
                int xBase = x.offset() + (nc / c) * st[0] + (nc % c) * st[1];
                int yBase = out.offset() + nc * oh * ow;
                int aBase = indices.offset() + nc * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    int yRow = yBase + oy * ow;
                    int aRow = aBase + oy * ow;
                    Arrays.fill(best, NONE);
                    Arrays.fill(at, aRow, aRow + ow, -1);
                    for (int i = 0; i < kh; i++) {
                        int iy = oy * sh - ph + i * dh;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int xRow = xBase + iy * st[2];
                        for (int j = 0; j < kw; j++) {
                            int shift = j * dw - pw;
                            if (f32) {
                                rowMax(xs.f, xRow, sw, shift, st[3], best, value, at, aRow, iy * w, from[j], to[j]);
                            } else {
                                rowMax(xs, xRow, sw, shift, st[3], ys, yRow, at, aRow, iy * w, from[j], to[j]);
                            }
                        }
                    }
                    if (f32) {
                        for (int ox = 0; ox < ow; ox++) {
                            ys.f[yRow + ox] = Float.intBitsToFloat(value[ox]);
                        }
                    }
                }
            }
        });
    }

    /** Below every float's integer key: the first element of a window always replaces it. */
    private static final long NONE = Integer.MIN_VALUE - 1L;

    /**
     * Folds one window offset into a row of running maxima, kept as integer keys: with NaNs made canonical,
     * {@code (bits ^ ((bits >> 31) & 0x7fffffff)) + (bits >>> 31)} orders like the values, with −0 = +0 and
     * NaN above +∞. The maximum's own bits are selected alongside.
     */
    private static void rowMax(float[] x, int xRow, int sw, int shift, int step, long[] best, int[] value, int[] at,
                               int aRow, int planeRow, int from, int to) {
        for (int ox = from; ox < to; ox++) {
            int ix = ox * sw + shift;
            float v = x[xRow + ix * step];
            int bits = Float.floatToIntBits(v);
            long key = (bits ^ ((bits >> 31) & 0x7fffffff)) + (bits >>> 31);
            long b = best[ox];
            long take = (b - key) >> 63;
            int mask = (int) take;
            best[ox] = b ^ ((b ^ key) & take);
            value[ox] ^= (value[ox] ^ Float.floatToRawIntBits(v)) & mask;
            at[aRow + ox] ^= (at[aRow + ox] ^ (planeRow + ix)) & mask;
        }
    }

    /** The reference loop for other element types (running maxima in the output itself). */
    private static void rowMax(JvmStorage x, int xRow, int sw, int shift, int step, JvmStorage y, int yRow,
                               int[] at, int aRow, int planeRow, int from, int to) {
        for (int ox = from; ox < to; ox++) {
            int ix = ox * sw + shift;
            double v = x.get(xRow + ix * step);
            double best = y.get(yRow + ox);
            int arg = at[aRow + ox];
            if (arg < 0 || v > best || Double.isNaN(v)) {
                y.set(yRow + ox, v);
                at[aRow + ox] = planeRow + ix;
            }
        }
    }
}
