package org.reprolab.method.inductivebias;

import java.util.Arrays;

/**
 * One GP hypothesis space with its sampled test MSEs and the χ² law fitted to them, beside the exact loss law:
 * everything needed to read I(ε) three ways (fitted, saddlepoint, empirical) and to check the sampler.
 */
record SampledSpace(GaussianProcessSpace space, double[] samples, ScaledNoncentralChiSquare fit) {

    /** Probability levels at which the saddlepoint is compared with the empirical CDF (all ≥ 0.05). */
    static final double[] CHECK_LEVELS = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7};

    static SampledSpace of(GaussianProcessSpace space, double[] samples) {
        return new SampledSpace(space, samples, ChiSquareFit.fit(samples));
    }

    double sampledMean() {
        return Arrays.stream(samples).average().orElseThrow();
    }

    double sampledVariance() {
        double mean = sampledMean();
        return Arrays.stream(samples).map(x -> (x - mean) * (x - mean)).sum() / (samples.length - 1);
    }

    double fitted(double epsilon) {
        return InductiveBias.fitted(fit, epsilon);
    }

    double saddlepoint(double epsilon) {
        return InductiveBias.saddlepoint(space.lossLaw(), epsilon);
    }

    double empirical(double epsilon) {
        return InductiveBias.empirical(samples, epsilon);
    }

    /** |sampled mean − exact mean Σw(1 + δ)| in standard errors of the sampled mean. */
    double meanErrorInStandardErrors() {
        return Math.abs(sampledMean() - space.lossLaw().mean()) / Math.sqrt(sampledVariance() / samples.length);
    }

    /** Largest of the relative errors of the fitted law's mean and variance against the samples'. */
    double fitMomentError() {
        return Math.max(Math.abs(fit.mean() / sampledMean() - 1), Math.abs(fit.variance() / sampledVariance() - 1));
    }

    /**
     * Largest |I_saddle − I_empirical| in bits at the sample quantiles of {@link #CHECK_LEVELS}, using
     * {@code pool} (i.i.d. draws from the same space, possibly more than {@link #samples()}) for the empirical CDF.
     */
    double saddlepointVsEmpiricalBits(double[] pool) {
        double[] sorted = pool.clone();
        Arrays.sort(sorted);
        double worst = 0;
        for (double level : CHECK_LEVELS) {
            double epsilon = sorted[(int) Math.ceil(level * sorted.length) - 1];
            worst = Math.max(worst, Math.abs(saddlepoint(epsilon) - InductiveBias.empirical(sorted, epsilon)));
        }
        return worst;
    }

    /** Whether the fitted and the saddlepoint I(ε) never increase along the increasing grid. */
    static boolean nonIncreasing(double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[i - 1] + 1e-9 * Math.abs(values[i - 1])) {
                return false;
            }
        }
        return true;
    }
}
