package org.reprolab.method.icluq;

import java.util.random.RandomGenerator;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Tensor;

/**
 * The trap "letting the model see y_t when predicting y_t", tested on the network itself: replacing every
 * token after position p by noise must leave the outputs at positions ≤ p unchanged.
 */
final class CausalityCheck {

    private CausalityCheck() {
    }

    /**
     * Largest |change| of the outputs at token positions ≤ cut when all tokens after cut are redrawn, over the
     * given tokens [B, n, w].
     */
    static double maxLeak(UncertaintyTransformer model, Tensor tokens, int cut, RandomGenerator rng) {
        int n = tokens.size(1);
        int w = tokens.size(2);
        if (cut < 0 || cut >= n - 1) {
            throw new IllegalArgumentException("cut " + cut + " must leave tokens after it among " + n);
        }
        float[] changed = tokens.contiguous().toFloatArray();
        for (int b = 0; b < tokens.size(0); b++) {
            for (int pos = cut + 1; pos < n; pos++) {
                for (int j = 0; j < w; j++) {
                    changed[(b * n + pos) * w + j] = (float) (3 * rng.nextGaussian());
                }
            }
        }
        try (var ignored = Autograd.noGrad()) {
            float[] before = model.forward(tokens).contiguous().toFloatArray();
            float[] after = model.forward(Tensor.of(changed, tokens.shape())).contiguous().toFloatArray();
            double leak = 0;
            for (int b = 0; b < tokens.size(0); b++) {
                for (int pos = 0; pos <= cut; pos++) {
                    for (int o = 0; o < 2; o++) {
                        int i = (b * n + pos) * 2 + o;
                        leak = Math.max(leak, Math.abs(before[i] - after[i]));
                    }
                }
            }
            return leak;
        }
    }
}
