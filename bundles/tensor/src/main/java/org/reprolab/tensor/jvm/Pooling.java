package org.reprolab.tensor.jvm;

import java.util.concurrent.ForkJoinPool;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.reprolab.tensor.backend.View;

/**
 * Max pooling with the position of each maximum. Each (image, channel) plane is one task; each output keeps its
 * running maximum in registers while it visits its window in order, so the first maximum wins ties. Which
 * element wins is data-dependent, and a branch on it mispredicts about half the time, so the float32 loop has
 * none: floats are compared as order-preserving integer keys and the winner selected with masks.
 */
final class Pooling {
    private Pooling() {
    }

    /** Below every float's key: the first element of a window always replaces it. */
    private static final long NONE = Integer.MIN_VALUE - 1L;

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
        boolean window2x2 = f32 && kh == 2 && kw == 2 && sh == 2 && sw == 2 && ph == 0 && pw == 0 && dh == 1
                && dw == 1;
        Windows2x2 windows = window2x2 && st[3] == 1 ? new Windows2x2(oh, ow, st[2], w) : null;
        Parallel.forRange(work < Strided.PARALLEL_THRESHOLD ? null : pool, n * c, (lo, hi) -> {
            for (int nc = lo; nc < hi; nc++) {
                int xBase = x.offset() + (nc / c) * st[0] + (nc % c) * st[1];
                int yBase = out.offset() + nc * oh * ow;
                int aBase = indices.offset() + nc * oh * ow;
                if (windows != null) {
                    windows.plane(xs.f, xBase, ys.f, yBase, at, aBase);
                } else if (window2x2) {
                    plane2x2(xs.f, xBase, st[2], st[3], w, ys.f, yBase, at, aBase, oh, ow);
                } else if (f32) {
                    plane(xs.f, xBase, st[2], st[3], h, w, ys.f, yBase, at, aBase, oh, ow, kh, kw, sh, sw, ph, pw, dh, dw);
                } else {
                    plane(xs, xBase, st[2], st[3], h, w, ys, yBase, at, aBase, oh, ow, kh, kw, sh, sw, ph, pw, dh, dw);
                }
            }
        });
    }

    private static void plane(float[] x, int xBase, int rowStride, int colStride, int h, int w, float[] y, int yBase,
                              int[] at, int aBase, int oh, int ow, int kh, int kw, int sh, int sw, int ph, int pw,
                              int dh, int dw) {
        for (int oy = 0; oy < oh; oy++) {
            int iy0 = oy * sh - ph;
            for (int ox = 0; ox < ow; ox++) {
                int ix0 = ox * sw - pw;
                long best = NONE;
                int value = 0;
                int arg = -1;
                for (int i = 0; i < kh; i++) {
                    int iy = iy0 + i * dh;
                    if (iy < 0 || iy >= h) {
                        continue;
                    }
                    for (int j = 0; j < kw; j++) {
                        int ix = ix0 + j * dw;
                        if (ix < 0 || ix >= w) {
                            continue;
                        }
                        float v = x[xBase + iy * rowStride + ix * colStride];
                        int bits = Float.floatToIntBits(v);
                        // with NaN canonical, orders like the values: −0 = +0, NaN above +∞
                        long key = (bits ^ ((bits >> 31) & 0x7fffffff)) + (bits >>> 31);
                        long take = (best - key) >> 63;
                        int mask = (int) take;
                        best ^= (best ^ key) & take;
                        value ^= (value ^ Float.floatToRawIntBits(v)) & mask;
                        arg ^= (arg ^ (iy * w + ix)) & mask;
                    }
                }
                y[yBase + oy * ow + ox] = Float.intBitsToFloat(value);
                at[aBase + oy * ow + ox] = arg;
            }
        }
    }

    /**
     * The common 2×2 window at stride 2 over rows of unit stride, sixteen outputs at a time: the window's four
     * corners are gathered for consecutive outputs of the plane (across row ends), compared as integer keys
     * and the first maximum selected by masks, exactly as {@link #plane2x2} does one output at a time.
     */
    private static final class Windows2x2 {
        private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
        private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
        private final int outputs;
        private final int[] corner;
        private final int[] position;
        private final int rowStride;
        private final int width;

        Windows2x2(int oh, int ow, int rowStride, int width) {
            this.outputs = oh * ow;
            this.rowStride = rowStride;
            this.width = width;
            this.corner = new int[outputs];
            this.position = new int[outputs];
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    corner[oy * ow + ox] = 2 * oy * rowStride + 2 * ox;
                    position[oy * ow + ox] = 2 * oy * width + 2 * ox;
                }
            }
        }

        void plane(float[] x, int xBase, float[] y, int yBase, int[] at, int aBase) {
            int o = 0;
            for (int bound = F.loopBound(outputs); o < bound; o += F.length()) {
                FloatVector v0 = FloatVector.fromArray(F, x, xBase, corner, o);
                FloatVector v1 = FloatVector.fromArray(F, x, xBase + 1, corner, o);
                FloatVector v2 = FloatVector.fromArray(F, x, xBase + rowStride, corner, o);
                FloatVector v3 = FloatVector.fromArray(F, x, xBase + rowStride + 1, corner, o);
                IntVector k0 = keys(v0);
                IntVector k1 = keys(v1);
                IntVector k2 = keys(v2);
                IntVector k3 = keys(v3);
                VectorMask<Integer> right = k1.compare(VectorOperators.GT, k0);
                VectorMask<Integer> below = k3.compare(VectorOperators.GT, k2);
                IntVector upper = k0.blend(k1, right);
                IntVector lower = k2.blend(k3, below);
                VectorMask<Integer> down = lower.compare(VectorOperators.GT, upper);
                FloatVector upperValue = v0.blend(v1, right.cast(F));
                FloatVector lowerValue = v2.blend(v3, below.cast(F));
                upperValue.blend(lowerValue, down.cast(F)).intoArray(y, yBase + o);
                IntVector base = IntVector.fromArray(I, position, o);
                IntVector upperAt = base.add(1, right);
                IntVector lowerAt = base.add(width).add(1, below);
                upperAt.blend(lowerAt, down).intoArray(at, aBase + o);
            }
            int[] offsets = {1, rowStride, rowStride + 1};
            int[] steps = {1, width, width + 1};
            for (; o < outputs; o++) {
                int t = xBase + corner[o];
                int best = t;
                int bestAt = position[o];
                for (int q = 0; q < 3; q++) {
                    if (key(x[t + offsets[q]]) > key(x[best])) {
                        best = t + offsets[q];
                        bestAt = position[o] + steps[q];
                    }
                }
                y[yBase + o] = x[best];
                at[aBase + o] = bestAt;
            }
        }

        /** {@link Pooling#key} on sixteen lanes (as int: NaN canonical, then the sign-magnitude flip). */
        private static IntVector keys(FloatVector v) {
            IntVector bits = v.blend(Float.NaN, v.test(VectorOperators.IS_NAN)).reinterpretAsInts();
            IntVector flip = bits.lanewise(VectorOperators.ASHR, 31).and(0x7fffffff);
            return bits.lanewise(VectorOperators.XOR, flip).add(bits.lanewise(VectorOperators.LSHR, 31));
        }
    }

    /** The common 2×2 window at stride 2 without padding, as straight-line code. */
    private static void plane2x2(float[] x, int xBase, int rowStride, int colStride, int w, float[] y, int yBase,
                                 int[] at, int aBase, int oh, int ow) {
        for (int oy = 0; oy < oh; oy++) {
            int top = xBase + 2 * oy * rowStride;
            int bottom = top + rowStride;
            for (int ox = 0; ox < ow; ox++) {
                int col = 2 * ox * colStride;
                // keys of the four elements in window order, then a tournament that keeps the earlier on ties
                long k0 = key(x[top + col]);
                long k1 = key(x[top + col + colStride]);
                long k2 = key(x[bottom + col]);
                long k3 = key(x[bottom + col + colStride]);
                int right = (int) ((k0 - k1) >> 63);
                int below = (int) ((k2 - k3) >> 63);
                long upper = k0 ^ ((k0 ^ k1) & right);
                long lower = k2 ^ ((k2 ^ k3) & below);
                int down = (int) ((upper - lower) >> 63);
                int upperAt = top + col + (colStride & right);
                int lowerAt = bottom + col + (colStride & below);
                y[yBase + oy * ow + ox] = x[upperAt ^ ((upperAt ^ lowerAt) & down)];
                int upperPos = 2 * oy * w + 2 * ox + (right & 1);
                int lowerPos = upperPos - (right & 1) + w + (below & 1);
                at[aBase + oy * ow + ox] = upperPos ^ ((upperPos ^ lowerPos) & down);
            }
        }
    }

    /** With NaN canonical, orders like the values: −0 = +0, NaN above +∞. */
    private static long key(float v) {
        int bits = Float.floatToIntBits(v);
        return (bits ^ ((bits >> 31) & 0x7fffffff)) + (bits >>> 31);
    }

    /** The reference loop for other element types. */
    private static void plane(JvmStorage x, int xBase, int rowStride, int colStride, int h, int w, JvmStorage y,
                              int yBase, int[] at, int aBase, int oh, int ow, int kh, int kw, int sh, int sw, int ph,
                              int pw, int dh, int dw) {
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                double best = Double.NaN;
                int arg = -1;
                for (int i = 0; i < kh; i++) {
                    int iy = oy * sh - ph + i * dh;
                    for (int j = 0; j < kw && iy >= 0 && iy < h; j++) {
                        int ix = ox * sw - pw + j * dw;
                        if (ix < 0 || ix >= w) {
                            continue;
                        }
                        double v = x.get(xBase + iy * rowStride + ix * colStride);
                        if (arg < 0 || v > best || Double.isNaN(v)) {
                            best = v;
                            arg = iy * w + ix;
                        }
                    }
                }
                y.set(yBase + oy * ow + ox, best);
                at[aBase + oy * ow + ox] = arg;
            }
        }
    }
}
