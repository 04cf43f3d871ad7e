package org.reprolab.data.synthetic;

import java.util.random.RandomGenerator;

/**
 * Prompts of in-context linear regression (methods/theory.md, icl-uq). Per prompt, independently: a weight vector
 * w ~ N(0, weightStd² I_d); a noise level σ drawn uniformly from {@code noiseLevels}; an input scale s ~ U[sMin,
 * sMax] (s = sMin when they are equal); then T pairs with x_t ~ N(0, s² I_d) and y_t = wᵀx_t + σ·ξ_t, ξ_t ~ N(0, 1).
 * Tokenising the pairs is the method's business.
 */
public final class LinearRegressionPrompts {

    private final int dim;
    private final int pairs;
    private final double[] noiseLevels;
    private final double scaleMin;
    private final double scaleMax;
    private final double weightStd;

    /**
     * @param dim         d, the input dimension
     * @param pairs       T, the (x, y) pairs per prompt
     * @param noiseLevels the σ values, drawn uniformly
     * @param scaleMin    smallest input scale s
     * @param scaleMax    largest input scale s
     * @param weightStd   standard deviation of each weight
     */
    public LinearRegressionPrompts(int dim, int pairs, double[] noiseLevels, double scaleMin, double scaleMax,
                                   double weightStd) {
        if (dim < 1 || pairs < 1 || noiseLevels.length == 0 || !(scaleMin > 0) || scaleMax < scaleMin || !(weightStd > 0)) {
            throw new IllegalArgumentException("need d ≥ 1, T ≥ 1, ≥ 1 noise level, 0 < sMin ≤ sMax and weightStd > 0, got d = "
                    + dim + ", T = " + pairs + ", " + noiseLevels.length + " noise levels, s in [" + scaleMin + ", "
                    + scaleMax + "], weightStd " + weightStd);
        }
        for (double s : noiseLevels) {
            if (!(s >= 0)) {
                throw new IllegalArgumentException("noise level " + s + " must be ≥ 0");
            }
        }
        this.dim = dim;
        this.pairs = pairs;
        this.noiseLevels = noiseLevels.clone();
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
        this.weightStd = weightStd;
    }

    /** icl-uq's training distribution: d = 4, T = 16, σ ∈ {0.1, 0.2, 0.4, 0.7, 1.0}, x ~ N(0, I), w ~ N(0, I). */
    public static LinearRegressionPrompts iclUqSetting() {
        return new LinearRegressionPrompts(4, 16, new double[] {0.1, 0.2, 0.4, 0.7, 1.0}, 1, 1, 1);
    }

    /** The same task with T pairs per prompt. */
    public LinearRegressionPrompts withPairs(int t) {
        return new LinearRegressionPrompts(dim, t, noiseLevels, scaleMin, scaleMax, weightStd);
    }

    /** The same task with other noise levels. */
    public LinearRegressionPrompts withNoiseLevels(double... levels) {
        return new LinearRegressionPrompts(dim, pairs, levels, scaleMin, scaleMax, weightStd);
    }

    /** The same task with input scales s ~ U[min, max] (meta-training over covariate distributions). */
    public LinearRegressionPrompts withInputScale(double min, double max) {
        return new LinearRegressionPrompts(dim, pairs, noiseLevels, min, max, weightStd);
    }

    public int dim() {
        return dim;
    }

    public int pairs() {
        return pairs;
    }

    public double[] noiseLevels() {
        return noiseLevels.clone();
    }

    /** A batch of independent prompts. */
    public Prompts sample(int batch, RandomGenerator rng) {
        double[] x = new double[batch * pairs * dim];
        double[] y = new double[batch * pairs];
        double[] w = new double[batch * dim];
        double[] sigma = new double[batch];
        double[] scale = new double[batch];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < dim; j++) {
                w[b * dim + j] = weightStd * rng.nextGaussian();
            }
            sigma[b] = noiseLevels[rng.nextInt(noiseLevels.length)];
            scale[b] = scaleMax > scaleMin ? rng.nextDouble(scaleMin, scaleMax) : scaleMin;
            for (int t = 0; t < pairs; t++) {
                int row = (b * pairs + t) * dim;
                double dot = 0;
                for (int j = 0; j < dim; j++) {
                    x[row + j] = scale[b] * rng.nextGaussian();
                    dot += w[b * dim + j] * x[row + j];
                }
                y[b * pairs + t] = dot + sigma[b] * rng.nextGaussian();
            }
        }
        return new Prompts(x, y, w, sigma, scale, batch, pairs, dim);
    }

    /**
     * A batch of prompts.
     *
     * @param x       batch × pairs × dim inputs, row-major
     * @param y       batch × pairs targets
     * @param weights batch × dim true weights
     * @param sigma   each prompt's noise level
     * @param scale   each prompt's input scale
     */
    public record Prompts(double[] x, double[] y, double[] weights, double[] sigma, double[] scale, int batch,
                          int pairs, int dim) {
    }
}
