package org.reprolab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.jvm.JvmBackend;

class ConvTest {
    private final Generator gen = new Generator(11);

    private Tensor r(int... shape) {
        return gen.normal(0, 1, shape).to(DType.FLOAT64);
    }

    // ---- naive references: direct loops over the definitions --------------------------------------------

    /** out[n, o, y, x] = b[o] + Σ_{c in o's group, i, j} x[n, c, y·s − p + i·d, x·s − p + j·d] · w[o, c, i, j]. */
    private static double[] naiveConv2d(Tensor xt, Tensor wt, Tensor bt, int sh, int sw, int ph, int pw, int dh,
                                        int dw, int groups) {
        double[] x = xt.toDoubleArray();
        double[] w = wt.toDoubleArray();
        double[] b = bt == null ? null : bt.toDoubleArray();
        int n = xt.size(0), c = xt.size(1), h = xt.size(2), wd = xt.size(3);
        int o = wt.size(0), cg = wt.size(1), kh = wt.size(2), kw = wt.size(3);
        int oh = (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
        int ow = (wd + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
        double[] out = new double[n * o * oh * ow];
        for (int img = 0; img < n; img++) {
            for (int oc = 0; oc < o; oc++) {
                int g = oc / (o / groups);
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double acc = b == null ? 0 : b[oc];
                        for (int ci = 0; ci < cg; ci++) {
                            int ch = g * cg + ci;
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int iy = oy * sh - ph + i * dh;
                                    int ix = ox * sw - pw + j * dw;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                                        acc += x[((img * c + ch) * h + iy) * wd + ix] * w[((oc * cg + ci) * kh + i) * kw + j];
                                    }
                                }
                            }
                        }
                        out[((img * o + oc) * oh + oy) * ow + ox] = acc;
                    }
                }
            }
        }
        return out;
    }

    /** Scatter form: every input pixel adds x · w[cin, cout] at (y·s − p + i, x·s − p + j). */
    private static double[] naiveConvTranspose2d(Tensor xt, Tensor wt, Tensor bt, int s, int p, int op) {
        double[] x = xt.toDoubleArray();
        double[] w = wt.toDoubleArray();
        int n = xt.size(0), c = xt.size(1), h = xt.size(2), wd = xt.size(3);
        int co = wt.size(1), kh = wt.size(2), kw = wt.size(3);
        int oh = (h - 1) * s - 2 * p + kh + op;
        int ow = (wd - 1) * s - 2 * p + kw + op;
        double[] out = new double[n * co * oh * ow];
        if (bt != null) {
            double[] b = bt.toDoubleArray();
            for (int k = 0; k < out.length; k++) {
                out[k] = b[(k / (oh * ow)) % co];
            }
        }
        for (int img = 0; img < n; img++) {
            for (int ci = 0; ci < c; ci++) {
                for (int y = 0; y < h; y++) {
                    for (int xx = 0; xx < wd; xx++) {
                        for (int oc = 0; oc < co; oc++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int ty = y * s - p + i;
                                    int tx = xx * s - p + j;
                                    if (ty >= 0 && ty < oh && tx >= 0 && tx < ow) {
                                        out[((img * co + oc) * oh + ty) * ow + tx] +=
                                                x[((img * c + ci) * h + y) * wd + xx] * w[((ci * co + oc) * kh + i) * kw + j];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Max (or mean, padding counted) over each window; padding is −∞ for max. */
    private static double[] naivePool(Tensor xt, int k, int s, int p, boolean max) {
        double[] x = xt.toDoubleArray();
        int nc = xt.size(0) * xt.size(1), h = xt.size(2), w = xt.size(3);
        int oh = (h + 2 * p - k) / s + 1;
        int ow = (w + 2 * p - k) / s + 1;
        double[] out = new double[nc * oh * ow];
        for (int q = 0; q < nc; q++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            int iy = oy * s - p + i;
                            int ix = ox * s - p + j;
                            boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
                            double v = inside ? x[(q * h + iy) * w + ix] : max ? Double.NEGATIVE_INFINITY : 0;
                            acc = max ? Math.max(acc, v) : acc + v;
                        }
                    }
                    out[(q * oh + oy) * ow + ox] = max ? acc : acc / (k * k);
                }
            }
        }
        return out;
    }

    private static void assertClose(double[] expected, Tensor actual, String what) {
        assertClose(expected, actual, 1e-9, what);
    }

    private static void assertClose(double[] expected, Tensor actual, double tolerance, String what) {
        double[] a = actual.toDoubleArray();
        assertEquals(expected.length, a.length, what + ": size");
        for (int k = 0; k < a.length; k++) {
            assertEquals(expected[k], a[k], tolerance * Math.max(1, Math.abs(expected[k])), what + "[" + k + "]");
        }
    }

    // ---- forward values ----------------------------------------------------------------------------------

    @Test
    void conv2dMatchesNaiveLoops() {
        Tensor x = r(2, 4, 7, 6);
        Tensor b = r(6);
        int[][] cases = { // stride h, w; padding h, w; dilation h, w; groups
            {1, 1, 0, 0, 1, 1, 1}, {2, 2, 1, 1, 1, 1, 1}, {1, 2, 2, 0, 2, 1, 2}, {2, 1, 1, 2, 1, 2, 1}, {1, 1, 1, 1, 1, 1, 2}};
        for (int[] c : cases) {
            Tensor w = r(6, 4 / c[6], 3, 2);
            String what = "conv2d " + java.util.Arrays.toString(c);
            assertClose(naiveConv2d(x, w, b, c[0], c[1], c[2], c[3], c[4], c[5], c[6]),
                    Conv.conv2d(x, w, b, c[0], c[1], c[2], c[3], c[4], c[5], c[6]), what);
        }
        Tensor depthwise = r(4, 1, 3, 3);
        assertClose(naiveConv2d(x, depthwise, null, 1, 1, 1, 1, 1, 1, 4),
                Conv.conv2d(x, depthwise, null, 1, 1, 1, 1, 1, 1, 4), "depthwise");
    }

    @Test
    void conv2dOnStridedInputAndInFloat32() {
        Tensor x = r(3, 5, 6, 2).permute(0, 3, 1, 2);
        Tensor w = r(4, 2, 3, 3);
        assertClose(naiveConv2d(x.contiguous(), w, null, 1, 1, 1, 1, 1, 1, 1), Conv.conv2d(x, w, null, 1, 1),
                "permuted input");
        Tensor xf = gen.normal(0, 1, 2, 3, 9, 7);
        Tensor bf = gen.normal(0, 1, 5);
        int[][] cases = { // kh, kw, stride, padding h, w, dilation (stride 1 with "same" width: patch rows are shifted images)
            {3, 3, 2, 1, 1, 1}, {3, 3, 1, 1, 1, 1}, {5, 3, 1, 0, 1, 1}, {3, 3, 1, 2, 2, 2}, {1, 5, 1, 0, 2, 1}, {3, 3, 1, 4, 1, 1}};
        Tensor narrow = gen.normal(0, 1, 2, 3, 5, 1);
        for (int[] c : cases) {
            for (Tensor input : new Tensor[] {xf, narrow}) {
                Tensor wf = gen.normal(0, 1, 5, 3, c[0], c[1]);
                String what = "float32 " + java.util.Arrays.toString(c) + " on " + java.util.Arrays.toString(input.shape());
                var win = new Conv.Window(c[0], c[1], c[2], c[2], c[3], c[4], c[5], c[5]);
                if (win.outH(input.size(2)) < 1 || win.outW(input.size(3)) < 1) {
                    continue;
                }
                Tensor x32 = input.detach().requiresGrad(true);
                Tensor w32 = wf.detach().requiresGrad(true);
                Tensor x64 = input.to(DType.FLOAT64).detach().requiresGrad(true);
                Tensor w64 = wf.to(DType.FLOAT64).detach().requiresGrad(true);
                Tensor y32 = Conv.conv2d(x32, w32, bf, c[2], c[2], c[3], c[4], c[5], c[5], 1);
                Tensor y64 = Conv.conv2d(x64, w64, bf.to(DType.FLOAT64), c[2], c[2], c[3], c[4], c[5], c[5], 1);
                assertClose(naiveConv2d(input, wf, bf, c[2], c[2], c[3], c[4], c[5], c[5], 1), y64, what);
                assertClose(y64.toDoubleArray(), y32, 1e-4, what);
                Tensor g = r(y64.shape());
                y32.backward(g.to(DType.FLOAT32));
                y64.backward(g);
                assertClose(x64.grad().toDoubleArray(), x32.grad(), 1e-4, what + " input gradient");
                assertClose(w64.grad().toDoubleArray(), w32.grad(), 1e-4, what + " weight gradient");
            }
        }
    }

    @Test
    void conv1dIsConv2dOfHeightOne() {
        Tensor x = r(2, 3, 9);
        Tensor w = r(4, 3, 3);
        Tensor b = r(4);
        Tensor y = Conv.conv1d(x, w, b, 2, 1, 2);
        assertArrayEquals(new int[] {2, 4, 4}, y.shape());
        assertClose(naiveConv2d(x.unsqueeze(2), w.unsqueeze(2), b, 1, 2, 0, 1, 1, 2, 1), y, "conv1d");
    }

    @Test
    void convTranspose2dMatchesScatterLoopsAndIsTheAdjoint() {
        Tensor x = r(2, 3, 4, 5);
        Tensor w = r(3, 2, 3, 3);
        Tensor b = r(2);
        int[][] cases = {{1, 0, 0}, {2, 0, 0}, {2, 1, 1}, {3, 1, 2}};
        for (int[] c : cases) {
            Tensor y = Conv.convTranspose2d(x, w, b, c[0], c[1], c[2]);
            assertClose(naiveConvTranspose2d(x, w, b, c[0], c[1], c[2]), y, "convTranspose2d " + java.util.Arrays.toString(c));
        }
        // ⟨convT(x), z⟩ = ⟨x, conv(z)⟩ with the same weight read as [Cout←Cin]
        Tensor y = Conv.convTranspose2d(x, w, null, 2, 1, 1);
        Tensor z = r(y.shape());
        double lhs = y.mul(z).sum().item();
        double rhs = x.mul(Conv.conv2d(z, w, null, 2, 1)).sum().item();
        assertEquals(lhs, rhs, 1e-9 * Math.abs(lhs));
    }

    @Test
    void poolingMatchesNaiveLoops() {
        Tensor x = r(2, 3, 7, 8);
        int[][] cases = {{2, 2, 0}, {3, 2, 1}, {3, 1, 1}, {2, 1, 0}, {3, 3, 0}};
        for (int[] c : cases) {
            String what = " k, s, p = " + java.util.Arrays.toString(c);
            assertClose(naivePool(x, c[0], c[1], c[2], true), Conv.maxPool2d(x, c[0], c[1], c[2]), "max" + what);
            assertClose(naivePool(x, c[0], c[1], c[2], false), Conv.avgPool2d(x, c[0], c[1], c[2]), "avg" + what);
        }
        Tensor negative = x.abs().neg();
        assertClose(naivePool(negative, 3, 2, 1, true), Conv.maxPool2d(negative, 3, 2, 1), "max pads with −∞");
    }

    @Test
    void float32MaxPoolingMatchesAndRoutesGradientsToTheFirstMaximum() {
        Tensor x = gen.normal(0, 1, 2, 3, 9, 8).round().div(2);
        for (int[] c : new int[][] {{2, 2, 0}, {3, 2, 1}, {3, 1, 1}, {2, 3, 1}}) {
            Tensor x32 = x.detach().requiresGrad(true);
            Tensor x64 = x.to(DType.FLOAT64).detach().requiresGrad(true);
            Tensor y32 = Conv.maxPool2d(x32, c[0], c[1], c[2]);
            Tensor y64 = Conv.maxPool2d(x64, c[0], c[1], c[2]);
            String what = "float32 k, s, p = " + java.util.Arrays.toString(c);
            assertArrayEquals(y64.toDoubleArray(), y32.toDoubleArray(), what);
            Tensor g = r(y32.shape());
            y32.backward(g.to(DType.FLOAT32));
            y64.backward(g);
            assertArrayEquals(x64.grad().toDoubleArray(), x32.grad().toDoubleArray(), 1e-6, what + " gradient (ties: first)");
        }
        // 5×6 windows per plane: sixteen through the SIMD path, fourteen through its scalar tail; ties, ±0, NaN, ±∞
        float[] tricky = gen.normal(0, 1, 2 * 10 * 12).round().toFloatArray();
        float[] specials = {-0f, 0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int i = 0; i < tricky.length; i += 7) {
            tricky[i] = specials[(i / 7) % specials.length];
        }
        Tensor t32 = Tensor.of(tricky, 1, 2, 10, 12).requiresGrad(true);
        Tensor t64 = t32.to(DType.FLOAT64).detach().requiresGrad(true);
        Tensor p32 = Conv.maxPool2d(t32, 2);
        Tensor p64 = Conv.maxPool2d(t64, 2);
        assertArrayEquals(p64.toDoubleArray(), p32.toDoubleArray(), "SIMD 2×2 pooling values");
        p32.sum().backward();
        p64.sum().backward();
        assertArrayEquals(t64.grad().toDoubleArray(), t32.grad().toDoubleArray(), "SIMD 2×2 pooling argmax");
        float[] special = {-0f, 0f, Float.NEGATIVE_INFINITY, -1, 0f / 0f, 3, -5, Float.NEGATIVE_INFINITY};
        float[] pooled = Conv.maxPool2d(Tensor.of(special, 1, 1, 2, 4), 2).toFloatArray();
        assertTrue(Float.isNaN(pooled[0]), "NaN wins its window");
        assertEquals(-1f, pooled[1]);
    }

    @Test
    void adaptiveAveragePoolingUsesPyTorchWindows() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5}, 1, 1, 1, 5);
        // windows over 5 → 3: [0, 2), [1, 4), [3, 5)
        assertArrayEquals(new double[] {1.5, 3, 4.5}, Conv.adaptiveAvgPool2d(x, 1, 3).toDoubleArray(), 1e-12);
        Tensor y = r(2, 3, 6, 4);
        assertClose(naivePool(y, 2, 2, 0, false), Conv.adaptiveAvgPool2d(y, 3, 2), "divisible case = avgPool");
    }

    @Test
    void upsamplingMatchesPyTorch() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 1, 1, 2, 2);
        assertArrayEquals(new double[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
                Conv.upsampleNearest2d(x, 2).toDoubleArray());
        // torch.nn.functional.interpolate(x, size=(4, 4), mode="bilinear", align_corners=False)
        assertArrayEquals(new double[] {1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4},
                Conv.upsampleBilinear2d(x, 4, 4, false).toDoubleArray(), 1e-12);
        // … align_corners=True, size (3, 4)
        assertArrayEquals(new double[] {1, 4 / 3.0, 5 / 3.0, 2, 2, 7 / 3.0, 8 / 3.0, 3, 3, 10 / 3.0, 11 / 3.0, 4},
                Conv.upsampleBilinear2d(x, 3, 4, true).toDoubleArray(), 1e-12);
        // downsizing by 2 without align_corners averages the two middle neighbours
        Tensor row = Tensor.of(new double[] {0, 1, 2, 3}, 1, 1, 1, 4);
        assertArrayEquals(new double[] {0.5, 2.5}, Conv.upsampleBilinear2d(row, 1, 2, false).toDoubleArray(), 1e-12);
    }

    @Test
    void unfoldMatchesPyTorchLayout() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor cols = Conv.unfold(x, 2, 1, 0, 1);
        assertArrayEquals(new int[] {1, 4, 4}, cols.shape());
        assertArrayEquals(new double[] {1, 2, 4, 5, 2, 3, 5, 6, 4, 5, 7, 8, 5, 6, 8, 9}, cols.toDoubleArray());
    }

    // ---- gradients ---------------------------------------------------------------------------------------

    @Test
    void convolutionsHaveGradients() {
        GradCheck.check("conv2d", t -> Conv.conv2d(t[0], t[1], t[2], 1, 0), r(2, 2, 4, 4), r(3, 2, 2, 2), r(3));
        GradCheck.check("conv2d stride 2, padding", t -> Conv.conv2d(t[0], t[1], t[2], 2, 2, 1, 1, 1, 1, 1),
                r(1, 2, 5, 5), r(2, 2, 3, 3), r(2));
        GradCheck.check("conv2d dilation, rectangular", t -> Conv.conv2d(t[0], t[1], null, 1, 2, 2, 0, 2, 1, 1),
                r(2, 1, 5, 4), r(2, 1, 2, 3));
        GradCheck.check("conv2d groups", t -> Conv.conv2d(t[0], t[1], t[2], 1, 1, 1, 1, 1, 1, 2),
                r(1, 4, 4, 3), r(4, 2, 2, 2), r(4));
        GradCheck.check("conv2d depthwise", t -> Conv.conv2d(t[0], t[1], null, 2, 2, 1, 1, 1, 1, 3),
                r(2, 3, 4, 4), r(3, 1, 3, 3));
        GradCheck.check("conv1d", t -> Conv.conv1d(t[0], t[1], t[2], 2, 1, 2), r(2, 2, 7), r(3, 2, 2), r(3));
        GradCheck.check("convTranspose2d", t -> Conv.convTranspose2d(t[0], t[1], t[2], 1, 0, 0),
                r(1, 2, 3, 3), r(2, 3, 2, 2), r(3));
        GradCheck.check("convTranspose2d stride, padding, output padding",
                t -> Conv.convTranspose2d(t[0], t[1], t[2], 2, 1, 1), r(2, 2, 3, 2), r(2, 2, 3, 3), r(2));
        GradCheck.check("conv2d → relu → conv2d", t -> Conv.conv2d(Conv.conv2d(t[0], t[1], null, 1, 1).relu(),
                t[2], null, 2, 0), r(1, 1, 5, 5), r(2, 1, 3, 3), r(1, 2, 2, 2));
    }

    @Test
    void poolingAndUpsamplingHaveGradients() {
        GradCheck.check("maxPool2d", t -> Conv.maxPool2d(t[0], 2), r(2, 2, 4, 5));
        GradCheck.check("maxPool2d overlapping, padded", t -> Conv.maxPool2d(t[0], 3, 2, 1), r(1, 2, 5, 5));
        GradCheck.check("avgPool2d", t -> Conv.avgPool2d(t[0], 2), r(2, 2, 4, 4));
        GradCheck.check("avgPool2d overlapping, padded", t -> Conv.avgPool2d(t[0], 3, 2, 1), r(1, 2, 5, 4));
        GradCheck.check("adaptiveAvgPool2d", t -> Conv.adaptiveAvgPool2d(t[0], 2, 3), r(2, 1, 5, 4));
        GradCheck.check("upsampleNearest2d", t -> Conv.upsampleNearest2d(t[0], 2), r(1, 2, 2, 3));
        GradCheck.check("upsampleBilinear2d", t -> Conv.upsampleBilinear2d(t[0], 5, 4, false), r(1, 2, 3, 2));
        GradCheck.check("upsampleBilinear2d align corners", t -> Conv.upsampleBilinear2d(t[0], 4, 5, true),
                r(2, 1, 2, 3));
        GradCheck.check("unfold", t -> Conv.unfold(t[0], 2, 2, 1, 1), r(1, 2, 4, 3));
    }

    // ---- errors and determinism --------------------------------------------------------------------------

    @Test
    void shapeErrorsNameTheShapes() {
        Tensor x = r(2, 4, 5, 5);
        var e = assertThrows(IllegalArgumentException.class, () -> Conv.conv2d(x, r(3, 3, 3, 3), null, 1, 0));
        assertTrue(e.getMessage().contains("[3, 3, 3, 3]") && e.getMessage().contains("[2, 4, 5, 5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Conv.conv2d(r(4, 5, 5), r(3, 4, 3, 3), null, 1, 0));
        assertTrue(e.getMessage().contains("[4, 5, 5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Conv.conv2d(x, r(3, 4, 3, 3), r(4), 1, 0));
        assertTrue(e.getMessage().contains("bias of shape [4]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Conv.conv2d(x, r(3, 4, 7, 7), null, 1, 0));
        assertTrue(e.getMessage().contains("does not fit input of shape [2, 4, 5, 5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Conv.conv2d(x, r(6, 2, 3, 3), null, 1, 1, 0, 0, 1, 1, 3));
        assertTrue(e.getMessage().contains("3 group(s)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Conv.convTranspose2d(x, r(3, 2, 3, 3), null, 2, 0, 0));
        assertTrue(e.getMessage().contains("[3, 2, 3, 3]") && e.getMessage().contains("[2, 4, 5, 5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Conv.convTranspose2d(x, r(4, 2, 3, 3), null, 2, 0, 2));
        assertTrue(e.getMessage().contains("output padding 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Conv.maxPool2d(x, 2, 2, 2));
        assertTrue(e.getMessage().contains("more than half the kernel"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Conv.conv1d(x, r(3, 4, 3), null, 1, 0, 1));
        assertTrue(e.getMessage().contains("[2, 4, 5, 5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Conv.conv2d(x, gen.normal(0, 1, 3, 4, 3, 3), null, 1, 0));
        assertTrue(e.getMessage().contains("dtypes differ"), e.getMessage());
    }

    @Test
    void resultsAreBitIdenticalAcrossRunsAndThreadCounts() throws Exception {
        Tensor x = gen.normal(0, 1, 8, 3, 12, 12);
        Tensor w1 = gen.normal(0, 1, 16, 3, 3, 3);
        Tensor w2 = gen.normal(0, 1, 8, 16, 3, 3);
        float[][] first = stepOn(Backends.jvm(), x, w1, w2);
        float[][] again = stepOn(Backends.jvm(), x, w1, w2);
        JvmBackend single = new JvmBackend(1);
        JvmBackend three = new JvmBackend(3);
        try {
            float[][] one = Backends.using(single, () -> stepOn(single, x, w1, w2));
            float[][] many = Backends.using(three, () -> stepOn(three, x, w1, w2));
            for (int k = 0; k < first.length; k++) {
                assertArrayEquals(first[k], again[k], "run twice, output " + k);
                assertArrayEquals(first[k], one[k], "1 thread, output " + k);
                assertArrayEquals(first[k], many[k], "3 threads, output " + k);
            }
        } finally {
            single.close();
            three.close();
        }
    }

    /** Output, loss gradients of x, w1 and w2 of conv → relu → maxpool → conv → avgpool on a backend. */
    private static float[][] stepOn(org.reprolab.tensor.backend.Backend backend, Tensor x0, Tensor w10, Tensor w20) {
        Tensor x = x0.to(backend).copy().detach().requiresGrad(true);
        Tensor w1 = w10.to(backend).copy().detach().requiresGrad(true);
        Tensor w2 = w20.to(backend).copy().detach().requiresGrad(true);
        Tensor y = Conv.avgPool2d(Conv.conv2d(Conv.maxPool2d(Conv.conv2d(x, w1, null, 1, 1).relu(), 2), w2, null, 1, 1), 2);
        y.square().sum().backward();
        return new float[][] {y.toFloatArray(), x.grad().toFloatArray(), w1.grad().toFloatArray(),
            w2.grad().toFloatArray()};
    }
}
