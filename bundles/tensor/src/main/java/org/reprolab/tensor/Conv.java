package org.reprolab.tensor;

import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.View;

/**
 * Convolution, pooling and upsampling of [N, C, H, W] images (and [N, C, L] sequences), with gradients.
 *
 * <p>Two primitives carry everything, each the other's gradient: {@link #patches} unfolds every sliding window
 * of a whole batch into one matrix [C·kh·kw, N·oh·ow] (im2col), and {@link #image} sums such a matrix back into
 * an image (col2im). With the patches of all images side by side, a convolution is one matrix product
 * {@code w[O, C·kh·kw] · patches}, and its weight and input gradients are the two products of matmul's own
 * backward — large GEMMs rather than one small product per image. Average pooling reduces the patch matrix
 * over the window; max pooling has its own backend kernel, which records where each maximum was so that the
 * backward pass is one scatter-add; adaptive pooling and bilinear upsampling are separable linear maps, i.e.
 * two small matrix products.
 *
 * <p>Results may be non-contiguous views (a convolution without bias is the product viewed as [N, O, oh, ow]);
 * the next op reads them through their strides.
 */
public final class Conv {
    private Conv() {
    }

    /** A 2-d sliding window: kernel size, stride, padding and dilation along height and width. */
    record Window(int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw) {
        static Window square(int kernel, int stride, int padding) {
            return new Window(kernel, kernel, stride, stride, padding, padding, 1, 1);
        }

        int outH(int h) {
            return (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
        }

        int outW(int w) {
            return (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
        }

        int area() {
            return kh * kw;
        }

        @Override
        public String toString() {
            return "kernel " + kh + "×" + kw + ", stride " + sh + "×" + sw + ", padding " + ph + "×" + pw
                    + ", dilation " + dh + "×" + dw;
        }
    }

    // ---- im2col and col2im ---------------------------------------------------------------------------------

    /**
     * The sliding windows of x [N, C, H, W] as a matrix [C·kh·kw, N, oh·ow]: row (c, i, j) holds input
     * channel c at kernel offset (i, j) for every output position of every image. Gradient: {@link #image}.
     */
    static Tensor patches(Tensor x, Window win) {
        int[] shape = x.shape();
        int oh = win.outH(shape[2]);
        int ow = win.outW(shape[3]);
        Tensor cols = x.newEmpty(x.dtype(), shape[1] * win.area(), shape[0], oh * ow);
        x.backend().im2col(x.view(), win.kh, win.kw, win.sh, win.sw, win.ph, win.pw, win.dh, win.dw, byImage(cols));
        return Autograd.record(cols, "im2col", g -> new Tensor[] {image(g, win, shape)}, x);
    }

    /**
     * Sums a patch matrix [C·kh·kw, N, oh·ow] into an image of the given shape [N, C, H, W]. Gradient:
     * {@link #patches}.
     */
    static Tensor image(Tensor cols, Window win, int[] shape) {
        Tensor rowMajor = cols.view().strides()[2] == 1 || cols.size(2) == 1 ? cols : cols.contiguous();
        Tensor out = cols.newEmpty(cols.dtype(), shape);
        cols.backend().col2im(byImage(rowMajor), win.kh, win.kw, win.sh, win.sw, win.ph, win.pw, win.dh, win.dw,
                out.view());
        return Autograd.record(out, "col2im", g -> new Tensor[] {patches(g, win)}, cols);
    }

    /** A [C·kh·kw, N, L] patch matrix as the [N, C·kh·kw, L] view the backend's im2col and col2im take. */
    private static View byImage(Tensor cols) {
        View v = cols.view();
        return new View(v.storage(), new int[] {v.shape()[1], v.shape()[0], v.shape()[2]},
                new int[] {v.strides()[1], v.strides()[0], v.strides()[2]}, v.offset());
    }

    /** PyTorch's {@code F.unfold}: the sliding windows of x [N, C, H, W] as [N, C·k·k, oh·ow]. */
    public static Tensor unfold(Tensor x, int kernel, int stride, int padding, int dilation) {
        Window win = new Window(kernel, kernel, stride, stride, padding, padding, dilation, dilation);
        checkImage("unfold", x, win);
        return patches(x, win).permute(1, 0, 2);
    }

    // ---- convolution ---------------------------------------------------------------------------------------

    /** 2-d convolution with square stride and padding, no dilation, one group. */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor bias, int stride, int padding) {
        return conv2d(x, w, bias, stride, stride, padding, padding, 1, 1, 1);
    }

