package org.reprolab.data.synthetic;

/** Draws shapes into row-major float images, with optional supersampled anti-aliasing. */
final class Raster {

    private Raster() {
    }

    /**
     * The fraction of each pixel covered by a shape of half-size {@code halfSize} centred at (cx, cy) in pixel units
     * (pixel (r, c) spans [c, c+1) × [r, r+1)), rotated counter-clockwise by {@code angle} radians, from
     * {@code samples}² points per pixel; with one sample the coverage is 0 or 1 (the pixel centre decides).
     */
    static float[] coverage(int height, int width, Shape shape, double cx, double cy, double halfSize, double angle,
                            int samples) {
        float[] mask = new float[height * width];
        double reach = halfSize * shape.radius() + 1;
        int r0 = Math.max(0, (int) Math.floor(cy - reach));
        int r1 = Math.min(height - 1, (int) Math.ceil(cy + reach));
        int c0 = Math.max(0, (int) Math.floor(cx - reach));
        int c1 = Math.min(width - 1, (int) Math.ceil(cx + reach));
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        float weight = 1f / (samples * samples);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int inside = 0;
                for (int i = 0; i < samples; i++) {
                    double dy = cy - (r + (i + 0.5) / samples);
                    for (int j = 0; j < samples; j++) {
                        double dx = c + (j + 0.5) / samples - cx;
                        double u = (dx * cos + dy * sin) / halfSize;
                        double v = (-dx * sin + dy * cos) / halfSize;
                        inside += shape.contains(u, v) ? 1 : 0;
                    }
                }
                mask[r * width + c] = inside * weight;
            }
        }
        return mask;
    }

    /** Paints {@code value} over the plane at {@code offset} of {@code image} with the mask as opacity. */
    static void paint(float[] image, int offset, float[] mask, float value) {
        for (int p = 0; p < mask.length; p++) {
            float a = mask[p];
            if (a > 0) {
                image[offset + p] = image[offset + p] * (1 - a) + value * a;
            }
        }
    }

    /** Clamps every value to [0, 1]. */
    static void clamp(float[] image) {
        for (int i = 0; i < image.length; i++) {
            image[i] = Math.min(1f, Math.max(0f, image[i]));
        }
    }

    /** Values spaced evenly from {@code lo} to {@code hi} inclusive ({@code lo} alone when n = 1). */
    static double[] linspace(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = n == 1 ? lo : lo + (hi - lo) * i / (n - 1);
        }
        return v;
    }
}
