package org.reprolab.data.synthetic;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Short grey-scale clips of one shape moving in one of eight ways over a static textured background, with the
 * shape and the motion as labels (the video generator of methods/representations.md, sigma).
 *
 * <p>Per clip: shape uniform over {@link #SHAPES}, motion uniform over {@link Motion}. Half-size (at the clip's
 * largest frame) ~ U[0.12, 0.2]·size. Translation speed ~ U[0.8, 1.6] px/frame; rotation ~ U[8°, 15°]/frame;
 * growth or shrinkage ~ U[5 %, 8 %] of the half-size per frame. Start position uniform among those that keep the
 * shape inside the frame for the whole clip; start angle ~ U[0, 90°). Background: 0.35 + c·n(x, y) with
 * contrast c ~ U[0.05, 0.3] and n a bilinear interpolation of a 5×5 grid of U[−1, 1] values; the shape is painted
 * at intensity 0.9 with 2×2 supersampling; then each pixel of each frame gets N(0, noise²) and is clamped to [0, 1].
 * A rotating disk looks like a still one: the two rotation labels carry no signal for disks.
 */
public final class MovingShapes {

    /** The shapes, in label order. */
    public static final List<Shape> SHAPES = List.of(Shape.SQUARE, Shape.DISK, Shape.TRIANGLE, Shape.CROSS);

    /** The motions, in label order; the four pairs (LEFT, RIGHT), (UP, DOWN), … are each other's time reversal. */
    public enum Motion { LEFT, RIGHT, UP, DOWN, ROTATE_CW, ROTATE_CCW, GROW, SHRINK }

    private static final int GRID = 5;

    private final int frames;
    private final int size;
    private final double noise;

    /**
     * @param frames frames per clip (≥ 2)
     * @param size   frame side in pixels (≥ 16)
     * @param noise  standard deviation of the per-pixel noise
     */
    public MovingShapes(int frames, int size, double noise) {
        if (frames < 2 || size < 16 || noise < 0) {
            throw new IllegalArgumentException("need ≥ 2 frames, size ≥ 16 and noise ≥ 0, got " + frames + ", " + size + ", " + noise);
        }
        this.frames = frames;
        this.size = size;
        this.noise = noise;
    }

    /** The sigma setting: 8 frames of 32×32, noise σ = 0.03. */
    public static MovingShapes sigmaSetting() {
        return new MovingShapes(8, 32, 0.03);
    }

    /** A clip with random shape and motion. */
    public Clip clip(RandomGenerator rng) {
        return clip(SHAPES.get(rng.nextInt(SHAPES.size())), Motion.values()[rng.nextInt(Motion.values().length)], rng);
    }

    /** A clip of the given shape and motion (the shape must be one of {@link #SHAPES}). */
    public Clip clip(Shape shape, Motion motion, RandomGenerator rng) {
        int shapeLabel = SHAPES.indexOf(shape);
        if (shapeLabel < 0) {
            throw new IllegalArgumentException(shape + " is not one of the clip shapes " + SHAPES);
        }
        double largest = rng.nextDouble(0.12, 0.2) * size;
        double growth = rng.nextDouble(0.05, 0.08);
        double speed = rng.nextDouble(0.8, 1.6);
        double spin = Math.toRadians(rng.nextDouble(8, 15));
        double angle0 = rng.nextDouble(0, Math.PI / 2);
        int last = frames - 1;
        double half0 = switch (motion) {
            case GROW -> largest / Math.pow(1 + growth, last);
            default -> largest;
        };
        double vx = motion == Motion.LEFT ? -speed : motion == Motion.RIGHT ? speed : 0;
        double vy = motion == Motion.UP ? -speed : motion == Motion.DOWN ? speed : 0;
        double reach = largest * shape.radius() + 0.5;
        double x0 = startCoordinate(reach, vx * last, rng);
        double y0 = startCoordinate(reach, vy * last, rng);
        float[] background = background(rng);
        int plane = size * size;
        float[] video = new float[frames * plane];
        for (int t = 0; t < frames; t++) {
            double half = switch (motion) {
                case GROW -> half0 * Math.pow(1 + growth, t);
                case SHRINK -> half0 * Math.pow(1 - growth, t);
                default -> half0;
            };
            double angle = angle0 + (motion == Motion.ROTATE_CCW ? spin * t : motion == Motion.ROTATE_CW ? -spin * t : 0);
            float[] frame = background.clone();
            Raster.paint(frame, 0, Raster.coverage(size, size, shape, x0 + vx * t, y0 + vy * t, half, angle, 2), 0.9f);
            for (int p = 0; p < plane; p++) {
                frame[p] += (float) (noise * rng.nextGaussian());
            }
            Raster.clamp(frame);
            System.arraycopy(frame, 0, video, t * plane, plane);
        }
        return new Clip(video, frames, size, shapeLabel, motion.ordinal());
    }

    /** {@code n} random clips, stacked. */
    public Clips batch(int n, RandomGenerator rng) {
        int per = frames * size * size;
        float[] all = new float[n * per];
        int[] shapes = new int[n];
        int[] motions = new int[n];
        for (int i = 0; i < n; i++) {
            Clip c = clip(rng);
            System.arraycopy(c.pixels(), 0, all, i * per, per);
            shapes[i] = c.shape();
            motions[i] = c.motion();
        }
        return new Clips(all, n, frames, size, shapes, motions);
    }

    /** A start coordinate such that [start, start + travel] stays within [reach, size − reach]. */
    private double startCoordinate(double reach, double travel, RandomGenerator rng) {
        double lo = reach - Math.min(0, travel);
        double hi = size - reach - Math.max(0, travel);
        return hi <= lo ? size / 2.0 - travel / 2 : rng.nextDouble(lo, hi);
    }

    private float[] background(RandomGenerator rng) {
        double contrast = rng.nextDouble(0.05, 0.3);
        double[] grid = new double[GRID * GRID];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = rng.nextDouble(-1, 1);
        }
        float[] bg = new float[size * size];
        for (int r = 0; r < size; r++) {
            double gy = (r + 0.5) / size * (GRID - 1);
            int y0 = Math.min((int) gy, GRID - 2);
            double fy = gy - y0;
            for (int c = 0; c < size; c++) {
                double gx = (c + 0.5) / size * (GRID - 1);
                int x0 = Math.min((int) gx, GRID - 2);
                double fx = gx - x0;
                double n = (1 - fy) * ((1 - fx) * grid[y0 * GRID + x0] + fx * grid[y0 * GRID + x0 + 1])
                        + fy * ((1 - fx) * grid[(y0 + 1) * GRID + x0] + fx * grid[(y0 + 1) * GRID + x0 + 1]);
                bg[r * size + c] = (float) (0.35 + contrast * n);
            }
        }
        return bg;
    }

    /**
     * One clip.
     *
     * @param pixels frames × size × size values in [0, 1], row-major
     * @param shape  index into {@link #SHAPES}
     * @param motion ordinal of its {@link Motion}
     */
    public record Clip(float[] pixels, int frames, int size, int shape, int motion) {
    }

    /**
     * Clips stacked: {@code pixels} is count × frames × size × size, row-major; labels per clip.
     */
    public record Clips(float[] pixels, int count, int frames, int size, int[] shapes, int[] motions) {
    }
}
