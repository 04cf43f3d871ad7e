package org.reprolab.method.inductivebias;

import org.reprolab.theory.common.Brent;

/**
 * The exact law of a GP hypothesis's test MSE: Σ_j w_j·χ²₁(δ_j), independent terms with weights w_j > 0 and
 * non-centralities δ_j ≥ 0. Its left tail is computed with the saddlepoint method and Barndorff-Nielsen's r*
 * formula, which is the yardstick for the sampled-and-fitted estimator: the cumulant generating function is
 * K(s) = Σ[−½ log(1 − 2sw) + δws/(1 − 2sw)] for s < 1/(2 max w); ŝ solves K′(ŝ) = ε, and
 * log P(MSE ≤ ε) ≈ log Φ(r + log(u/r)/r) with r = sign(ŝ)√(2(ŝε − K(ŝ))), u = ŝ√K″(ŝ).
 */
final class WeightedChiSquareSum {

    /** Within this |r| of the mean the r* correction is 0/0; a skewness-corrected normal value is used there. */
    private static final double NEAR_MEAN_R = 1e-3;

    private final double[] weights;
    private final double[] noncentralities;
    private final double maxWeight;

    WeightedChiSquareSum(double[] weights, double[] noncentralities) {
        if (weights.length != noncentralities.length || weights.length == 0) {
            throw new IllegalArgumentException("need as many weights as non-centralities (≥ 1), got " + weights.length
                    + " and " + noncentralities.length);
        }
        double max = 0;
        for (int j = 0; j < weights.length; j++) {
            if (!(weights[j] > 0) || !(noncentralities[j] >= 0)) {
                throw new IllegalArgumentException("weights must be > 0 and non-centralities ≥ 0; term " + j + " has w = "
                        + weights[j] + ", δ = " + noncentralities[j]);
            }
            max = Math.max(max, weights[j]);
        }
        this.weights = weights.clone();
        this.noncentralities = noncentralities.clone();
        this.maxWeight = max;
    }

    /** E = Σ w(1 + δ). */
    double mean() {
        double sum = 0;
        for (int j = 0; j < weights.length; j++) {
            sum += weights[j] * (1 + noncentralities[j]);
        }
        return sum;
    }

    /** Var = Σ 2w²(1 + 2δ). */
    double variance() {
        double sum = 0;
        for (int j = 0; j < weights.length; j++) {
            sum += 2 * weights[j] * weights[j] * (1 + 2 * noncentralities[j]);
        }
        return sum;
    }

    /** Third central moment Σ 8w³(1 + 3δ). */
    double thirdCentralMoment() {
        double sum = 0;
        for (int j = 0; j < weights.length; j++) {
            double w = weights[j];
            sum += 8 * w * w * w * (1 + 3 * noncentralities[j]);
        }
        return sum;
    }

    /** K(s). */
    double cumulant(double s) {
        double sum = 0;
        for (int j = 0; j < weights.length; j++) {
            double w = weights[j];
            double t = 1 - 2 * s * w;
            sum += -0.5 * Math.log(t) + noncentralities[j] * w * s / t;
        }
        return sum;
    }

    /** K′(s) = Σ w/(1 − 2sw) + δw/(1 − 2sw)². */
    double cumulantDerivative(double s) {
        double sum = 0;
        for (int j = 0; j < weights.length; j++) {
            double w = weights[j];
            double t = 1 - 2 * s * w;
            sum += w / t + noncentralities[j] * w / (t * t);
        }
        return sum;
    }

    /** K″(s) = Σ 2w²/(1 − 2sw)² + 4δw²/(1 − 2sw)³. */
    double cumulantSecondDerivative(double s) {
        double sum = 0;
        for (int j = 0; j < weights.length; j++) {
            double w = weights[j];
            double t = 1 - 2 * s * w;
            sum += 2 * w * w / (t * t) + 4 * noncentralities[j] * w * w / (t * t * t);
        }
        return sum;
    }

    /** The saddlepoint ŝ with K′(ŝ) = ε, for ε > 0. */
    double saddlepoint(double epsilon) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("the saddlepoint needs ε > 0, got " + epsilon);
        }
        double mean = mean();
        if (epsilon == mean) {
            return 0;
        }
        if (epsilon < mean) {
            // K′ increases from 0 (s → −∞) to the mean (s = 0): double the bracket until K′ falls below ε.
            double lo = -1 / (2 * maxWeight);
            while (cumulantDerivative(lo) > epsilon) {
                lo *= 2;
                if (Double.isInfinite(lo)) {
                    throw new IllegalStateException("no saddlepoint below ε = " + epsilon);
                }
            }
            double tolerance = 1e-13 * Math.abs(lo);
            return Brent.root(s -> cumulantDerivative(s) - epsilon, lo, 0, tolerance);
        }
        // K′ increases from the mean to +∞ as s → 1/(2 max w).
        double pole = 1 / (2 * maxWeight);
        double hi = pole / 2;
        while (cumulantDerivative(hi) < epsilon) {
            hi = pole - (pole - hi) / 2;
            if (hi >= pole) {
                throw new IllegalStateException("no saddlepoint above ε = " + epsilon);
            }
        }
        return Brent.root(s -> cumulantDerivative(s) - epsilon, 0, hi, 1e-15 * pole);
    }

    /** Saddlepoint (Barndorff-Nielsen r*) approximation of log P(MSE ≤ ε), in nats. */
    double logCdf(double epsilon) {
        double s = saddlepoint(epsilon);
        double r = Math.signum(s) * Math.sqrt(Math.max(0, 2 * (s * epsilon - cumulant(s))));
        if (Math.abs(r) < NEAR_MEAN_R) {
            // Near the mean r* → r + (skewness term); the one-term Edgeworth value is accurate there.
            double sd = Math.sqrt(variance());
            double z = (epsilon - mean()) / sd;
            double skew = thirdCentralMoment() / (sd * sd * sd);
            return LogSpace.logNormalCdf(z - skew / 6 * (z * z - 1));
        }
        double u = s * Math.sqrt(cumulantSecondDerivative(s));
        return LogSpace.logNormalCdf(r + Math.log(u / r) / r);
    }

    int terms() {
        return weights.length;
    }
}
