package org.reprolab.data.synthetic;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Binary sprite images with five known generative factors, after dSprites (Matthey et al., 2017): shape ∈
 * {square, ellipse, heart}, scale, rotation, x and y, each on an even grid. Every factor combination gives one
 * image, so {@link #all()} enumerates the dataset exactly once; {@link #sample} draws combinations uniformly
 * with replacement.
 *
 * <p>Geometry: a sprite of scale s has half-size s·0.16·resolution pixels (the square's half side); scales are
 * evenly spaced in [0.5, 1]; rotations evenly in [0, maxRotation] degrees counter-clockwise; x and y on a grid
 * with a whole-pixel step, centred in the image, that keeps the largest sprite, in any rotation, inside it. A pixel
 * is on when its centre lies in the sprite.
 */
public final class DSpritesLike {

    /** The shapes, in factor order. */
    public static final List<Shape> SHAPES = List.of(Shape.SQUARE, Shape.ELLIPSE, Shape.HEART);
    /** Factor names, in the order of {@link FactorImages#factors()} columns. */
    public static final List<String> FACTORS = List.of("shape", "scale", "rotation", "x", "y");

    private static final double HALF_SIZE_PER_SCALE = 0.16;

    private final int resolution;
    private final double[] scales;
    private final double[] rotationsDegrees;
    private final double[] positions;

    /**
     * @param resolution         image side in pixels (≥ 16)
     * @param scaleCount         number of scales in [0.5, 1]
     * @param rotationCount      number of rotations in [0, maxRotationDegrees]
     * @param maxRotationDegrees the largest rotation
     * @param positionCount      number of x (and of y) positions
     */
    public DSpritesLike(int resolution, int scaleCount, int rotationCount, double maxRotationDegrees, int positionCount) {
        if (resolution < 16 || scaleCount < 1 || rotationCount < 1 || positionCount < 1) {
            throw new IllegalArgumentException("need resolution ≥ 16 and ≥ 1 value per factor, got resolution "
                    + resolution + ", " + scaleCount + " scales, " + rotationCount + " rotations, " + positionCount + " positions");
        }
        this.resolution = resolution;
        this.scales = Raster.linspace(0.5, 1, scaleCount);
        this.rotationsDegrees = Raster.linspace(0, maxRotationDegrees, rotationCount);
        double maxRadius = SHAPES.stream().mapToDouble(Shape::radius).max().orElseThrow();
        double margin = HALF_SIZE_PER_SCALE * resolution * maxRadius + 0.5;
        // An integer step and centres a quarter pixel off the grid: the distances from a centre to the pixel centres
        // along an axis are then 0.25, 0.75, 1.25, …, so axis-aligned sprites whose half-sizes differ by more than
        // half a pixel always cover different pixel counts, and no two scales collapse into one image.
        int step = positionCount == 1 ? 0 : (int) Math.floor((resolution - 2 * margin) / (positionCount - 1));
        if (positionCount > 1 && step < 1) {
            throw new IllegalArgumentException(positionCount + " positions do not fit in " + resolution + " pixels");
        }
        double first = Math.floor(resolution / 2.0 - step * (positionCount - 1) / 2.0) + 0.25;
        this.positions = new double[positionCount];
        for (int i = 0; i < positionCount; i++) {
            positions[i] = first + i * step;
        }
    }

    /**
     * The setting of the latent-quantization method (methods/autoencoders.md): 32×32, 6 scales, 5 rotations in
     * [0°, 80°] (avoiding the symmetric ambiguity of a full turn), 8 x and 8 y positions: 5,760 images.
     */
    public static DSpritesLike latentQuantizationSetting() {
        return new DSpritesLike(32, 6, 5, 80, 8);
    }

    public int resolution() {
        return resolution;
    }

    /** How many values each factor takes, in {@link #FACTORS} order. */
    public int[] factorSizes() {
        return new int[] {SHAPES.size(), scales.length, rotationsDegrees.length, positions.length, positions.length};
    }

    /** The number of factor combinations (images in {@link #all()}). */
    public int size() {
        int n = 1;
        for (int s : factorSizes()) {
            n *= s;
        }
        return n;
    }

    public double scale(int index) {
        return scales[index];
    }

    public double rotationDegrees(int index) {
        return rotationsDegrees[index];
    }

    /** The pixel coordinate of x (or y) position {@code index}. */
    public double position(int index) {
        return positions[index];
    }

    /** One image (resolution² values, 0 or 1, row-major) for the given factor indices. */
    public float[] render(int shape, int scale, int rotation, int x, int y) {
        double halfSize = scales[scale] * HALF_SIZE_PER_SCALE * resolution;
        return Raster.coverage(resolution, resolution, SHAPES.get(shape), positions[x], positions[y], halfSize,
                Math.toRadians(rotationsDegrees[rotation]), 1);
    }

    /** Every factor combination once, in lexicographic order of (shape, scale, rotation, x, y). */
    public FactorImages all() {
        int n = size();
        int[] sizes = factorSizes();
        int[] factors = new int[n * sizes.length];
        for (int i = 0; i < n; i++) {
            int rest = i;
            for (int f = sizes.length - 1; f >= 0; f--) {
                factors[i * sizes.length + f] = rest % sizes[f];
                rest /= sizes[f];
            }
        }
        return renderAll(factors, n);
    }

    /** {@code n} images whose factors are drawn independently and uniformly from their grids. */
    public FactorImages sample(int n, RandomGenerator rng) {
        int[] sizes = factorSizes();
        int[] factors = new int[n * sizes.length];
        for (int i = 0; i < factors.length; i++) {
            factors[i] = rng.nextInt(sizes[i % sizes.length]);
        }
        return renderAll(factors, n);
    }

    private FactorImages renderAll(int[] factors, int n) {
        int k = FACTORS.size();
        int pixels = resolution * resolution;
        float[] images = new float[n * pixels];
        for (int i = 0; i < n; i++) {
            int b = i * k;
            float[] image = render(factors[b], factors[b + 1], factors[b + 2], factors[b + 3], factors[b + 4]);
            System.arraycopy(image, 0, images, i * pixels, pixels);
        }
        return new FactorImages(images, factors, n, resolution, factorSizes());
    }

    /**
     * Images with their factor indices.
     *
     * @param pixels      count × resolution × resolution values in {0, 1}, row-major
     * @param factors     count × 5 factor indices, row-major, columns in {@link #FACTORS} order
     * @param count       number of images
     * @param resolution  image side
     * @param factorSizes how many values each factor takes
     */
    public record FactorImages(float[] pixels, int[] factors, int count, int resolution, int[] factorSizes) {

        /** Image i as its own array. */
        public float[] image(int i) {
            int p = resolution * resolution;
            return java.util.Arrays.copyOfRange(pixels, i * p, (i + 1) * p);
        }

        /** Factor f of image i. */
        public int factor(int i, int f) {
            return factors[i * factorSizes.length + f];
        }
    }
}
