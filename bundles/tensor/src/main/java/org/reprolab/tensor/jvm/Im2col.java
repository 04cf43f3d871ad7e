package org.reprolab.tensor.jvm;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.reprolab.tensor.backend.View;

/**
 * Patch unfolding for convolution as a matrix product (im2col) and its adjoint (col2im). The patch matrix is
 * walked row by row — channel, kernel offset, then image — so its (large) rows stream through memory while the
 * channel's image planes stay in cache. The work is split over the threads by channel: every patch row and
 * every image element is written by one task, and each image element receives its sums in kernel-offset
 * order, whatever the split. Along a patch row the valid output columns form one interval, computed once, so
 * the inner loops are plain copies and additions without bounds tests.
 */
final class Im2col {
    private Im2col() {
    }

    /** The geometry of one call: image [n, c, h, w], window, and output grid oh × ow. */
    private record Geometry(int n, int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int dh,
                            int dw, int oh, int ow) {
        static Geometry of(int[] image, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw) {
            return new Geometry(image[0], image[1], image[2], image[3], kh, kw, sh, sw, ph, pw, dh, dw,
                    outSize(image[2], kh, sh, ph, dh), outSize(image[3], kw, sw, pw, dw));
        }

        /** A stride-1 convolution as wide as its row-major image: a patch row is the image shifted. */
        boolean shifts(int[] imageStrides) {
            return sh == 1 && sw == 1 && ow == w && pw < w && imageStrides[3] == 1 && imageStrides[2] == w;
        }

        long work() {
            return (long) n * c * kh * kw * oh * ow;
        }
    }

    static void unfold(View x, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, View out,
                       ForkJoinPool pool) {
        Geometry g = Geometry.of(x.shape(), kh, kw, sh, sw, ph, pw, dh, dw);
        JvmStorage xs = (JvmStorage) x.storage();
        JvmStorage ys = (JvmStorage) out.storage();
        int[] st = x.strides();
        int[] ct = out.strides();
        boolean shifted = xs.f != null && ys.f != null && g.shifts(st);
        Parallel.forRange(g.work() < Strided.PARALLEL_THRESHOLD ? null : pool, g.c, (lo, hi) ->
                forEachPatchRow(g, lo, hi, (ch, row, rowShift, colShift, oxLo, oxHi) -> {
                    for (int img = 0; img < g.n; img++) {
                        int xBase = x.offset() + img * st[0] + ch * st[1];
                        int yBase = out.offset() + img * ct[0] + row * ct[1];
                        if (shifted) {
                            copyShifted(xs.f, xBase + rowShift * g.w + colShift, ys.f, yBase, g.h, rowShift, g.ow,
                                    g.oh, oxLo, oxHi);
                        } else {
                            unfoldRow(g, xs, xBase, st, ys, yBase, rowShift, colShift, oxLo, oxHi);
                        }
                    }
                }));
    }

    /** One patch row, as {@link #forEachPatchRow} hands it over. */
    @FunctionalInterface
    private interface PatchRowAction {
        void apply(int channel, int row, int rowShift, int colShift, int oxLo, int oxHi);
    }

    /**
     * Walks the patch rows of channels [lo, hi) in the order the class describes — channel, then kernel offset
     * (i, j) — giving each its channel, its row in the patch matrix, the offsets i·dh − ph and j·dw − pw of its
     * window's input row and column from the output position's, and its interval [oxLo, oxHi) of output columns
     * that fall inside the image. The action walks the images itself: handing it one image's row at a time
     * measured slower (an extra call per small row).
     */
    private static void forEachPatchRow(Geometry g, int lo, int hi, PatchRowAction action) {
        for (int ch = lo; ch < hi; ch++) {
            for (int i = 0; i < g.kh; i++) {
                for (int j = 0; j < g.kw; j++) {
                    int colShift = j * g.dw - g.pw;
                    int oxLo = validFrom(colShift, g.sw, g.ow);
                    int oxHi = Math.max(oxLo, validTo(colShift, g.sw, g.w, g.ow));
                    action.apply(ch, (ch * g.kh + i) * g.kw + j, i * g.dh - g.ph, colShift, oxLo, oxHi);
                }
            }
        }
    }

