package org.reprolab.data.synthetic;

import java.util.random.RandomGenerator;

/**
 * Corruptions of grey-scale images with values in [0, 1], row-major height × width. Each returns a new image,
 * clamped to [0, 1]; the random ones draw only from the generator they are given. Used for robustness and
 * quality-assessment methods (methods/representations.md: crlnet, re-iqa; methods/robustness.md).
 */
public final class ImageCorruptions {

    /** An image corruption. */
    @FunctionalInterface
    public interface Corruption {
        /** The corrupted copy of {@code image} (height × width, row-major). */
        float[] apply(float[] image, int height, int width, RandomGenerator rng);

        /** This corruption, then {@code next}. */
        default Corruption andThen(Corruption next) {
            return (image, h, w, rng) -> next.apply(apply(image, h, w, rng), h, w, rng);
        }
    }

    /** The IJG (libjpeg) base luminance quantisation table, row-major 8×8. */
    private static final int[] JPEG_LUMINANCE = {
        16, 11, 10, 16, 24, 40, 51, 61,
        12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77,
        24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101,
        72, 92, 95, 98, 112, 100, 103, 99};

    private ImageCorruptions() {
    }

    /** Adds N(0, σ²) to every pixel. */
    public static Corruption gaussianNoise(double sigma) {
        requireNonNegative("sigma", sigma);
        return (image, h, w, rng) -> {
            float[] out = copy(image, h, w);
            for (int i = 0; i < out.length; i++) {
                out[i] += (float) (sigma * rng.nextGaussian());
            }
            return clamp(out);
        };
    }

    /** Salt-and-pepper noise: each pixel independently becomes 0 or 1 (equally likely) with probability {@code fraction}. */
    public static Corruption impulseNoise(double fraction) {
        requireFraction("fraction", fraction);
        return (image, h, w, rng) -> {
            float[] out = copy(image, h, w);
            for (int i = 0; i < out.length; i++) {
                if (rng.nextDouble() < fraction) {
                    out[i] = rng.nextBoolean() ? 1f : 0f;
                }
            }
            return out;
        };
    }

