package org.reprolab.method.icluq;

import java.util.Arrays;
import org.reprolab.data.synthetic.LinearRegressionPrompts.Prompts;
import org.reprolab.tensor.Autograd;

/** Runs a trained transformer over an evaluation set in chunks, without gradients, and returns its (μ, v). */
final class ModelPredictor {

    private static final int CHUNK = 200;

    private ModelPredictor() {
    }

    static GaussianPredictions predict(UncertaintyTransformer model, Prompts prompts) {
        int pairs = prompts.pairs();
        double[] mean = new double[prompts.batch() * pairs];
        double[] variance = new double[mean.length];
        try (var ignored = Autograd.noGrad()) {
            for (int from = 0; from < prompts.batch(); from += CHUNK) {
                int to = Math.min(prompts.batch(), from + CHUNK);
                UncertaintyTransformer.Prediction p = model.predict(PromptTokens.encode(slice(prompts, from, to)));
                float[] m = p.mean().contiguous().toFloatArray();
                float[] v = p.variance().contiguous().toFloatArray();
                for (int i = 0; i < m.length; i++) {
                    mean[from * pairs + i] = m[i];
                    variance[from * pairs + i] = v[i];
                }
            }
        }
        return new GaussianPredictions(mean, variance, prompts.batch(), pairs);
    }

    /** Prompts from … to−1 of a batch. */
    static Prompts slice(Prompts p, int from, int to) {
        int t = p.pairs();
        int d = p.dim();
        return new Prompts(Arrays.copyOfRange(p.x(), from * t * d, to * t * d), Arrays.copyOfRange(p.y(), from * t, to * t),
                Arrays.copyOfRange(p.weights(), from * d, to * d), Arrays.copyOfRange(p.sigma(), from, to),
                Arrays.copyOfRange(p.scale(), from, to), to - from, t, d);
    }
}
