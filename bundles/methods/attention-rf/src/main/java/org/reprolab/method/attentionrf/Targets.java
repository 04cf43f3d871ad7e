package org.reprolab.method.attentionrf;

import java.util.random.RandomGenerator;
import org.reprolab.theory.common.SeedSummary;
import org.reprolab.theory.common.SpherePoints;

/**
 * The three permutation-invariant targets (1/N)Σᵢ F(x₀, xᵢ) of the study, with uᵢ = √d⟨x₀, xᵢ⟩ (≈ N(0, 1)):
 * f_A = (1/N)Σᵢ uᵢ·√d⟨β, xᵢ⟩ (a query-gated linear readout, the paper's learnable class), f_B = (1/N)Σᵢ He₄(uᵢ)
 * and f_C = (1/N)Σᵢ cos(2uᵢ) (functions of x₀ᵀxᵢ only, where biased sampling should help). Each is centred
 * and scaled to unit variance with moments estimated on a large independent sample, so a normalised MSE is the
 * plain MSE and the zero predictor scores ≈ 1.
 */
final class Targets {

    static final int COUNT = 3;
    static final String[] NAMES = {"fA", "fB", "fC"};
    static final String[] DESCRIPTIONS = {"f_A = (1/N)Σ uᵢ√d⟨β,xᵢ⟩", "f_B = (1/N)Σ He₄(uᵢ)", "f_C = (1/N)Σ cos(2uᵢ)"};

    private final double[] beta;
    private final double[] mean;
    private final double[] std;

    private Targets(double[] beta, double[] mean, double[] std) {
        this.beta = beta;
        this.mean = mean;
        this.std = std;
    }

    /**
     * Draws the readout direction β uniformly on the unit sphere and estimates each target's mean and standard
     * deviation on {@code calibrationSamples} fresh sequences.
     */
    static Targets calibrate(int dim, int keyCount, int calibrationSamples, RandomGenerator rng) {
        double[] beta = SpherePoints.point(dim, rng);
        double[][] values = new double[COUNT][calibrationSamples];
        TokenSequences sample = TokenSequences.draw(calibrationSamples, keyCount, dim, rng);
        for (int s = 0; s < calibrationSamples; s++) {
            double[] raw = raw(beta, sample.queries()[s], sample.keys()[s]);
            for (int t = 0; t < COUNT; t++) {
                values[t][s] = raw[t];
            }
        }
        double[] mean = new double[COUNT];
        double[] std = new double[COUNT];
        for (int t = 0; t < COUNT; t++) {
            SeedSummary moments = SeedSummary.of(values[t]);
            mean[t] = moments.mean();
            std[t] = moments.std();
        }
        return new Targets(beta, mean, std);
    }

    /** The unnormalised targets (f_A, f_B, f_C) of one sequence. */
    static double[] raw(double[] beta, double[] query, double[][] keys) {
        double scale = Math.sqrt(query.length);
        double[] f = new double[COUNT];
        for (double[] key : keys) {
            double u = scale * dot(query, key);
            f[0] += u * scale * dot(beta, key);
            f[1] += hermite4(u);
            f[2] += Math.cos(2 * u);
        }
        for (int t = 0; t < COUNT; t++) {
            f[t] /= keys.length;
        }
        return f;
    }

    /** The probabilists' Hermite polynomial He₄(u) = u⁴ − 6u² + 3. */
    static double hermite4(double u) {
        double u2 = u * u;
        return u2 * u2 - 6 * u2 + 3;
    }

    /** The standardised targets {@code [sample][target]}. */
    double[][] values(TokenSequences sequences) {
        double[][] y = new double[sequences.size()][];
        for (int s = 0; s < y.length; s++) {
            y[s] = raw(beta, sequences.queries()[s], sequences.keys()[s]);
            for (int t = 0; t < COUNT; t++) {
                y[s][t] = (y[s][t] - mean[t]) / std[t];
            }
        }
        return y;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
