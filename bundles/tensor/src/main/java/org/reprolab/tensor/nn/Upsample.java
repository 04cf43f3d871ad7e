package org.reprolab.tensor.nn;

import org.reprolab.tensor.Conv;
import org.reprolab.tensor.Tensor;

/** Enlarges [N, C, H, W] images by an integer factor, repeating pixels or interpolating bilinearly. */
public final class Upsample extends Module {
    /** How new pixels are filled. */
    public enum Mode { NEAREST, BILINEAR }

    private final int scale;
    private final Mode mode;
    private final boolean alignCorners;

    /** Nearest-neighbour upsampling. */
    public Upsample(int scale) {
        this(scale, Mode.NEAREST, false);
    }

    /** alignCorners only matters for {@link Mode#BILINEAR} (see {@link Conv#upsampleBilinear2d}). */
    public Upsample(int scale, Mode mode, boolean alignCorners) {
        if (scale < 1) {
            throw new IllegalArgumentException("Upsample: scale must be ≥ 1, got " + scale);
        }
        this.scale = scale;
        this.mode = mode;
        this.alignCorners = alignCorners;
    }

    @Override
    public Tensor forward(Tensor input) {
        return switch (mode) {
            case NEAREST -> Conv.upsampleNearest2d(input, scale);
            case BILINEAR -> Conv.upsampleBilinear2d(input, input.size(-2) * scale, input.size(-1) * scale,
                    alignCorners);
        };
    }
}