    /** One image's part of one patch row, for any stride and element type. */
    private static void unfoldRow(Geometry g, JvmStorage xs, int xBase, int[] st, JvmStorage ys, int yBase,
                                  int rowShift, int colShift, int oxLo, int oxHi) {
        boolean f32 = xs.f != null && ys.f != null;
        for (int oy = 0; oy < g.oh; oy++) {
            int iy = oy * g.sh + rowShift;
            int yRow = yBase + oy * g.ow;
            if (iy < 0 || iy >= g.h) {
                zero(ys, yRow, yRow + g.ow);
                continue;
            }
            int xRow = xBase + iy * st[2];
            zero(ys, yRow, yRow + oxLo);
            zero(ys, yRow + oxHi, yRow + g.ow);
            if (f32 && g.sw == 1 && st[3] == 1) {
                if (oxHi > oxLo) {
                    System.arraycopy(xs.f, xRow + oxLo + colShift, ys.f, yRow + oxLo, oxHi - oxLo);
                }
            } else if (f32) {
                for (int ox = oxLo; ox < oxHi; ox++) {
                    ys.f[yRow + ox] = xs.f[xRow + (ox * g.sw + colShift) * st[3]];
                }
            } else {
                for (int ox = oxLo; ox < oxHi; ox++) {
                    ys.set(yRow + ox, xs.get(xRow + (ox * g.sw + colShift) * st[3]));
                }
            }
        }
    }

    static void fold(View cols, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, View out,
                     ForkJoinPool pool) {
        Geometry g = Geometry.of(out.shape(), kh, kw, sh, sw, ph, pw, dh, dw);
        JvmStorage xs = (JvmStorage) cols.storage();
        JvmStorage ys = (JvmStorage) out.storage();
        int[] st = out.strides();
        int[] ct = cols.strides();
        boolean shifted = xs.f != null && ys.f != null && g.shifts(st);
        Parallel.forRange(g.work() < Strided.PARALLEL_THRESHOLD ? null : pool, g.c, (lo, hi) -> {
            float[] saved = shifted ? new float[g.oh * g.ow] : null;
            forEachPatchRow(g, lo, hi, (ch, row, rowShift, colShift, oxLo, oxHi) -> {
                for (int img = 0; img < g.n; img++) {
                    int xBase = cols.offset() + img * ct[0] + row * ct[1];
                    int yBase = out.offset() + img * st[0] + ch * st[1];
                    if (shifted) {
                        addShifted(xs.f, xBase, ys.f, yBase + rowShift * g.w + colShift, g.h, rowShift, g.ow, g.oh,
                                oxLo, oxHi, saved);
                    } else {
                        foldRow(g, xs, xBase, ys, yBase, st, rowShift, colShift, oxLo, oxHi);
                    }
                }
            });
        });
    }

    /** Adds one image's part of one patch row into its image plane, for any stride and element type. */
    private static void foldRow(Geometry g, JvmStorage xs, int xBase, JvmStorage ys, int yBase, int[] st,
                                int rowShift, int colShift, int oxLo, int oxHi) {
        boolean f32 = xs.f != null && ys.f != null;
        for (int oy = 0; oy < g.oh; oy++) {
            int iy = oy * g.sh + rowShift;
            if (iy < 0 || iy >= g.h) {
                continue;
            }
            int yRow = yBase + iy * st[2];
            int xRow = xBase + oy * g.ow;
            if (f32 && g.sw == 1 && st[3] == 1) {
                int y0 = yRow + colShift;
                for (int ox = oxLo; ox < oxHi; ox++) {
                    ys.f[y0 + ox] += xs.f[xRow + ox];
                }
            } else if (f32) {
                for (int ox = oxLo; ox < oxHi; ox++) {
                    ys.f[yRow + (ox * g.sw + colShift) * st[3]] += xs.f[xRow + ox];
                }
            } else {
                for (int ox = oxLo; ox < oxHi; ox++) {
                    int t = yRow + (ox * g.sw + colShift) * st[3];
                    ys.set(t, ys.get(t) + xs.get(xRow + ox));
                }
            }
        }
    }

