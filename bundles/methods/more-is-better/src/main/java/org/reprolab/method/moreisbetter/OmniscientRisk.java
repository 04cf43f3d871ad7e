package org.reprolab.method.moreisbetter;

import org.reprolab.theory.common.Brent;

/**
 * The paper's "omniscient risk estimate" (eigenframework, Sec. 3–4): closed-form test and train MSE of
 * kernel ridge regression and of random-feature ridge regression from the task's eigenvalues λᵢ, target
 * power vᵢ² and noise ε², for n samples, N features and ridge δ (added to the unnormalised Gram matrix).
 */
final class OmniscientRisk {

    /** Ridges below this are treated as this value: the δ → 0 limit is taken numerically. */
    static final double MIN_RIDGE = 1e-12;
    private static final double LOWEST = 1e-16;
    private static final double KAPPA_HIGHEST = 1e8;
    private static final double GAMMA_HIGHEST = 1e10;
    private static final double LOG_TOLERANCE = 1e-15;

    /** A task seen through its eigenstructure: λᵢ (decreasing), vᵢ² and the label-noise variance ε². */
    record Spectrum(double[] eigenvalues, double[] targetPower, double noiseVariance) {

        Spectrum withNoise(double variance) {
            return new Spectrum(eigenvalues, targetPower, variance);
        }
    }

    /** KRR estimate: effective regularisation κ, test and train MSE. */
    record KernelEstimate(double kappa, double testMse, double trainMse) {
    }

    /** RF estimate: the two constants κ and γ, and the test MSE. */
    record FeatureEstimate(double kappa, double gamma, double testMse) {
    }

    private OmniscientRisk() {
    }

    /**
     * KRR: κ solves n = Σ λᵢ/(λᵢ+κ) + δ/κ; with Lᵢ = λᵢ/(λᵢ+κ) and E₀ = n/(n − Σ Lᵢ²),
     * E_te = E₀ (Σ (1−Lᵢ)² vᵢ² + ε²) and E_tr = (δ/(nκ))² E_te.
     */
    static KernelEstimate kernelRidge(Spectrum s, int n, double ridge) {
        double delta = Math.max(ridge, MIN_RIDGE);
        double[] lambda = s.eigenvalues;
        double logKappa = Brent.root(t -> kernelResidual(lambda, n, delta, Math.exp(t)),
                Math.log(LOWEST), Math.log(KAPPA_HIGHEST), LOG_TOLERANCE);
        double kappa = Math.exp(logKappa);
        double q = 0;
        double bias = 0;
        for (int i = 0; i < lambda.length; i++) {
            double l = lambda[i] / (lambda[i] + kappa);
            q += l * l;
            bias += (1 - l) * (1 - l) * s.targetPower[i];
        }
        double test = n / (n - q) * (bias + s.noiseVariance);
        double shrink = delta / (n * kappa);
        return new KernelEstimate(kappa, test, shrink * shrink * test);
    }

    /** Σ λᵢ/(λᵢ+κ) + δ/κ − n, the KRR equation the solver zeroes. */
    static double kernelResidual(double[] lambda, int n, double ridge, double kappa) {
        return learnedModes(lambda, kappa) + Math.max(ridge, MIN_RIDGE) / kappa - n;
    }

    /**
     * RF with N features: κ, γ solve n = Σ λᵢ/(λᵢ+γ) + δ/κ and N = Σ λᵢ/(λᵢ+γ) + Nκ/γ. The second gives
     * κ = γ(N − z)/N with z = Σ Lᵢ, Lᵢ = λᵢ/(λᵢ+γ); substituting leaves the strictly decreasing
     * h(γ) = z + δN/(γ(N − z)) − n on (γ_N, ∞), where z(γ_N) = N. Then with q = Σ Lᵢ² and
     * x = (q(N − 2z) + z²)/(n(N − q)), E_te = (Σ bᵢ vᵢ² + ε²)/(1 − x),
     * bᵢ = (1 − Lᵢ) − κ N/(N − q) · Lᵢ/(λᵢ + γ).
     */
    static FeatureEstimate randomFeatures(Spectrum s, int n, double features, double ridge) {
        double delta = Math.max(ridge, MIN_RIDGE);
        double[] lambda = s.eigenvalues;
        double nf = features;
        double gammaN = saturationPoint(lambda, nf);
        double gamma;
        if (featureResidual(lambda, n, nf, delta, gammaN) <= 0) {
            // N < n with δ → 0: the root sits at γ_N itself (κ → 0, the feature-limited interpolator).
            gamma = gammaN;
        } else {
            double logGamma = Brent.root(t -> featureResidual(lambda, n, nf, delta, Math.exp(t)),
                    Math.log(gammaN), Math.log(GAMMA_HIGHEST), LOG_TOLERANCE);
            gamma = Math.max(Math.exp(logGamma), gammaN);
        }
        double z = 0;
        double q = 0;
        for (double l : lambda) {
            double li = l / (l + gamma);
            z += li;
            q += li * li;
        }
        double kappa = gamma * (nf - z) / nf;
        double x = (q * (nf - 2 * z) + z * z) / (n * (nf - q));
        double bias = 0;
        for (int i = 0; i < lambda.length; i++) {
            double li = lambda[i] / (lambda[i] + gamma);
            double b = (1 - li) - kappa * nf / (nf - q) * li / (lambda[i] + gamma);
            bias += b * s.targetPower[i];
        }
        return new FeatureEstimate(kappa, gamma, (bias + s.noiseVariance) / (1 - x));
    }

    /** z(γ) + δN/(γ(N − z(γ))) − n. */
    private static double featureResidual(double[] lambda, int n, double features, double ridge, double gamma) {
        double z = learnedModes(lambda, gamma);
        return z + ridge * features / (gamma * (features - z)) - n;
    }

    /**
     * γ_N with z(γ_N) = N, stepped up until z(γ_N) < N strictly (otherwise h changes sign on the wrong side
     * of the pole); 1e-16 when N exceeds the number of modes and z never reaches N.
     */
    private static double saturationPoint(double[] lambda, double features) {
        if (learnedModes(lambda, LOWEST) < features) {
            return LOWEST;
        }
        double gammaN = Math.exp(Brent.root(t -> learnedModes(lambda, Math.exp(t)) - features,
                Math.log(LOWEST), Math.log(GAMMA_HIGHEST), LOG_TOLERANCE));
        double step = 1e-14;
        while (learnedModes(lambda, gammaN) >= features) {
            gammaN *= 1 + step;
            step *= 2;
        }
        return gammaN;
    }

    /** Σ λᵢ/(λᵢ+κ): the number of modes learned at effective regularisation κ. */
    private static double learnedModes(double[] lambda, double kappa) {
        double z = 0;
        for (double l : lambda) {
            z += l / (l + kappa);
        }
        return z;
    }
}
