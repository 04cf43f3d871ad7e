package org.reprolab.method.posteriorcollapse;

import org.reprolab.data.FashionMnist;
import org.reprolab.tensor.Tensor;

/**
 * Fashion-MNIST as a conditional task: x is the bottom-left 14×14 quarter of a 28×28 image (196 pixels), y the other
 * three quarters (588 pixels, row-major in the image's order); pixels in [0, 1].
 */
final class FashionQuarters {
    static final int SIDE = FashionMnist.ROWS;
    static final int HALF = SIDE / 2;
    static final int X_PIXELS = HALF * HALF;
    static final int Y_PIXELS = SIDE * SIDE - X_PIXELS;

    private FashionQuarters() {
    }

    static boolean inX(int row, int col) {
        return row >= HALF && col < HALF;
    }

    /** The (x, y) pairs of the given images. */
    static PairedData split(float[][] images, int[] chosen) {
        float[] x = new float[chosen.length * X_PIXELS];
        float[] y = new float[chosen.length * Y_PIXELS];
        for (int i = 0; i < chosen.length; i++) {
            float[] image = images[chosen[i]];
            int xi = i * X_PIXELS;
            int yi = i * Y_PIXELS;
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    if (inX(r, c)) {
                        x[xi++] = image[r * SIDE + c];
                    } else {
                        y[yi++] = image[r * SIDE + c];
                    }
                }
            }
        }
        return new PairedData(Tensor.of(x, chosen.length, X_PIXELS), Tensor.of(y, chosen.length, Y_PIXELS));
    }

    /** The 28×28 image whose bottom-left quarter is {@code x} and the rest {@code y}. */
    static float[] compose(float[] x, float[] y) {
        float[] image = new float[SIDE * SIDE];
        int xi = 0;
        int yi = 0;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                image[r * SIDE + c] = inX(r, c) ? x[xi++] : y[yi++];
            }
        }
        return image;
    }
}