    /**
     * One patch row of a stride-1 convolution whose output is as wide as its row-major input: y[oy·ow + ox] =
     * x[src + oy·ow + ox] where input row oy + rowShift exists and column ox is in [oxLo, oxHi), else 0. The
     * valid rows are one block copy; the few columns that wrapped into a neighbouring row are zeroed after.
     */
    private static void copyShifted(float[] x, int src, float[] y, int yBase, int h, int rowShift, int ow, int oh,
                                    int oxLo, int oxHi) {
        int oyLo = Math.min(oh, Math.max(0, -rowShift));
        int oyHi = Math.max(oyLo, Math.min(oh, h - rowShift));
        Arrays.fill(y, yBase, yBase + oyLo * ow, 0f);
        Arrays.fill(y, yBase + oyHi * ow, yBase + oh * ow, 0f);
        int from = oyLo * ow + oxLo;
        int to = (oyHi - 1) * ow + oxHi;
        if (to > from) {
            System.arraycopy(x, src + from, y, yBase + from, to - from);
        }
        for (int oy = oyLo; oy < oyHi; oy++) {
            int r = yBase + oy * ow;
            for (int ox = 0; ox < oxLo; ox++) {
                y[r + ox] = 0f;
            }
            for (int ox = oxHi; ox < ow; ox++) {
                y[r + ox] = 0f;
            }
        }
    }

    /**
     * The adjoint of {@link #copyShifted}: y[dst + t] += cols[src + t] for t = oy·ow + ox over the valid rows and
     * columns. The valid rows are added as one block; the few elements of y that the wrapped columns between
     * rows would touch are saved before and put back after, so they end exactly as they were.
     */
    private static void addShifted(float[] cols, int src, float[] y, int dst, int h, int rowShift, int ow, int oh,
                                   int oxLo, int oxHi, float[] saved) {
        int oyLo = Math.min(oh, Math.max(0, -rowShift));
        int oyHi = Math.max(oyLo, Math.min(oh, h - rowShift));
        int from = oyLo * ow + oxLo;
        int to = (oyHi - 1) * ow + oxHi;
        if (to <= from) {
            return;
        }
        int k = 0;
        for (int oy = oyLo; oy < oyHi - 1; oy++) {
            for (int t = oy * ow + oxHi; t < (oy + 1) * ow + oxLo; t++) {
                saved[k++] = y[dst + t];
            }
        }
        for (int t = from; t < to; t++) {
            y[dst + t] += cols[src + t];
        }
        k = 0;
        for (int oy = oyLo; oy < oyHi - 1; oy++) {
            for (int t = oy * ow + oxHi; t < (oy + 1) * ow + oxLo; t++) {
                y[dst + t] = saved[k++];
            }
        }
    }

    static int outSize(int size, int k, int stride, int pad, int dil) {
        return (size + 2 * pad - dil * (k - 1) - 1) / stride + 1;
    }

    /** The first output column whose input column {@code ox·stride + shift} is ≥ 0. */
    private static int validFrom(int shift, int stride, int outSize) {
        return Math.min(outSize, Math.max(0, Math.ceilDiv(-shift, stride)));
    }

    /** One past the last output column whose input column {@code ox·stride + shift} is < size. */
    private static int validTo(int shift, int stride, int size, int outSize) {
        return Math.min(outSize, Math.max(0, Math.ceilDiv(size - shift, stride)));
    }

    private static void zero(JvmStorage s, int from, int to) {
        if (s.f != null) {
            Arrays.fill(s.f, from, to, 0f);
        } else {
            for (int k = from; k < to; k++) {
                s.set(k, 0);
            }
        }
    }
}
