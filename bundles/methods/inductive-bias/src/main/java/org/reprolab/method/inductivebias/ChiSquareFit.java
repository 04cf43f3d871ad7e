package org.reprolab.method.inductivebias;

import java.util.function.ToDoubleFunction;

/**
 * Fits a {@link ScaledNoncentralChiSquare} (df, nc, scale; location 0) to sampled test losses: a method-of-moments
 * start from the sample mean, variance and third central moment, then maximum likelihood over (log df, log nc,
 * log scale) by Nelder–Mead, restarted from its own optimum until the likelihood stops improving.
 */
final class ChiSquareFit {

    /** The smallest non-centrality the fit uses: nc = 0 sits on the boundary of the log-parametrisation. */
    static final double MIN_NC = 1e-8;
    private static final int MAX_RESTARTS = 4;

    private ChiSquareFit() {
    }

    /** The maximum-likelihood fit to the samples (all must be positive and finite). */
    static ScaledNoncentralChiSquare fit(double[] samples) {
        for (double x : samples) {
            if (!(x > 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("χ² fit needs positive finite samples, got " + x);
            }
        }
        ScaledNoncentralChiSquare start = methodOfMoments(samples);
        ToDoubleFunction<double[]> negLogLikelihood = p -> {
            ScaledNoncentralChiSquare d = fromLog(p);
            return d == null ? Double.POSITIVE_INFINITY : -d.logLikelihood(samples);
        };
        double[] point = {Math.log(start.df()), Math.log(Math.max(start.nc(), MIN_NC)), Math.log(start.scale())};
        double value = negLogLikelihood.applyAsDouble(point);
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            NelderMead.Minimum m = NelderMead.minimize(negLogLikelihood, point, 0.5, 1e-10);
            boolean improved = m.value() < value - 1e-9 * Math.abs(value);
            if (m.value() <= value) {
                point = m.point();
                value = m.value();
            }
            if (!improved) {
                break;
            }
        }
        return fromLog(point);
    }

    /**
     * Moments of scale·χ'²(k, λ): mean = s(k + λ), variance = 2s²(k + 2λ), third central moment = 8s³(k + 3λ).
     * Since k + 3λ = 2(k + 2λ) − (k + λ), the scale solves 8·mean·s² − 8·var·s + μ₃ = 0; the root with k > 0 and
     * λ ≥ 0 is taken, else the central χ² with the sample mean and variance.
     */
    static ScaledNoncentralChiSquare methodOfMoments(double[] samples) {
        int n = samples.length;
        double mean = 0;
        for (double x : samples) {
            mean += x;
        }
        mean /= n;
        double m2 = 0;
        double m3 = 0;
        for (double x : samples) {
            double d = x - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= n;
        m3 /= n;
        if (!(m2 > 0)) {
            throw new IllegalArgumentException("χ² fit needs samples with positive variance");
        }
        double discriminant = 64 * m2 * m2 - 32 * mean * m3;
        if (discriminant >= 0) {
            for (double sign : new double[] {1, -1}) {
                double s = (8 * m2 + sign * Math.sqrt(discriminant)) / (16 * mean);
                if (s > 0) {
                    double a = mean / s;
                    double b = m2 / (2 * s * s);
                    double k = 2 * a - b;
                    double lambda = b - a;
                    if (k > 0 && lambda >= 0) {
                        return new ScaledNoncentralChiSquare(k, lambda, s);
                    }
                }
            }
        }
        double s = m2 / (2 * mean);
        return new ScaledNoncentralChiSquare(mean / s, 0, s);
    }

    private static ScaledNoncentralChiSquare fromLog(double[] p) {
        double df = Math.exp(p[0]);
        double nc = Math.exp(p[1]);
        double scale = Math.exp(p[2]);
        if (!(df > 0) || !(scale > 0) || Double.isInfinite(df) || Double.isInfinite(nc) || Double.isInfinite(scale)) {
            return null;
        }
        return new ScaledNoncentralChiSquare(df, nc, scale);
    }
}
