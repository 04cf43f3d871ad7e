package org.reprolab.method.icluq;

import org.reprolab.data.synthetic.LinearRegressionPrompts.Prompts;
import org.reprolab.tensor.Tensor;

/**
 * The interleaved tokenisation of a regression prompt (spec "Build"): pair t becomes an x-token
 * [x_t, 0, 1, 0] at position 2t and a y-token [0_d, y_t, 0, 1] at position 2t + 1, so a causal model reads its
 * prediction of y_t at the x-token, having seen the t earlier pairs and x_t but never y_t itself.
 */
final class PromptTokens {

    private PromptTokens() {
    }

    /** Width of one token for inputs of dimension d: the input, the label, and the two type flags. */
    static int width(int dim) {
        return dim + 3;
    }

    /** The prompts as float32 tokens [batch, 2·pairs, d + 3]. */
    static Tensor encode(Prompts prompts) {
        int d = prompts.dim();
        int pairs = prompts.pairs();
        int w = width(d);
        float[] tokens = new float[prompts.batch() * 2 * pairs * w];
        for (int b = 0; b < prompts.batch(); b++) {
            for (int t = 0; t < pairs; t++) {
                int xToken = ((b * pairs + t) * 2) * w;
                int yToken = xToken + w;
                for (int j = 0; j < d; j++) {
                    tokens[xToken + j] = (float) prompts.x()[(b * pairs + t) * d + j];
                }
                tokens[xToken + d + 1] = 1;
                tokens[yToken + d] = (float) prompts.y()[b * pairs + t];
                tokens[yToken + d + 2] = 1;
            }
        }
        return Tensor.of(tokens, prompts.batch(), 2 * pairs, w);
    }

    /** The labels as float32 [batch, pairs], aligned with the predictions read at the x-tokens. */
    static Tensor labels(Prompts prompts) {
        float[] y = new float[prompts.batch() * prompts.pairs()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) prompts.y()[i];
        }
        return Tensor.of(y, prompts.batch(), prompts.pairs());
    }
}
