package org.reprolab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShapesAndSpritesTest {

    @Test
    void shapesHaveTheirAreasAndStayWithinTheirRadius() {
        Map<Shape, Double> areas = Map.of(Shape.SQUARE, 4.0, Shape.DISK, Math.PI, Shape.ELLIPSE, Math.PI * 1.25 * 0.6,
                Shape.TRIANGLE, 3 * Math.sqrt(3) / 4, Shape.CROSS, 2 * 2 * 0.7 - 0.7 * 0.7);
        double h = 0.005;
        for (Shape s : Shape.values()) {
            int inside = 0;
            for (double u = -2 + h / 2; u < 2; u += h) {
                for (double v = -2 + h / 2; v < 2; v += h) {
                    if (s.contains(u, v)) {
                        inside++;
                        assertTrue(Math.hypot(u, v) <= s.radius(), s + " reaches (" + u + ", " + v + ")");
                    }
                }
            }
            double area = inside * h * h;
            if (areas.containsKey(s)) {
                assertEquals(areas.get(s), area, 0.01 * areas.get(s), s.toString());
            } else {
                assertTrue(area > 2 && area < 4, s + " area " + area);
            }
        }
    }

    @Test
    void dspritesEnumeratesEveryCombinationAsADistinctImageInsideTheFrame() {
        DSpritesLike d = DSpritesLike.latentQuantizationSetting();
        DSpritesLike.FactorImages all = d.all();
        assertEquals(5760, all.count());
        assertArrayEquals(new int[] {3, 6, 5, 8, 8}, all.factorSizes());
        int r = d.resolution();
        Set<ByteBuffer> distinct = new HashSet<>();
        for (int i = 0; i < all.count(); i++) {
            float[] img = all.image(i);
            byte[] bits = new byte[img.length];
            int on = 0;
            for (int p = 0; p < img.length; p++) {
                assertTrue(img[p] == 0 || img[p] == 1);
                bits[p] = (byte) img[p];
                on += (int) img[p];
                boolean border = p / r == 0 || p / r == r - 1 || p % r == 0 || p % r == r - 1;
                assertTrue(!border || img[p] == 0, "image " + i + " touches the border");
            }
            assertTrue(on > 0, "image " + i + " is empty");
            distinct.add(ByteBuffer.wrap(bits));
        }
        assertEquals(all.count(), distinct.size(), "every factor combination gives its own image");
        assertEquals(3, all.factor(all.count() - 1, 0) + 1);
        assertEquals(7, all.factor(all.count() - 1, 4));
    }

    @Test
    void spriteAreaFollowsScaleAndSamplingIsSeeded() {
        DSpritesLike d = DSpritesLike.latentQuantizationSetting();
        double half = 0.16 * 32;
        assertEquals(4 * half * half, count(d.render(0, 5, 0, 3, 3)), 12);
        int previous = 0;
        for (int s = 0; s < 6; s++) {
            int area = count(d.render(1, s, 2, 4, 4));
            assertTrue(area > previous, "ellipse area grows with scale");
            previous = area;
        }
        DSpritesLike.FactorImages a = d.sample(50, new SplittableRandom(3));
        DSpritesLike.FactorImages b = d.sample(50, new SplittableRandom(3));
        assertArrayEquals(a.pixels(), b.pixels());
        assertArrayEquals(a.factors(), b.factors());
        assertArrayEquals(d.render(a.factor(7, 0), a.factor(7, 1), a.factor(7, 2), a.factor(7, 3), a.factor(7, 4)), a.image(7));
    }

    private static int count(float[] img) {
        int n = 0;
        for (float v : img) {
            n += v > 0.5 ? 1 : 0;
        }
        return n;
    }
}
