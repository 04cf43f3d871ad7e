package org.reprolab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.data.synthetic.MovingShapes.Motion;

class VideoGeneratorsTest {

    @Test
    void clipsAreSeededAndLabelled() {
        MovingShapes gen = MovingShapes.sigmaSetting();
        MovingShapes.Clips a = gen.batch(64, new SplittableRandom(11));
        MovingShapes.Clips b = gen.batch(64, new SplittableRandom(11));
        assertArrayEquals(a.pixels(), b.pixels());
        assertArrayEquals(a.motions(), b.motions());
        assertEquals(64 * 8 * 32 * 32, a.pixels().length);
        boolean[] seen = new boolean[Motion.values().length];
        for (int m : a.motions()) {
            seen[m] = true;
        }
        for (boolean s : seen) {
            assertTrue(s, "64 clips cover all eight motions");
        }
        for (float v : a.pixels()) {
            assertTrue(v >= 0 && v <= 1);
        }
    }

    @Test
    void motionsMoveTurnAndScaleTheShape() {
        MovingShapes gen = new MovingShapes(8, 32, 0);
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 5; trial++) {
            double[] right = centroidAndArea(gen.clip(Shape.SQUARE, Motion.RIGHT, rng), 0, 7);
            assertTrue(right[0] > 0.8 * 7 - 0.5 && right[0] < 1.6 * 7 + 0.5 && Math.abs(right[1]) < 0.5, "moves right: " + right[0]);
            double[] up = centroidAndArea(gen.clip(Shape.TRIANGLE, Motion.UP, rng), 0, 7);
            assertTrue(up[1] < -0.8 * 7 + 0.5 && Math.abs(up[0]) < 0.5, "moves up: " + up[1]);
            double[] grow = centroidAndArea(gen.clip(Shape.DISK, Motion.GROW, rng), 0, 7);
            assertTrue(grow[2] > 1.6, "grows: area ratio " + grow[2]);
            double[] shrink = centroidAndArea(gen.clip(Shape.CROSS, Motion.SHRINK, rng), 0, 7);
            assertTrue(shrink[2] < 0.75, "shrinks: area ratio " + shrink[2]);
            double[] spin = centroidAndArea(gen.clip(Shape.SQUARE, Motion.ROTATE_CW, rng), 0, 7);
            assertTrue(Math.hypot(spin[0], spin[1]) < 0.5 && Math.abs(spin[2] - 1) < 0.1, "turns in place");
        }
    }

    /** Shift in x, shift in y and area ratio of the bright (shape) pixels between two frames. */
    private static double[] centroidAndArea(MovingShapes.Clip clip, int t0, int t1) {
        double[] a = stats(clip, t0);
        double[] b = stats(clip, t1);
        return new double[] {b[0] - a[0], b[1] - a[1], b[2] / a[2]};
    }

    private static double[] stats(MovingShapes.Clip clip, int t) {
        int n = clip.size();
        double sx = 0;
        double sy = 0;
        double mass = 0;
        for (int p = 0; p < n * n; p++) {
            double w = Math.max(0, clip.pixels()[t * n * n + p] - 0.66) / 0.24; // background ≤ 0.65, shape 0.9
            sx += w * (p % n);
            sy += w * (p / n);
            mass += w;
        }
        return new double[] {sx / mass, sy / mass, mass};
    }

    @Test
    void bouncingSpritesStayInsideMoveSmoothlyAndShowTheirColours() {
        BouncingShapesVideo gen = BouncingShapesVideo.hnervSetting();
        BouncingShapesVideo.Video v = gen.render(new SplittableRandom(0));
        assertArrayEquals(v.pixels(), gen.render(new SplittableRandom(0)).pixels());
        assertEquals(64 * 3 * 64 * 64, v.pixels().length);
        int k = v.sprites();
        for (int t = 0; t < v.frames(); t++) {
            for (int s = 0; s < k; s++) {
                BouncingShapesVideo.Sprite sprite = BouncingShapesVideo.HNERV_SPRITES.get(s);
                double reach = sprite.halfSize() * sprite.shape().radius();
                double x = v.positions()[(t * k + s) * 2];
                double y = v.positions()[(t * k + s) * 2 + 1];
                assertTrue(x >= reach - 1e-9 && x <= 64 - reach + 1e-9 && y >= reach - 1e-9 && y <= 64 - reach + 1e-9);
                if (t > 0) {
                    double step = Math.hypot(x - v.positions()[((t - 1) * k + s) * 2], y - v.positions()[((t - 1) * k + s) * 2 + 1]);
                    assertTrue(step <= 3 + 1e-9, "at most 3 px per frame, got " + step);
                }
            }
            // The triangle is painted last: its centre pixel shows its colour.
            int x = (int) v.positions()[(t * k + 2) * 2];
            int y = (int) v.positions()[(t * k + 2) * 2 + 1];
            assertEquals(0.95f, v.pixels()[t * 3 * 4096 + 2 * 4096 + y * 64 + x], 1e-5);
            assertEquals(0.15f, v.pixels()[t * 3 * 4096 + y * 64 + x], 1e-5);
        }
    }
}
