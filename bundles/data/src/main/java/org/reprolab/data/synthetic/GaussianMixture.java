package org.reprolab.data.synthetic;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A mixture of isotropic Gaussians in d dimensions: p(x) = Σ_k w_k N(x; μ_k, σ_k² I). Besides sampling it gives the
 * exact log-density and score ∇log p, and the mixture smoothed by Gaussian noise (p convolved with N(0, σ²I)), as the
 * denoising-auto-encoder analysis of methods/autoencoders.md needs.
 */
public final class GaussianMixture {

    private final double[][] means;
    private final double[] stds;
    private final double[] weights;
    private final int dim;

    /**
     * @param means   one mean per component, all of the same dimension
     * @param stds    one standard deviation per component (> 0)
     * @param weights mixing weights (≥ 0, normalised here)
     */
    public GaussianMixture(double[][] means, double[] stds, double[] weights) {
        if (means.length == 0 || stds.length != means.length || weights.length != means.length) {
            throw new IllegalArgumentException("need ≥ 1 component and as many stds and weights as means, got "
                    + means.length + " means, " + stds.length + " stds, " + weights.length + " weights");
        }
        this.dim = means[0].length;
        double total = 0;
        for (int k = 0; k < means.length; k++) {
            if (means[k].length != dim || !(stds[k] > 0) || !(weights[k] >= 0)) {
                throw new IllegalArgumentException("component " + k + ": mean of dimension " + means[k].length
                        + " (expected " + dim + "), std " + stds[k] + " (must be > 0), weight " + weights[k] + " (must be ≥ 0)");
            }
            total += weights[k];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the weights sum to " + total);
        }
        this.means = Arrays.stream(means).map(double[]::clone).toArray(double[][]::new);
        this.stds = stds.clone();
        this.weights = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            this.weights[k] = weights[k] / total;
        }
    }

    /** k equal-weight Gaussians of standard deviation {@code std} evenly spaced on a circle of that radius in 2-D. */
    public static GaussianMixture ring(int k, double radius, double std) {
        double[][] means = new double[k][];
        for (int i = 0; i < k; i++) {
            double a = 2 * Math.PI * i / k;
            means[i] = new double[] {radius * Math.cos(a), radius * Math.sin(a)};
        }
        double[] stds = new double[k];
        Arrays.fill(stds, std);
        double[] w = new double[k];
        Arrays.fill(w, 1);
        return new GaussianMixture(means, stds, w);
    }

    /** k equal-weight Gaussians of standard deviation {@code std} whose means are drawn from N(0, spread² I_dim). */
    public static GaussianMixture randomBlobs(int k, int dim, double spread, double std, RandomGenerator rng) {
        double[][] means = new double[k][dim];
        for (double[] m : means) {
            for (int j = 0; j < dim; j++) {
                m[j] = spread * rng.nextGaussian();
            }
        }
        double[] stds = new double[k];
        Arrays.fill(stds, std);
        double[] w = new double[k];
        Arrays.fill(w, 1);
        return new GaussianMixture(means, stds, w);
    }

    public int dim() {
        return dim;
    }

    public int components() {
        return means.length;
    }

    public double[] mean(int k) {
        return means[k].clone();
    }

    public double std(int k) {
        return stds[k];
    }

    public double weight(int k) {
        return weights[k];
    }

    /** The mixture convolved with N(0, σ²I): every component's variance grows by σ². */
    public GaussianMixture smoothed(double sigma) {
        double[] s = new double[stds.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.sqrt(stds[k] * stds[k] + sigma * sigma);
        }
        return new GaussianMixture(means, s, weights);
    }

    /** n points: component k with probability w_k, then x ~ N(μ_k, σ_k² I). Labels are the components. */
    public Points sample(int n, RandomGenerator rng) {
        double[] x = new double[n * dim];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = pick(rng.nextDouble());
            labels[i] = k;
            for (int j = 0; j < dim; j++) {
                x[i * dim + j] = means[k][j] + stds[k] * rng.nextGaussian();
            }
        }
        return new Points(x, n, dim, labels);
    }

    /** log p(x), computed stably (log-sum-exp over components). */
    public double logDensity(double[] x) {
        double[] logTerms = logTerms(x);
        double max = Arrays.stream(logTerms).max().orElseThrow();
        double sum = 0;
        for (double t : logTerms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    /** The score ∇ₓ log p(x) = Σ_k r_k(x)·(μ_k − x)/σ_k² with responsibilities r_k(x). */
    public double[] score(double[] x) {
        double[] logTerms = logTerms(x);
        double max = Arrays.stream(logTerms).max().orElseThrow();
        double sum = 0;
        for (int k = 0; k < logTerms.length; k++) {
            logTerms[k] = Math.exp(logTerms[k] - max);
            sum += logTerms[k];
        }
        double[] g = new double[dim];
        for (int k = 0; k < means.length; k++) {
            double r = logTerms[k] / sum / (stds[k] * stds[k]);
            for (int j = 0; j < dim; j++) {
                g[j] += r * (means[k][j] - x[j]);
            }
        }
        return g;
    }

    private double[] logTerms(double[] x) {
        if (x.length != dim) {
            throw new IllegalArgumentException("point of dimension " + x.length + ", the mixture has " + dim);
        }
        double[] t = new double[means.length];
        for (int k = 0; k < means.length; k++) {
            double d2 = 0;
            for (int j = 0; j < dim; j++) {
                double d = x[j] - means[k][j];
                d2 += d * d;
            }
            double var = stds[k] * stds[k];
            t[k] = Math.log(weights[k]) - 0.5 * d2 / var - 0.5 * dim * Math.log(2 * Math.PI * var);
        }
        return t;
    }

    private int pick(double u) {
        double acc = 0;
        for (int k = 0; k < weights.length - 1; k++) {
            acc += weights[k];
            if (u < acc) {
                return k;
            }
        }
        return weights.length - 1;
    }

    /**
     * Points with integer labels.
     *
     * @param x      count × dim coordinates, row-major
     * @param labels one label per point
     */
    public record Points(double[] x, int count, int dim, int[] labels) {

        /** Point i as its own array. */
        public double[] point(int i) {
            return Arrays.copyOfRange(x, i * dim, (i + 1) * dim);
        }
    }
}
