package org.reprolab.method.latentquantization;

import java.util.random.RandomGenerator;
import org.reprolab.data.synthetic.DSpritesLike;
import org.reprolab.tensor.Tensor;

/**
 * The dSprites-like images with their five sources (shape, scale, rotation, x, y) and a held-out split for the
 * reconstruction metric. Images rendered below the renderer's 16-pixel minimum (the smoke profile) are rendered at 16
 * and average-pooled down, so they are grey at the edges rather than binary.
 *
 * @param pixels  [n][side²] images in [0, 1]
 * @param sources [n][5] source indices
 * @param sizes   values per source
 * @param heldOut indices of the held-out images
 * @param train   indices of the training images
 */
record SpriteData(float[][] pixels, int[][] sources, int[] sizes, int side, int[] train, int[] heldOut) {

    /**
     * @param side    image side in pixels
     * @param count   images: 0 for every factor combination once (the paper's setting), else that many drawn uniformly
     * @param heldOutShare share of images held out
     */
    static SpriteData render(int side, int count, double heldOutShare, RandomGenerator rng) {
        int renderSide = Math.max(16, side);
        if (renderSide % side != 0) {
            throw new IllegalArgumentException("resolution " + side + " must be ≥ 16 or divide 16");
        }
        DSpritesLike renderer = renderSide == 32 ? DSpritesLike.latentQuantizationSetting() : new DSpritesLike(renderSide, 6, 5, 80, 8 * renderSide / 32);
        DSpritesLike.FactorImages images = count == 0 ? renderer.all() : renderer.sample(count, rng);
        int n = images.count();
        int pool = renderSide / side;
        float[][] pixels = new float[n][side * side];
        int[][] sources = new int[n][DSpritesLike.FACTORS.size()];
        for (int i = 0; i < n; i++) {
            float[] full = images.image(i);
            for (int r = 0; r < renderSide; r++) {
                for (int c = 0; c < renderSide; c++) {
                    pixels[i][(r / pool) * side + c / pool] += full[r * renderSide + c] / (pool * pool);
                }
            }
            for (int f = 0; f < sources[i].length; f++) {
                sources[i][f] = images.factor(i, f);
            }
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int held = (int) Math.round(heldOutShare * n);
        int[] heldOut = java.util.Arrays.copyOfRange(order, 0, held);
        int[] train = java.util.Arrays.copyOfRange(order, held, n);
        return new SpriteData(pixels, sources, images.factorSizes(), side, train, heldOut);
    }

    int count() {
        return pixels.length;
    }

    int pixelCount() {
        return side * side;
    }

    /** The images at these indices as a [k, side²] tensor. */
    Tensor batch(int[] indices) {
        int p = pixelCount();
        float[] flat = new float[indices.length * p];
        for (int t = 0; t < indices.length; t++) {
            System.arraycopy(pixels[indices[t]], 0, flat, t * p, p);
        }
        return Tensor.of(flat, indices.length, p);
    }
}
