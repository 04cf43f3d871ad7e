package org.reprolab.method.testerlearner;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.reprolab.api.RunContext;

/**
 * The invariants the specification's smoke profile asserts, measured in every run so that a full run reports them
 * too.
 *
 * @param maxNormDeviation          max |‖w_t‖ − 1| over every PSGD iterate of every trial
 * @param gradientMaxError          max_j |∂_j L_σ − central difference_j| at a random w (h = 1e-5)
 * @param gaussianBandMassRatio     worst statistic/tolerance of T3 on an exact Gaussian sample of 10⁶ points
 * @param gaussianIsotropyRatio     worst statistic/tolerance of T4 on the same sample
 * @param targetNoiselessError      the error of w* on that sample labelled by w* (must be 0)
 */
record SanityChecks(double maxNormDeviation, double gradientMaxError, double gaussianBandMassRatio,
                    double gaussianIsotropyRatio, double targetNoiselessError) {

    static final int GAUSSIAN_POINTS = 1_000_000;
    static final int GRADIENT_POINTS = 2_000;
    static final double FINITE_DIFFERENCE_STEP = 1e-5;

    static SanityChecks measure(RunContext ctx, int d, double sigma, Collection<List<Trial.Outcome>> outcomes) {
        double maxNormDeviation = outcomes.stream().flatMap(List::stream).mapToDouble(Trial.Outcome::maxNormDeviation)
                .max().orElse(Double.NaN);
        double gradient = gradientError(d, sigma, ctx.random("sanity/gradient"));
        ctx.checkCancelled();
        LabelledSample gaussian = noiselessGaussian(GAUSSIAN_POINTS, d, ctx.random("sanity/gaussian"));
        double[] w = Vectors.randomUnit(d, ctx.random("sanity/direction"));
        TestReport bands = new TestReport(Stream.concat(
                Arrays.stream(Tester.BAND_WIDTHS).mapToObj(s -> Tester.bandMass(gaussian, w, s)),
                Arrays.stream(Tester.BAND_WIDTHS).mapToObj(s -> Tester.bandIsotropy(gaussian, w, s))).toList());
        return new SanityChecks(maxNormDeviation, gradient, bands.worstRatio("T3"), bands.worstRatio("T4"),
                gaussian.errorOf(Vectors.basis(d, 0)));
    }

    /** The hand-written gradient of L_σ against central differences, on a G-Massart sample at a random unit w. */
    static double gradientError(int d, double sigma, RandomGenerator rng) {
        LabelledSample s = new Setting(Setting.Family.GAUSSIAN_MASSART, 0.2).draw(GRADIENT_POINTS, d, rng);
        double[] w = Vectors.randomUnit(d, rng);
        SmoothedSigmoidLoss loss = new SmoothedSigmoidLoss(sigma);
        double[] analytic = loss.gradient(s, w);
        double worst = 0;
        for (int j = 0; j < d; j++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[j] += FINITE_DIFFERENCE_STEP;
            minus[j] -= FINITE_DIFFERENCE_STEP;
            double numeric = (loss.value(s, plus) - loss.value(s, minus)) / (2 * FINITE_DIFFERENCE_STEP);
            worst = Math.max(worst, Math.abs(numeric - analytic[j]));
        }
        return worst;
    }

    /** x ~ N(0, I_d), y = sign⟨w*, x⟩ with no noise. */
    static LabelledSample noiselessGaussian(int n, int d, RandomGenerator rng) {
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = rng.nextGaussian();
            }
            y[i] = LabelledSample.sign(x[i * d]);
        }
        return new LabelledSample(d, x, y);
    }
}
