package org.reprolab.method.icluq;

import java.util.random.RandomGenerator;
import org.reprolab.data.synthetic.LinearRegressionPrompts;
import org.reprolab.data.synthetic.LinearRegressionPrompts.Prompts;

/**
 * Independent checks of the closed-form references (spec "Smoke profile"): with one σ in its prior the mixture
 * must equal the conjugate posterior predictive, here computed the other way round, in function space
 * (μ = kᵀK⁻¹y, v = σ² + τ²xᵀx − kᵀK⁻¹k with K = τ²XXᵀ + σ²I, k = τ²Xx); and as the noise vanishes the Bayes
 * predictor after T pairs must predict like ordinary least squares.
 */
final class BayesSanityChecks {

    private BayesSanityChecks() {
    }

    /**
     * Largest relative difference, over all positions of all prompts, between the weight-space mixture with the
     * single level σ and the function-space conjugate predictive (mean relative to the label scale, variance
     * relative to itself).
     */
    static double singleSigmaAgreement(Prompts prompts, double sigma) {
        GaussianPredictions mixture = new NoiseMixtureBayes(1, new double[] {sigma}, new double[] {1}).predict(prompts);
        double worst = 0;
        for (int b = 0; b < prompts.batch(); b++) {
            for (int t = 0; t < prompts.pairs(); t++) {
                double[] direct = functionSpacePredictive(prompts, b, t, 1, sigma);
                int i = b * prompts.pairs() + t;
                double scale = Math.sqrt(direct[1]);
                worst = Math.max(worst, Math.abs(mixture.mean()[i] - direct[0]) / scale);
                worst = Math.max(worst, Math.abs(mixture.variance()[i] - direct[1]) / direct[1]);
            }
        }
        return worst;
    }

    /**
     * MSE of the Bayes predictor (prior σ = the prompts' σ) divided by the MSE of OLS, both predicting label
     * T + 1 from T pairs, on prompts with noise σ; tends to 1 as σ → 0. Needs T ≥ d.
     */
    static double bayesOverOlsMse(LinearRegressionPrompts task, int contextPairs, double sigma, int prompts,
                                  RandomGenerator rng) {
        int d = task.dim();
        if (contextPairs < d) {
            throw new IllegalArgumentException("OLS needs at least d = " + d + " context pairs, got " + contextPairs);
        }
        Prompts p = task.withPairs(contextPairs + 1).withNoiseLevels(sigma).sample(prompts, rng);
        GaussianPredictions bayes = NoiseMixtureBayes.oracle(sigma).predict(p);
        double bayesSse = 0;
        double olsSse = 0;
        int pairs = contextPairs + 1;
        for (int b = 0; b < prompts; b++) {
            double[] gram = new double[d * d];
            double[] xty = new double[d];
            for (int t = 0; t < contextPairs; t++) {
                for (int i = 0; i < d; i++) {
                    double xi = p.x()[(b * pairs + t) * d + i];
                    xty[i] += xi * p.y()[b * pairs + t];
                    for (int j = 0; j < d; j++) {
                        gram[i * d + j] += xi * p.x()[(b * pairs + t) * d + j];
                    }
                }
            }
            SmallCholesky.factorInPlace(gram, d);
            double[] w = new double[d];
            SmallCholesky.solve(gram, d, xty, w);
            double ols = 0;
            for (int i = 0; i < d; i++) {
                ols += w[i] * p.x()[(b * pairs + contextPairs) * d + i];
            }
            double y = p.y()[b * pairs + contextPairs];
            olsSse += (y - ols) * (y - ols);
            double mu = bayes.mean()[b * pairs + contextPairs];
            bayesSse += (y - mu) * (y - mu);
        }
        return bayesSse / olsSse;
    }

    /** {μ, v} of y_t in prompt b from its first t pairs, in function space (t×t solves). */
    static double[] functionSpacePredictive(Prompts p, int b, int t, double priorVariance, double sigma) {
        int d = p.dim();
        int pairs = p.pairs();
        double[] x = new double[d];
        System.arraycopy(p.x(), (b * pairs + t) * d, x, 0, d);
        double prior = priorVariance * dot(x, 0, x, 0, d) + sigma * sigma;
        if (t == 0) {
            return new double[] {0, prior};
        }
        double[] kernel = new double[t * t];
        double[] k = new double[t];
        double[] y = new double[t];
        for (int i = 0; i < t; i++) {
            int xi = (b * pairs + i) * d;
            for (int j = 0; j < t; j++) {
                kernel[i * t + j] = priorVariance * dot(p.x(), xi, p.x(), (b * pairs + j) * d, d) + (i == j ? sigma * sigma : 0);
            }
            k[i] = priorVariance * dot(p.x(), xi, x, 0, d);
            y[i] = p.y()[b * pairs + i];
        }
        SmallCholesky.factorInPlace(kernel, t);
        double[] alpha = new double[t];
        SmallCholesky.solve(kernel, t, y, alpha);
        double[] beta = new double[t];
        SmallCholesky.solve(kernel, t, k, beta);
        return new double[] {dot(k, 0, alpha, 0, t), prior - dot(k, 0, beta, 0, t)};
    }

    private static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }
}
