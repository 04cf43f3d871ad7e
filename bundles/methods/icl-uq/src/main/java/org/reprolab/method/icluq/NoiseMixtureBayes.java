package org.reprolab.method.icluq;

import java.util.Arrays;
import org.reprolab.data.synthetic.LinearRegressionPrompts.Prompts;

/**
 * Bayesian linear regression whose noise level is itself unknown (spec "Reference predictors"): β ~ N(0, τ²I),
 * σ drawn from a discrete prior {σ_k with weight w_k}, y = βᵀx + σξ. Given the first t pairs (X, y) each σ_k has
 * the conjugate posterior N(m_k, Σ_k), Σ_k = (XᵀX/σ_k² + I/τ²)⁻¹, m_k = Σ_k·Xᵀy/σ_k², and the marginal likelihood
 * N(y; 0, τ²XXᵀ + σ_k²I); the σ-posterior is π_k ∝ w_k·N(y; 0, τ²XXᵀ + σ_k²I), and the predictive at x is the
 * mixture's mean μ = Σπ_k·xᵀm_k and variance Σπ_k(σ_k² + xᵀΣ_k x + μ_k²) − μ² (its Gaussian moment match).
 *
 * <p>All in double precision from the running sufficient statistics XᵀX, Xᵀy, yᵀy; the t×t marginal
 * likelihood uses the determinant lemma and Woodbury: |τ²XXᵀ + σ²I| = σ^{2t}·τ^{2d}·|A| and
 * yᵀ(τ²XXᵀ + σ²I)⁻¹y = (yᵀy − bᵀA⁻¹b/σ²)/σ² with A = Σ⁻¹, b = Xᵀy.
 */
final class NoiseMixtureBayes {

    private final double priorVariance;
    private final double[] sigmas;
    private final double[] logWeights;

    /**
     * @param priorVariance τ², the prior variance of every weight
     * @param sigmas        the noise levels σ_k the prior allows
     * @param weights       their prior weights (normalised here)
     */
    NoiseMixtureBayes(double priorVariance, double[] sigmas, double[] weights) {
        if (!(priorVariance > 0) || sigmas.length == 0 || weights.length != sigmas.length) {
            throw new IllegalArgumentException("need τ² > 0 and one weight per noise level, got τ² = " + priorVariance
                    + ", " + sigmas.length + " levels, " + weights.length + " weights");
        }
        double total = 0;
        for (int k = 0; k < sigmas.length; k++) {
            if (!(sigmas[k] > 0) || !(weights[k] > 0)) {
                throw new IllegalArgumentException("noise level " + sigmas[k] + " and its weight " + weights[k]
                        + " must be > 0");
            }
            total += weights[k];
        }
        this.priorVariance = priorVariance;
        this.sigmas = sigmas.clone();
        this.logWeights = new double[sigmas.length];
        for (int k = 0; k < sigmas.length; k++) {
            logWeights[k] = Math.log(weights[k] / total);
        }
    }

    /** The Bayes-optimal predictor of the training distribution: τ² = 1, σ uniform on the training levels. */
    static NoiseMixtureBayes trainingPrior(double[] sigmas) {
        double[] uniform = new double[sigmas.length];
        Arrays.fill(uniform, 1);
        return new NoiseMixtureBayes(1, sigmas, uniform);
    }

    /**
     * The prior-free stand-in (spec): β ~ N(0, 100·I) and σ log-uniform on {@code levels} values spanning
     * [low, high], so it must estimate σ from the context alone.
     */
    static NoiseMixtureBayes vague(double priorVariance, double low, double high, int levels) {
        double[] grid = new double[levels];
        double[] uniform = new double[levels];
        for (int k = 0; k < levels; k++) {
            grid[k] = levels == 1 ? low : low * Math.pow(high / low, k / (double) (levels - 1));
            uniform[k] = 1;
        }
        return new NoiseMixtureBayes(priorVariance, grid, uniform);
    }

