package org.reprolab.data.synthetic;

import java.util.random.RandomGenerator;

/**
 * The power-law Gaussian regression task of methods/theory.md (more-is-better's "Gaussian-universality" task):
 * inputs x ~ N(0, I_M); a kernel or feature map with eigenvalues λ_i = i^(−α) (i = 1…M) weighs coordinate i by
 * √λ_i; the target is y = Σ_i v_i x_i + ε·ξ with ξ ~ N(0, 1) and eigen-coefficients v_i = i^(−β/2) normalised
 * to Σ v_i² = 1, so the target power in mode i decays as v_i² ∝ i^(−β).
 */
public final class PowerLawRegression {

    private final int dim;
    private final double alpha;
    private final double beta;
    private final double[] eigenvalues;
    private final double[] coefficients;

    /**
     * @param dim   M, the number of modes (input dimension)
     * @param alpha eigenvalue exponent α (> 0)
     * @param beta  target-power exponent β (> 0)
     */
    public PowerLawRegression(int dim, double alpha, double beta) {
        if (dim < 1 || !(alpha > 0) || !(beta > 0)) {
            throw new IllegalArgumentException("need dim ≥ 1, α > 0, β > 0, got " + dim + ", " + alpha + ", " + beta);
        }
        this.dim = dim;
        this.alpha = alpha;
        this.beta = beta;
        this.eigenvalues = new double[dim];
        this.coefficients = new double[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            eigenvalues[i] = Math.pow(i + 1, -alpha);
            coefficients[i] = Math.pow(i + 1, -beta / 2);
            norm += coefficients[i] * coefficients[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < dim; i++) {
            coefficients[i] /= norm;
        }
    }

    public int dim() {
        return dim;
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    /** λ_i = i^(−α), i = 1…M (a copy). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** v_i ∝ i^(−β/2) with Σ v_i² = 1 (a copy). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** n samples with label noise of standard deviation {@code noiseStd}. */
    public Regression sample(int n, double noiseStd, RandomGenerator rng) {
        double[] x = new double[n * dim];
        double[] y = new double[n];
        double[] clean = new double[n];
        for (int s = 0; s < n; s++) {
            double t = 0;
            for (int i = 0; i < dim; i++) {
                double v = rng.nextGaussian();
                x[s * dim + i] = v;
                t += coefficients[i] * v;
            }
            clean[s] = t;
            y[s] = t + noiseStd * rng.nextGaussian();
        }
        return new Regression(x, y, clean, n, dim);
    }

    /**
     * Regression samples.
     *
     * @param x     count × dim inputs, row-major
     * @param y     noisy targets
     * @param clean the targets without noise
     */
    public record Regression(double[] x, double[] y, double[] clean, int count, int dim) {
    }
}