    /** Gaussian blur of standard deviation σ pixels (separable kernel of radius ⌈3σ⌉, borders replicated). */
    public static Corruption gaussianBlur(double sigma) {
        requireNonNegative("sigma", sigma);
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double v = sigma == 0 ? (i == 0 ? 1 : 0) : Math.exp(-0.5 * i * i / (sigma * sigma));
            kernel[i + radius] = (float) v;
            sum += v;
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        return (image, h, w, rng) -> {
            float[] rows = new float[h * w];
            float[] out = new float[h * w];
            checkShape(image, h, w);
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    float acc = 0;
                    for (int k = -radius; k <= radius; k++) {
                        acc += kernel[k + radius] * image[r * w + Math.clamp(c + k, 0, w - 1)];
                    }
                    rows[r * w + c] = acc;
                }
            }
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    float acc = 0;
                    for (int k = -radius; k <= radius; k++) {
                        acc += kernel[k + radius] * rows[Math.clamp(r + k, 0, h - 1) * w + c];
                    }
                    out[r * w + c] = acc;
                }
            }
            return clamp(out);
        };
    }

    /**
     * Linear motion blur: the mean of {@code length} samples along a segment through each pixel in a direction
     * uniform in [0, π) (bilinear sampling, borders replicated).
     */
    public static Corruption motionBlur(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("motion blur length must be ≥ 1, got " + length);
        }
        return (image, h, w, rng) -> {
            checkShape(image, h, w);
            double angle = rng.nextDouble(0, Math.PI);
            double dx = Math.cos(angle);
            double dy = Math.sin(angle);
            float[] out = new float[h * w];
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    double acc = 0;
                    for (int s = 0; s < length; s++) {
                        double t = s - (length - 1) / 2.0;
                        acc += bilinear(image, h, w, r + t * dy, c + t * dx);
                    }
                    out[r * w + c] = (float) (acc / length);
                }
            }
            return clamp(out);
        };
    }

    /**
     * Occlusion: an axis-aligned rectangle covering {@code fraction} of the image (aspect ratio ~ U[0.5, 2], position
     * uniform among those inside the image) is set to {@code fill}.
     */
    public static Corruption occlusion(double fraction, float fill) {
        requireFraction("fraction", fraction);
        return (image, h, w, rng) -> {
            float[] out = copy(image, h, w);
            if (fraction == 0) {
                return out;
            }
            double area = fraction * h * w;
            double aspect = Math.exp(rng.nextDouble(Math.log(0.5), Math.log(2)));
            int rh = (int) Math.min(h, Math.max(1, Math.round(Math.sqrt(area * aspect))));
            int rw = (int) Math.min(w, Math.max(1, Math.round(area / rh)));
            int r0 = rng.nextInt(h - rh + 1);
            int c0 = rng.nextInt(w - rw + 1);
            for (int r = r0; r < r0 + rh; r++) {
                java.util.Arrays.fill(out, r * w + c0, r * w + c0 + rw, fill);
            }
            return clamp(out);
        };
    }

    /**
     * JPEG-like compression of the luminance: 8×8 blocks (edges replicated to whole blocks), orthonormal DCT-II on
     * values 255·x − 128, quantisation by the IJG luminance table scaled for {@code quality} ∈ [1, 100] as libjpeg
     * does, rounding, then the inverse. Deterministic.
     */
    public static Corruption jpegLike(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be in [1, 100], got " + quality);
        }
        int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        double[] table = new double[64];
        for (int i = 0; i < 64; i++) {
            table[i] = Math.clamp((JPEG_LUMINANCE[i] * scale + 50) / 100, 1, 255);
        }
        double[][] basis = new double[8][8];
        for (int k = 0; k < 8; k++) {
            double a = k == 0 ? Math.sqrt(1.0 / 8) : Math.sqrt(2.0 / 8);
            for (int n = 0; n < 8; n++) {
                basis[k][n] = a * Math.cos(Math.PI * (2 * n + 1) * k / 16);
            }
        }
        return (image, h, w, rng) -> {
            checkShape(image, h, w);
            float[] out = new float[h * w];
            double[] block = new double[64];
            double[] coef = new double[64];
            for (int br = 0; br < h; br += 8) {
                for (int bc = 0; bc < w; bc += 8) {
                    for (int i = 0; i < 8; i++) {
                        for (int j = 0; j < 8; j++) {
                            block[i * 8 + j] = 255.0 * image[Math.min(br + i, h - 1) * w + Math.min(bc + j, w - 1)] - 128;
                        }
                    }
                    transform(basis, block, coef, false);
                    for (int i = 0; i < 64; i++) {
                        coef[i] = Math.rint(coef[i] / table[i]) * table[i];
                    }
                    transform(basis, coef, block, true);
                    for (int i = 0; i < 8 && br + i < h; i++) {
                        for (int j = 0; j < 8 && bc + j < w; j++) {
                            out[(br + i) * w + bc + j] = (float) ((block[i * 8 + j] + 128) / 255.0);
                        }
                    }
                }
            }
            return clamp(out);
        };
    }

    /** Contrast change about the image mean: x ↦ mean + factor·(x − mean). */
    public static Corruption contrast(double factor) {
        requireNonNegative("factor", factor);
        return (image, h, w, rng) -> {
            float[] out = copy(image, h, w);
            double mean = 0;
            for (float v : out) {
                mean += v;
            }
            mean /= out.length;
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (mean + factor * (out[i] - mean));
            }
            return clamp(out);
        };
    }

    /** Pixelation: each block × block tile takes its mean. */
    public static Corruption pixelate(int block) {
        if (block < 1) {
            throw new IllegalArgumentException("pixelation block must be ≥ 1, got " + block);
        }
        return (image, h, w, rng) -> {
            float[] out = copy(image, h, w);
            for (int br = 0; br < h; br += block) {
                for (int bc = 0; bc < w; bc += block) {
                    int rEnd = Math.min(h, br + block);
                    int cEnd = Math.min(w, bc + block);
                    double sum = 0;
                    for (int r = br; r < rEnd; r++) {
                        for (int c = bc; c < cEnd; c++) {
                            sum += out[r * w + c];
                        }
                    }
                    float mean = (float) (sum / ((rEnd - br) * (cEnd - bc)));
                    for (int r = br; r < rEnd; r++) {
                        java.util.Arrays.fill(out, r * w + bc, r * w + cEnd, mean);
                    }
                }
            }
            return out;
        };
    }

    /** 2-D orthonormal DCT-II of an 8×8 block (or its inverse), separably. */
    private static void transform(double[][] basis, double[] in, double[] out, boolean inverse) {
        double[] tmp = new double[64];
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < 8; k++) {
                double acc = 0;
                for (int n = 0; n < 8; n++) {
                    acc += (inverse ? basis[n][k] : basis[k][n]) * in[i * 8 + n];
                }
                tmp[i * 8 + k] = acc;
            }
        }
        for (int j = 0; j < 8; j++) {
            for (int k = 0; k < 8; k++) {
                double acc = 0;
                for (int n = 0; n < 8; n++) {
                    acc += (inverse ? basis[n][k] : basis[k][n]) * tmp[n * 8 + j];
                }
                out[k * 8 + j] = acc;
            }
        }
    }

    private static double bilinear(float[] image, int h, int w, double r, double c) {
        r = Math.clamp(r, 0, h - 1);
        c = Math.clamp(c, 0, w - 1);
        int r0 = (int) r;
        int c0 = (int) c;
        int r1 = Math.min(r0 + 1, h - 1);
        int c1 = Math.min(c0 + 1, w - 1);
        double fr = r - r0;
        double fc = c - c0;
        return (1 - fr) * ((1 - fc) * image[r0 * w + c0] + fc * image[r0 * w + c1])
                + fr * ((1 - fc) * image[r1 * w + c0] + fc * image[r1 * w + c1]);
    }

    /** A copy, after checking the image has height × width values. */
    private static float[] copy(float[] image, int h, int w) {
        checkShape(image, h, w);
        return image.clone();
    }

    private static void checkShape(float[] image, int h, int w) {
        if (image.length != h * w) {
            throw new IllegalArgumentException("image has " + image.length + " values, expected " + h + "×" + w + " = " + h * w);
        }
    }

    private static float[] clamp(float[] image) {
        Raster.clamp(image);
        return image;
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0)) {
            throw new IllegalArgumentException(name + " must be ≥ 0, got " + v);
        }
    }

    private static void requireFraction(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        }
    }
}