    /**
     * 2-d convolution (cross-correlation, as in PyTorch) of x [N, C, H, W] with w [O, C/groups, kh, kw] plus an
     * optional bias [O], giving [N, O, oh, ow]. Group g sees input channels g·C/groups … and makes output
     * channels g·O/groups …; groups = C is a depthwise convolution.
     */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor bias, int strideH, int strideW, int padH, int padW,
                                int dilH, int dilW, int groups) {
        checkOperands("conv2d", x, w, bias);
        int n = x.size(0);
        int c = x.size(1);
        int o = w.size(0);
        if (groups < 1 || c % groups != 0 || o % groups != 0 || w.size(1) != c / groups) {
            throw new IllegalArgumentException("conv2d: weight of shape " + Shapes.format(w.shape())
                    + " does not fit input of shape " + Shapes.format(x.shape()) + " with " + groups
                    + " group(s): expected [O, " + (groups >= 1 ? c / groups : "C/groups")
                    + ", kh, kw] with C and O divisible by groups");
        }
        checkBias("conv2d", bias, o, w);
        Window win = new Window(w.size(2), w.size(3), strideH, strideW, padH, padW, dilH, dilW);
        checkImage("conv2d", x, win);
        int oh = win.outH(x.size(2));
        int ow = win.outW(x.size(3));
        int perGroup = c / groups * win.area();
        Tensor cols = patches(x, win).reshape(groups, perGroup, n * oh * ow);
        Tensor y = w.reshape(groups, o / groups, perGroup).matmul(cols);
        return withBias(y.reshape(o, n, oh, ow).permute(1, 0, 2, 3), bias);
    }

    /** 1-d convolution of x [N, C, L] with w [O, C, k] and an optional bias [O]: a 2-d one of height 1. */
    public static Tensor conv1d(Tensor x, Tensor w, Tensor bias, int stride, int padding, int dilation) {
        return conv1d(x, w, bias, stride, padding, dilation, 1);
    }

    /** 1-d convolution of x [N, C, L] with w [O, C/groups, k] and an optional bias [O]. */
    public static Tensor conv1d(Tensor x, Tensor w, Tensor bias, int stride, int padding, int dilation, int groups) {
        if (x.rank() != 3 || w.rank() != 3) {
            throw new IllegalArgumentException("conv1d: expected input [N, C, L] and weight [O, C/groups, k], got "
                    + Shapes.format(x.shape()) + " and " + Shapes.format(w.shape()));
        }
        return conv2d(x.unsqueeze(2), w.unsqueeze(2), bias, 1, stride, 0, padding, 1, dilation, groups).squeeze(2);
    }

