package org.reprolab.data.synthetic;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One RGB video of coloured shapes moving at constant velocity and bouncing off the frame's borders over a smooth
 * textured background (the video of methods/compression.md, hnerv).
 *
 * <p>Background at pixel (x, y): a diagonal blend from (0.15, 0.2, 0.35) at the top-left to (0.35, 0.3, 0.15) at the
 * bottom-right plus 0.05·sin(2πx/11)·sin(2πy/11) on every channel. Each sprite starts at a uniform position inside
 * the frame with speed ~ U[1, 3] px/frame in a uniform direction; when its bounding circle would cross a border the
 * motion reflects. Sprites are painted in list order with supersampled anti-aliasing; values are clamped to [0, 1].
 */
public final class BouncingShapesVideo {

    /**
     * A sprite: a shape of half-size {@code halfSize} pixels in an RGB colour.
     */
    public record Sprite(Shape shape, double halfSize, float red, float green, float blue) {
    }

    /** The hnerv sprites: a red disc of radius 7, a green square of side 12 and a blue triangle of side 14. */
    public static final List<Sprite> HNERV_SPRITES = List.of(
            new Sprite(Shape.DISK, 7, 0.95f, 0.15f, 0.1f),
            new Sprite(Shape.SQUARE, 6, 0.1f, 0.85f, 0.2f),
            new Sprite(Shape.TRIANGLE, 14 / Math.sqrt(3), 0.15f, 0.3f, 0.95f));

    private static final double TEXTURE_AMPLITUDE = 0.05;
    private static final double TEXTURE_PERIOD = 11;

    private final int frames;
    private final int height;
    private final int width;
    private final int supersample;

    /**
     * @param frames      number of frames
     * @param height      frame height in pixels
     * @param width       frame width in pixels
     * @param supersample anti-aliasing samples per pixel side (1 = none)
     */
    public BouncingShapesVideo(int frames, int height, int width, int supersample) {
        if (frames < 1 || height < 8 || width < 8 || supersample < 1) {
            throw new IllegalArgumentException("need ≥ 1 frame, sides ≥ 8 and supersample ≥ 1, got " + frames + ", "
                    + height + "×" + width + ", " + supersample);
        }
        this.frames = frames;
        this.height = height;
        this.width = width;
        this.supersample = supersample;
    }

    /** The hnerv setting: 64 frames of 64×64, 4× supersampling. */
    public static BouncingShapesVideo hnervSetting() {
        return new BouncingShapesVideo(64, 64, 64, 4);
    }

    /** The video of the {@link #HNERV_SPRITES}. */
    public Video render(RandomGenerator rng) {
        return render(HNERV_SPRITES, rng);
    }

    /** The video of the given sprites (each must fit in the frame). */
    public Video render(List<Sprite> sprites, RandomGenerator rng) {
        int k = sprites.size();
        double[] x = new double[k];
        double[] y = new double[k];
        double[] vx = new double[k];
        double[] vy = new double[k];
        for (int s = 0; s < k; s++) {
            double reach = reach(sprites.get(s));
            if (2 * reach >= Math.min(width, height)) {
                throw new IllegalArgumentException("sprite " + sprites.get(s) + " does not fit in " + height + "×" + width);
            }
            x[s] = rng.nextDouble(reach, width - reach);
            y[s] = rng.nextDouble(reach, height - reach);
            double speed = rng.nextDouble(1, 3);
            double direction = rng.nextDouble(0, 2 * Math.PI);
            vx[s] = speed * Math.cos(direction);
            vy[s] = speed * Math.sin(direction);
        }
        float[] background = background();
        int plane = height * width;
        float[] video = new float[frames * 3 * plane];
        double[] positions = new double[frames * k * 2];
        for (int t = 0; t < frames; t++) {
            int offset = t * 3 * plane;
            System.arraycopy(background, 0, video, offset, 3 * plane);
            for (int s = 0; s < k; s++) {
                Sprite sprite = sprites.get(s);
                positions[(t * k + s) * 2] = x[s];
                positions[(t * k + s) * 2 + 1] = y[s];
                float[] mask = Raster.coverage(height, width, sprite.shape(), x[s], y[s], sprite.halfSize(), 0, supersample);
                Raster.paint(video, offset, mask, sprite.red());
                Raster.paint(video, offset + plane, mask, sprite.green());
                Raster.paint(video, offset + 2 * plane, mask, sprite.blue());
                double reach = reach(sprite);
                step(x, vx, s, reach, width - reach);
                step(y, vy, s, reach, height - reach);
            }
        }
        Raster.clamp(video);
        return new Video(video, frames, height, width, positions, k);
    }

    private static double reach(Sprite sprite) {
        return sprite.halfSize() * sprite.shape().radius();
    }

    /** One frame's move of sprite s along one axis; an overshoot past [lo, hi] is mirrored back and the velocity reversed. */
    private static void step(double[] p, double[] v, int s, double lo, double hi) {
        double next = p[s] + v[s];
        if (next < lo || next > hi) {
            next = next < lo ? 2 * lo - next : 2 * hi - next;
            v[s] = -v[s];
        }
        p[s] = next;
    }

    private float[] background() {
        int plane = height * width;
        float[] bg = new float[3 * plane];
        float[] from = {0.15f, 0.2f, 0.35f};
        float[] to = {0.35f, 0.3f, 0.15f};
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double blend = (double) (r + c) / (height + width - 2);
                double texture = TEXTURE_AMPLITUDE * Math.sin(2 * Math.PI * c / TEXTURE_PERIOD)
                        * Math.sin(2 * Math.PI * r / TEXTURE_PERIOD);
                for (int ch = 0; ch < 3; ch++) {
                    bg[ch * plane + r * width + c] = (float) (from[ch] + (to[ch] - from[ch]) * blend + texture);
                }
            }
        }
        return bg;
    }

    /**
     * A rendered video.
     *
     * @param pixels    frames × 3 × height × width values in [0, 1] (channel-first frames), row-major
     * @param positions frames × sprites × 2 sprite centres (x, y) in pixels, as drawn
     * @param sprites   number of sprites
     */
    public record Video(float[] pixels, int frames, int height, int width, double[] positions, int sprites) {
    }
}