    /** The conjugate predictor that knows the prompt's σ (τ² = 1). */
    static NoiseMixtureBayes oracle(double sigma) {
        return new NoiseMixtureBayes(1, new double[] {sigma}, new double[] {1});
    }

    /** Predictions for every position of every prompt. */
    GaussianPredictions predict(Prompts prompts) {
        double[] mean = new double[prompts.batch() * prompts.pairs()];
        double[] variance = new double[mean.length];
        for (int b = 0; b < prompts.batch(); b++) {
            predictPrompt(prompts, b, mean, variance);
        }
        return new GaussianPredictions(mean, variance, prompts.batch(), prompts.pairs());
    }

    /** The σ-oracle on every prompt: each prompt is predicted with its own true σ. */
    static GaussianPredictions oraclePredict(Prompts prompts) {
        double[] mean = new double[prompts.batch() * prompts.pairs()];
        double[] variance = new double[mean.length];
        for (int b = 0; b < prompts.batch(); b++) {
            oracle(prompts.sigma()[b]).predictPrompt(prompts, b, mean, variance);
        }
        return new GaussianPredictions(mean, variance, prompts.batch(), prompts.pairs());
    }

    /** Fills mean/variance at rows b·T … b·T + T − 1, sweeping t and updating the sufficient statistics. */
    void predictPrompt(Prompts prompts, int b, double[] meanOut, double[] varianceOut) {
        int d = prompts.dim();
        int pairs = prompts.pairs();
        double[] gram = new double[d * d];
        double[] xty = new double[d];
        double yty = 0;
        double[] logPost = new double[sigmas.length];
        double[] mu = new double[sigmas.length];
        double[] v = new double[sigmas.length];
        double[] x = new double[d];
        double[] a = new double[d * d];
        double[] solved = new double[d];
        for (int t = 0; t < pairs; t++) {
            System.arraycopy(prompts.x(), (b * pairs + t) * d, x, 0, d);
            for (int k = 0; k < sigmas.length; k++) {
                double s2 = sigmas[k] * sigmas[k];
                for (int i = 0; i < d * d; i++) {
                    a[i] = gram[i] / s2;
                }
                for (int i = 0; i < d; i++) {
                    a[i * d + i] += 1 / priorVariance;
                }
                double logDetA = SmallCholesky.factorInPlace(a, d);
                SmallCholesky.solve(a, d, xty, solved);
                double bAb = dot(xty, solved);
                mu[k] = dot(x, solved) / s2;
                SmallCholesky.solve(a, d, x, solved);
                v[k] = s2 + dot(x, solved);
                double quadratic = (yty - bAb / s2) / s2;
                logPost[k] = logWeights[k] - 0.5 * (t * Math.log(2 * Math.PI * s2) + d * Math.log(priorVariance)
                        + logDetA + quadratic);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double l : logPost) {
                max = Math.max(max, l);
            }
            double norm = 0;
            for (double l : logPost) {
                norm += Math.exp(l - max);
            }
            double[] pi = new double[sigmas.length];
            double m = 0;
            for (int k = 0; k < sigmas.length; k++) {
                pi[k] = Math.exp(logPost[k] - max) / norm;
                m += pi[k] * mu[k];
            }
            // Σπ_k(v_k + μ_k²) − μ², written as within- plus between-component variance so it cannot cancel below 0.
            double var = 0;
            for (int k = 0; k < sigmas.length; k++) {
                var += pi[k] * (v[k] + (mu[k] - m) * (mu[k] - m));
            }
            meanOut[b * pairs + t] = m;
            varianceOut[b * pairs + t] = var;
            double y = prompts.y()[b * pairs + t];
            for (int i = 0; i < d; i++) {
                xty[i] += x[i] * y;
                for (int j = 0; j < d; j++) {
                    gram[i * d + j] += x[i] * x[j];
                }
            }
            yty += y * y;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