    /**
     * Transposed convolution (the adjoint of {@link #conv2d} in x) of x [N, Cin, H, W] with w [Cin, Cout, kh, kw]
     * plus an optional bias [Cout], giving [N, Cout, (H−1)·stride − 2·padding + kh + outputPadding, …]: each
     * input pixel scatters a weighted kernel into the output. outputPadding (&lt; stride) picks among the output
     * sizes that a stride-s convolution maps to H.
     */
    public static Tensor convTranspose2d(Tensor x, Tensor w, Tensor bias, int stride, int padding, int outputPadding) {
        checkOperands("convTranspose2d", x, w, bias);
        int n = x.size(0);
        int c = x.size(1);
        int h = x.size(2);
        int wd = x.size(3);
        if (w.size(0) != c) {
            throw new IllegalArgumentException("convTranspose2d: weight of shape " + Shapes.format(w.shape())
                    + " does not fit input of shape " + Shapes.format(x.shape()) + ": expected [" + c
                    + ", Cout, kh, kw]");
        }
        int cout = w.size(1);
        checkBias("convTranspose2d", bias, cout, w);
        if (stride < 1 || padding < 0 || outputPadding < 0 || outputPadding >= stride) {
            throw new IllegalArgumentException("convTranspose2d: stride " + stride + ", padding " + padding
                    + ", output padding " + outputPadding + ": need stride ≥ 1, padding ≥ 0, 0 ≤ output padding < stride");
        }
        Window win = new Window(w.size(2), w.size(3), stride, stride, padding, padding, 1, 1);
        int outH = (h - 1) * stride - 2 * padding + win.kh + outputPadding;
        int outW = (wd - 1) * stride - 2 * padding + win.kw + outputPadding;
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("convTranspose2d: input of shape " + Shapes.format(x.shape())
                    + " with weight " + Shapes.format(w.shape()) + " and " + win + " gives an empty output "
                    + outH + "×" + outW);
        }
        Tensor pixels = x.permute(1, 0, 2, 3).reshape(c, n * h * wd);
        Tensor cols = w.reshape(c, cout * win.area()).t().matmul(pixels);
        Tensor y = image(cols.reshape(cout * win.area(), n, h * wd), win, new int[] {n, cout, outH, outW});
        return withBias(y, bias);
    }

    private static Tensor withBias(Tensor y, Tensor bias) {
        return bias == null ? y : y.add(bias.reshape(1, -1, 1, 1));
    }

    private static void checkOperands(String op, Tensor x, Tensor w, Tensor bias) {
        x.sameBackend(w, op);
        if (bias != null) {
            x.sameBackend(bias, op);
        }
        if (x.rank() != 4 || w.rank() != 4) {
            throw new IllegalArgumentException(op + ": expected input [N, C, H, W] and a 4-d weight, got shapes "
                    + Shapes.format(x.shape()) + " and " + Shapes.format(w.shape()));
        }
        if (x.dtype() != w.dtype() || (bias != null && bias.dtype() != x.dtype())) {
            throw new IllegalArgumentException(op + ": input, weight and bias dtypes differ (" + x.dtype() + ", "
                    + w.dtype() + (bias != null ? ", " + bias.dtype() : "") + ")");
        }
    }

    private static void checkBias(String op, Tensor bias, int channels, Tensor w) {
        if (bias != null && (bias.rank() != 1 || bias.size(0) != channels)) {
            throw new IllegalArgumentException(op + ": bias of shape " + Shapes.format(bias.shape())
                    + " does not fit weight of shape " + Shapes.format(w.shape()) + ": expected [" + channels + "]");
        }
    }

    /** x is a floating [N, C, H, W] image that the window fits (after padding) at least once. */
    private static void checkImage(String op, Tensor x, Window win) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException(op + ": expected an input [N, C, H, W], got shape "
                    + Shapes.format(x.shape()));
        }
        if (!x.dtype().isFloating()) {
            throw new IllegalArgumentException(op + " needs a floating input, got " + x.dtype());
        }
        if (win.kh < 1 || win.kw < 1 || win.sh < 1 || win.sw < 1 || win.ph < 0 || win.pw < 0 || win.dh < 1
                || win.dw < 1) {
            throw new IllegalArgumentException(op + ": " + win
                    + ": kernel, stride and dilation must be ≥ 1 and padding ≥ 0");
        }
        if (win.outH(x.size(2)) < 1 || win.outW(x.size(3)) < 1) {
            throw new IllegalArgumentException(op + ": " + win + " does not fit input of shape "
                    + Shapes.format(x.shape()));
        }
    }

    // ---- pooling -------------------------------------------------------------------------------------------

    /** Max pooling with stride = kernel and no padding. */
    public static Tensor maxPool2d(Tensor x, int kernel) {
        return maxPool2d(x, kernel, kernel, 0);
    }

    /**
     * Max over each k×k window of x [N, C, H, W]; padding counts as −∞. The gradient goes to the first maximal
     * element of each window (row-major within the window), whose position the forward pass records.
     */
    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        Window win = poolWindow("maxPool2d", x, kernel, stride, padding);
        int[] shape = x.shape();
        int n = shape[0];
        int c = shape[1];
        int oh = win.outH(shape[2]);
        int ow = win.outW(shape[3]);
        Tensor out = x.newEmpty(x.dtype(), n, c, oh, ow);
        Tensor at = x.newEmpty(DType.INT32, n, c, oh, ow);
        x.backend().maxPool2d(x.view(), win.kh, win.kw, win.sh, win.sw, win.ph, win.pw, win.dh, win.dw, out.view(),
                at.view());
        return Autograd.record(out, "maxPool2d", g -> {
            Tensor grad = g.newEmpty(g.dtype(), n, c, shape[2] * shape[3]);
            g.backend().scatterAdd(g.reshape(n, c, oh * ow).view(), 2, at.reshape(n, c, oh * ow).view(), grad.view());
            return new Tensor[] {grad.reshape(shape)};
        }, x);
    }

    /** Average pooling with stride = kernel and no padding. */
    public static Tensor avgPool2d(Tensor x, int kernel) {
        return avgPool2d(x, kernel, kernel, 0);
    }

    /** Mean over each k×k window of x [N, C, H, W]; padding counts as zeros (PyTorch's count_include_pad). */
    public static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        Window win = poolWindow("avgPool2d", x, kernel, stride, padding);
        return pooled(byWindow(x, win).mean(1, false), x, win);
    }

    /**
     * Averages x [N, C, H, W] over an outH×outW grid of windows, row i covering input rows
     * ⌊i·H/outH⌋ … ⌈(i+1)·H/outH⌉−1 (as PyTorch's adaptive pooling); computed as A_H · x · A_Wᵀ.
     */
    public static Tensor adaptiveAvgPool2d(Tensor x, int outH, int outW) {
        checkResize("adaptiveAvgPool2d", x, outH, outW);
        return averaging(x, x.size(2), outH).matmul(x).matmul(averaging(x, x.size(3), outW).t());
    }

    private static Window poolWindow(String op, Tensor x, int kernel, int stride, int padding) {
        Window win = Window.square(kernel, stride, padding);
        checkImage(op, x, win);
        if (2 * padding > kernel) {
            throw new IllegalArgumentException(op + ": padding " + padding + " is more than half the kernel "
                    + kernel + " (input shape " + Shapes.format(x.shape()) + ")");
        }
        return win;
    }

    /** The patches of x as [C, kh·kw, N, oh·ow], so that pooling reduces dimension 1. */
    private static Tensor byWindow(Tensor x, Window win) {
        Tensor cols = patches(x, win);
        return cols.reshape(x.size(1), win.area(), x.size(0), cols.size(2));
    }

    /** Pooled values [C, N, oh·ow] as [N, C, oh, ow]. */
    private static Tensor pooled(Tensor values, Tensor x, Window win) {
        return values.reshape(x.size(1), x.size(0), win.outH(x.size(2)), win.outW(x.size(3))).permute(1, 0, 2, 3);
    }

    /** Row i of the [out, in] matrix averages input positions ⌊i·in/out⌋ … ⌈(i+1)·in/out⌉−1. */
    private static Tensor averaging(Tensor like, int in, int out) {
        double[] a = new double[out * in];
        for (int i = 0; i < out; i++) {
            int start = (int) ((long) i * in / out);
            int end = (int) (((long) (i + 1) * in + out - 1) / out);
            for (int j = start; j < end; j++) {
                a[i * in + j] = 1.0 / (end - start);
            }
        }
        return matrix(like, a, out, in);
    }

    // ---- upsampling ----------------------------------------------------------------------------------------

    /** Repeats each pixel of x [N, C, H, W] scale×scale times: [N, C, H·scale, W·scale]. */
    public static Tensor upsampleNearest2d(Tensor x, int scale) {
        checkResize("upsampleNearest2d", x, scale, scale);
        int[] s = x.shape();
        return x.unsqueeze(3).unsqueeze(5).expand(s[0], s[1], s[2], scale, s[3], scale)
                .reshape(s[0], s[1], s[2] * scale, s[3] * scale);
    }

    /**
     * Bilinear resize of x [N, C, H, W] to [N, C, outH, outW], as PyTorch's {@code interpolate(mode="bilinear")}:
     * with alignCorners the corner pixels of input and output coincide; without, pixel centres are aligned and
     * source positions are clamped at the border. Computed as B_H · x · B_Wᵀ.
     */
    public static Tensor upsampleBilinear2d(Tensor x, int outH, int outW, boolean alignCorners) {
        checkResize("upsampleBilinear2d", x, outH, outW);
        return interpolation(x, x.size(2), outH, alignCorners).matmul(x)
                .matmul(interpolation(x, x.size(3), outW, alignCorners).t());
    }

    private static void checkResize(String op, Tensor x, int a, int b) {
        if (x.rank() != 4 || !x.dtype().isFloating()) {
            throw new IllegalArgumentException(op + ": expected a floating input [N, C, H, W], got shape "
                    + Shapes.format(x.shape()) + " " + x.dtype());
        }
        if (a < 1 || b < 1) {
            throw new IllegalArgumentException(op + ": sizes must be ≥ 1, got " + a + " and " + b + " for input "
                    + Shapes.format(x.shape()));
        }
    }

    /** The [out, in] matrix of 1-d linear interpolation weights. */
    private static Tensor interpolation(Tensor like, int in, int out, boolean alignCorners) {
        double[] a = new double[out * in];
        for (int i = 0; i < out; i++) {
            double src = alignCorners
                    ? (out == 1 ? 0 : (double) i * (in - 1) / (out - 1))
                    : Math.max(0, (i + 0.5) * in / out - 0.5);
            int lo = Math.min((int) src, in - 1);
            int hi = Math.min(lo + 1, in - 1);
            double frac = src - lo;
            a[i * in + lo] += 1 - frac;
            a[i * in + hi] += frac;
        }
        return matrix(like, a, out, in);
    }

    private static Tensor matrix(Tensor like, double[] values, int rows, int cols) {
        return Tensor.of(values, rows, cols).to(like.backend()).to(like.dtype());
    }
}
