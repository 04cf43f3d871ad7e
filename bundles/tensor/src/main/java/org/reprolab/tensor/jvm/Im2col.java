package org.reprolab.tensor.jvm;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.reprolab.tensor.backend.View;

/**
 * Patch unfolding for convolution as a matrix product (im2col) and its adjoint (col2im). The work is split
 * over the threads by (image, channel) plane: every column row and every image element is written by one task,
 * so the sums in col2im keep a fixed order. Along a patch row the valid output columns form one interval,
 * computed once, so the inner loops are plain copies (stride 1: {@code System.arraycopy}) and additions
 * without bounds tests.
 */
final class Im2col {
    private Im2col() {
    }

    static void unfold(View x, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, View out,
                       ForkJoinPool pool) {
        int n = x.shape()[0];
        int c = x.shape()[1];
        int h = x.shape()[2];
        int w = x.shape()[3];
        int oh = outSize(h, kh, sh, ph, dh);
        int ow = outSize(w, kw, sw, pw, dw);
        JvmStorage xs = (JvmStorage) x.storage();
        JvmStorage ys = (JvmStorage) out.storage();
        int[] st = x.strides();
        int imageStride = out.strides()[0];
        int rowStride = out.strides()[1];
        boolean f32 = xs.f != null && ys.f != null;
        // a stride-1 "same" convolution over row-major images: a kernel offset's patch row is the image shifted
        boolean shifted = f32 && sh == 1 && sw == 1 && ow == w && pw < w && st[3] == 1 && st[2] == w;
        long work = (long) n * c * kh * kw * oh * ow;
        Parallel.forRange(work < Strided.PARALLEL_THRESHOLD ? null : pool, n * c, (lo, hi) -> {
            for (int nc = lo; nc < hi; nc++) {
                int img = nc / c;
                int ch = nc % c;
                int xBase = x.offset() + img * st[0] + ch * st[1];
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int row = (ch * kh + i) * kw + j;
                        int yBase = out.offset() + img * imageStride + row * rowStride;
                        int shift = j * dw - pw;
                        int oxLo = validFrom(shift, sw, ow);
                        int oxHi = Math.max(oxLo, validTo(shift, sw, w, ow));
                        if (shifted) {
                            copyShifted(xs.f, xBase + (i * dh - ph) * w + shift, ys.f, yBase, h, i * dh - ph, ow, oh,
                                    oxLo, oxHi);
                            continue;
                        }
                        for (int oy = 0; oy < oh; oy++) {
                            int iy = oy * sh - ph + i * dh;
                            int yRow = yBase + oy * ow;
                            if (iy < 0 || iy >= h) {
                                zero(ys, yRow, yRow + ow);
                                continue;
                            }
                            int xRow = xBase + iy * st[2];
                            zero(ys, yRow, yRow + oxLo);
                            zero(ys, yRow + oxHi, yRow + ow);
                            if (f32 && sw == 1 && st[3] == 1) {
                                if (oxHi > oxLo) {
                                    System.arraycopy(xs.f, xRow + oxLo + shift, ys.f, yRow + oxLo, oxHi - oxLo);
                                }
                            } else if (f32) {
                                for (int ox = oxLo; ox < oxHi; ox++) {
                                    ys.f[yRow + ox] = xs.f[xRow + (ox * sw + shift) * st[3]];
                                }
                            } else {
                                for (int ox = oxLo; ox < oxHi; ox++) {
                                    ys.set(yRow + ox, xs.get(xRow + (ox * sw + shift) * st[3]));
                                }
                            }
                        }
                    }
                }
            }
        });
    }

    static void fold(View cols, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, View out,
                     ForkJoinPool pool) {
        int n = out.shape()[0];
        int c = out.shape()[1];
        int h = out.shape()[2];
        int w = out.shape()[3];
        int oh = outSize(h, kh, sh, ph, dh);
        int ow = outSize(w, kw, sw, pw, dw);
        JvmStorage xs = (JvmStorage) cols.storage();
        JvmStorage ys = (JvmStorage) out.storage();
        int[] st = out.strides();
        int imageStride = cols.strides()[0];
        int rowStride = cols.strides()[1];
        boolean f32 = xs.f != null && ys.f != null;
        boolean shifted = f32 && sh == 1 && sw == 1 && ow == w && pw < w && st[3] == 1 && st[2] == w;
        long work = (long) n * c * kh * kw * oh * ow;
        Parallel.forRange(work < Strided.PARALLEL_THRESHOLD ? null : pool, n * c, (lo, hi) -> {
            float[] saved = shifted ? new float[oh * ow] : null;
            for (int nc = lo; nc < hi; nc++) {
                int img = nc / c;
                int ch = nc % c;
                int yBase = out.offset() + img * st[0] + ch * st[1];
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int row = (ch * kh + i) * kw + j;
                        int xBase = cols.offset() + img * imageStride + row * rowStride;
                        int shift = j * dw - pw;
                        int oxLo = validFrom(shift, sw, ow);
                        int oxHi = validTo(shift, sw, w, ow);
                        if (shifted) {
                            addShifted(xs.f, xBase, ys.f, yBase + (i * dh - ph) * w + shift, h, i * dh - ph, ow, oh,
                                    oxLo, Math.max(oxLo, oxHi), saved);
                            continue;
                        }
                        for (int oy = 0; oy < oh; oy++) {
                            int iy = oy * sh - ph + i * dh;
                            if (iy < 0 || iy >= h) {
                                continue;
                            }
                            int yRow = yBase + iy * st[2];
                            int xRow = xBase + oy * ow;
                            if (f32 && sw == 1 && st[3] == 1) {
                                int y0 = yRow + shift;
                                for (int ox = oxLo; ox < oxHi; ox++) {
                                    ys.f[y0 + ox] += xs.f[xRow + ox];
                                }
                            } else if (f32) {
                                for (int ox = oxLo; ox < oxHi; ox++) {
                                    ys.f[yRow + (ox * sw + shift) * st[3]] += xs.f[xRow + ox];
                                }
                            } else {
                                for (int ox = oxLo; ox < oxHi; ox++) {
                                    int t = yRow + (ox * sw + shift) * st[3];
                                    ys.set(t, ys.get(t) + xs.get(xRow + ox));
                                }
                            }
                        }
                    }
                }
            }
        });
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
