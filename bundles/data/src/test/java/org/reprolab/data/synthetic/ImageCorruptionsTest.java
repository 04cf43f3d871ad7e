package org.reprolab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.data.synthetic.ImageCorruptions.Corruption;

class ImageCorruptionsTest {

    private static final int H = 28;
    private static final int W = 28;

    /** A smooth test image: a bright disk on a ramp. */
    private static float[] image() {
        float[] img = new float[H * W];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                double d = Math.hypot(r - 13.5, c - 13.5);
                img[r * W + c] = (float) (d < 8 ? 0.9 : 0.1 + 0.3 * c / W);
            }
        }
        return img;
    }

    private static float[] constant(float v) {
        float[] img = new float[H * W];
        Arrays.fill(img, v);
        return img;
    }

    private static double rms(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }

    @Test
    void everyCorruptionIsSeededAndStaysInRange() {
        Corruption[] all = {ImageCorruptions.gaussianNoise(0.3), ImageCorruptions.impulseNoise(0.2),
            ImageCorruptions.gaussianBlur(1.5), ImageCorruptions.motionBlur(6), ImageCorruptions.occlusion(0.3, 0f),
            ImageCorruptions.jpegLike(10), ImageCorruptions.contrast(3), ImageCorruptions.pixelate(4),
            ImageCorruptions.gaussianNoise(0.1).andThen(ImageCorruptions.gaussianBlur(1))};
        float[] img = image();
        for (Corruption c : all) {
            float[] a = c.apply(img, H, W, new SplittableRandom(1));
            assertArrayEquals(a, c.apply(img, H, W, new SplittableRandom(1)));
            for (float v : a) {
                assertTrue(v >= 0 && v <= 1);
            }
        }
        assertArrayEquals(image(), img, "the input is never modified");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageCorruptions.gaussianBlur(1).apply(new float[10], H, W, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("28×28"), e.getMessage());
    }

    @Test
    void noiseHasItsStrength() {
        float[] grey = constant(0.5f);
        float[] noisy = ImageCorruptions.gaussianNoise(0.05).apply(grey, H, W, new SplittableRandom(2));
        assertEquals(0.05, rms(noisy, grey), 0.005);
        float[] salted = ImageCorruptions.impulseNoise(0.25).apply(grey, H, W, new SplittableRandom(3));
        long changed = java.util.stream.IntStream.range(0, salted.length).filter(i -> salted[i] != 0.5f).count();
        assertEquals(0.25 * H * W, changed, 5 * Math.sqrt(H * W * 0.25 * 0.75));
    }

    @Test
    void blursKeepConstantsAndSmoothEdges() {
        for (Corruption blur : new Corruption[] {ImageCorruptions.gaussianBlur(2), ImageCorruptions.motionBlur(5)}) {
            float[] flat = blur.apply(constant(0.3f), H, W, new SplittableRandom(4));
            for (float v : flat) {
                assertEquals(0.3f, v, 1e-6);
            }
            float[] checker = new float[H * W];
            for (int i = 0; i < checker.length; i++) {
                checker[i] = (i / W + i % W) % 2;
            }
            assertTrue(rms(blur.apply(checker, H, W, new SplittableRandom(4)), constant(0.5f)) < 0.25, "a checkerboard is smoothed");
        }
        assertArrayEquals(image(), ImageCorruptions.gaussianBlur(0).apply(image(), H, W, new SplittableRandom(1)));
    }

    @Test
    void occlusionCoversItsFraction() {
        float[] white = constant(1f);
        for (int seed = 0; seed < 10; seed++) {
            float[] o = ImageCorruptions.occlusion(0.35, 0f).apply(white, H, W, new SplittableRandom(seed));
            long dark = java.util.stream.IntStream.range(0, o.length).filter(i -> o[i] == 0f).count();
            assertEquals(0.35 * H * W, dark, 0.06 * H * W);
        }
    }

    @Test
    void jpegLikeLosesMoreAtLowQualityAndKeepsFlatBlocks() {
        float[] img = image();
        double q95 = rms(ImageCorruptions.jpegLike(95).apply(img, H, W, null), img);
        double q50 = rms(ImageCorruptions.jpegLike(50).apply(img, H, W, null), img);
        double q5 = rms(ImageCorruptions.jpegLike(5).apply(img, H, W, null), img);
        assertTrue(q95 < 0.02 && q95 < q50 && q50 < q5, q95 + " < " + q50 + " < " + q5);
        float[] flat = ImageCorruptions.jpegLike(20).apply(constant(0.5f), H, W, null);
        for (float v : flat) {
            assertEquals(0.5f, v, 0.03, "a flat image keeps its level (DC only)");
        }
    }

    @Test
    void contrastAndPixelationDoWhatTheySay() {
        float[] img = image();
        float[] flat = ImageCorruptions.contrast(0).apply(img, H, W, null);
        double mean = 0;
        for (float v : img) {
            mean += v;
        }
        mean /= img.length;
        assertEquals(mean, flat[123], 1e-6);
        float[] tiny = {0, 1, 0.5f, 0.5f, 1, 1, 0, 0};
        assertArrayEquals(new float[] {0.75f, 0.75f, 0.25f, 0.25f, 0.75f, 0.75f, 0.25f, 0.25f},
                ImageCorruptions.pixelate(2).apply(tiny, 2, 4, null));
    }
}
