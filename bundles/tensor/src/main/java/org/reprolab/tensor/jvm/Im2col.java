package org.reprolab.tensor.jvm;

import java.util.concurrent.ForkJoinPool;
import org.reprolab.tensor.backend.View;

/**
 * Patch unfolding for convolution as a matrix product (im2col) and its adjoint (col2im). Images are split
 * over the threads: each image's rows are written by one task, so sums in col2im keep a fixed order.
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
        int oh = (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
        int ow = (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
        JvmStorage xs = (JvmStorage) x.storage();
        JvmStorage ys = (JvmStorage) out.storage();
        int[] st = x.strides();
        int rows = c * kh * kw;
        int cols = oh * ow;
        Parallel.forRange(pool, n * c, (lo, hi) -> {
            for (int nc = lo; nc < hi; nc++) {
                int img = nc / c;
                int ch = nc % c;
                int xBase = x.offset() + img * st[0] + ch * st[1];
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int row = (ch * kh + i) * kw + j;
                        int yBase = out.offset() + (img * rows + row) * cols;
                        for (int oy = 0; oy < oh; oy++) {
                            int iy = oy * sh - ph + i * dh;
                            int yRow = yBase + oy * ow;
                            if (iy < 0 || iy >= h) {
                                for (int ox = 0; ox < ow; ox++) {
                                    ys.set(yRow + ox, 0);
                                }
                                continue;
                            }
                            int xRow = xBase + iy * st[2];
                            if (xs.f != null && ys.f != null) {
                                for (int ox = 0; ox < ow; ox++) {
                                    int ix = ox * sw - pw + j * dw;
                                    ys.f[yRow + ox] = ix < 0 || ix >= w ? 0f : xs.f[xRow + ix * st[3]];
                                }
                            } else {
                                for (int ox = 0; ox < ow; ox++) {
                                    int ix = ox * sw - pw + j * dw;
                                    ys.set(yRow + ox, ix < 0 || ix >= w ? 0 : xs.get(xRow + ix * st[3]));
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
        int oh = (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
        int ow = (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
        JvmStorage xs = (JvmStorage) cols.storage();
        JvmStorage ys = (JvmStorage) out.storage();
        int rows = c * kh * kw;
        int ncols = oh * ow;
        Parallel.forRange(pool, n * c, (lo, hi) -> {
            for (int nc = lo; nc < hi; nc++) {
                int img = nc / c;
                int ch = nc % c;
                int yBase = out.offset() + (img * c + ch) * h * w;
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int row = (ch * kh + i) * kw + j;
                        int xBase = cols.offset() + (img * rows + row) * ncols;
                        for (int oy = 0; oy < oh; oy++) {
                            int iy = oy * sh - ph + i * dh;
                            if (iy < 0 || iy >= h) {
                                continue;
                            }
                            for (int ox = 0; ox < ow; ox++) {
                                int ix = ox * sw - pw + j * dw;
                                if (ix >= 0 && ix < w) {
                                    int t = yBase + iy * w + ix;
                                    if (ys.f != null && xs.f != null) {
                                        ys.f[t] += xs.f[xBase + oy * ow + ox];
                                    } else {
                                        ys.set(t, ys.get(t) + xs.get(xBase + oy * ow + ox));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        });
    }
}
