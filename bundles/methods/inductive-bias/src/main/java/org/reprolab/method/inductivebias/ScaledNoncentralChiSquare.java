package org.reprolab.method.inductivebias;

/**
 * The law of X = scale·Y with Y ~ χ'²(df, nc), a non-central chi-square (location fixed at 0, as in the paper and
 * its code). It is the exact law of a squared error of Gaussian predictions with equal variances and the
 * parametric family the paper fits to sampled test losses. Density and CDF are Poisson mixtures over j ~ Pois(nc/2)
 * of central χ²(df + 2j) laws, summed in log space from their largest term outwards.
 */
record ScaledNoncentralChiSquare(double df, double nc, double scale) {

    /** Terms of a Poisson mixture smaller than the largest one by this many nats are dropped (e^-40 ≈ 4e-18). */
    private static final double NEGLIGIBLE_NATS = 40;
    private static final int MAX_MIXTURE_TERMS = 2_000_000;

    ScaledNoncentralChiSquare {
        if (!(df > 0) || !(nc >= 0) || !(scale > 0) || Double.isInfinite(df) || Double.isInfinite(nc)
                || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("need df > 0, nc ≥ 0, scale > 0 (all finite), got df = " + df + ", nc = "
                    + nc + ", scale = " + scale);
        }
    }

    double mean() {
        return scale * (df + nc);
    }

    double variance() {
        return 2 * scale * scale * (df + 2 * nc);
    }

    /** Third central moment 8·scale³·(df + 3nc). */
    double thirdCentralMoment() {
        return 8 * scale * scale * scale * (df + 3 * nc);
    }

    /**
     * log density at x > 0. With λ = nc/2 and y = x/scale, term j of the mixture is Pois(j; λ)·χ²_{df+2j}(y); the
     * ratio of consecutive terms is λy/(2(j + 1)(df/2 + j)), so only the largest term needs log Γ and the rest follow
     * by multiplication.
     */
    double logDensity(double x) {
        if (!(x > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        double y = x / scale;
        double halfDf = df / 2;
        double lambda = nc / 2;
        double logY = Math.log(y);
        if (lambda == 0) {
            return centralLogDensity(halfDf, y, logY) - Math.log(scale);
        }
        double rate = lambda * y / 2;
        // largest term: (j + 1)(halfDf + j) ≈ rate
        double b = halfDf + 1;
        double root = (-b + Math.sqrt(b * b - 4 * (halfDf - rate))) / 2;
        long peak = Math.max(0, (long) Math.floor(root));
        double logPeak = -lambda + peak * Math.log(lambda) - LogSpace.logGamma(peak + 1.0)
                + centralLogDensity(halfDf + peak, y, logY);
        double sum = 1;
        double term = 1;
        double cutoff = Math.exp(-NEGLIGIBLE_NATS);
        for (long j = peak; j < peak + MAX_MIXTURE_TERMS; j++) {
            term *= rate / ((j + 1) * (halfDf + j));
            sum += term;
            if (term < cutoff * sum) {
                break;
            }
        }
        term = 1;
        for (long j = peak; j > 0; j--) {
            term *= j * (halfDf + j - 1) / rate;
            sum += term;
            if (term < cutoff * sum) {
                break;
            }
        }
        return logPeak + Math.log(sum) - Math.log(scale);
    }

    /** log of the χ²(2h) density at y: (h − 1) log y − y/2 − h log 2 − log Γ(h). */
    private static double centralLogDensity(double h, double y, double logY) {
        return (h - 1) * logY - y / 2 - h * Math.log(2) - LogSpace.logGamma(h);
    }

    /** Sum of log densities over the samples (the log-likelihood maximised by {@link ChiSquareFit}). */
    double logLikelihood(double[] samples) {
        double sum = 0;
        for (double x : samples) {
            sum += logDensity(x);
        }
        return sum;
    }

    /**
     * log P(X ≤ x) = log Σ_j Pois(j; nc/2)·P(df/2 + j, x/(2·scale)), summed in log space from the Poisson mode
     * downwards and upwards until the terms are negligible. Where that does not give a finite number (the series
     * fails to converge), the Sankaran normal approximation of the cube-root-type transform takes over, as in the
     * authors' code.
     */
    double logCdf(double x) {
        return logCdfWithMethod(x).logCdf();
    }

    /** The log-CDF together with whether the normal fallback gave it. */
    TailValue logCdfWithMethod(double x) {
        if (!(x > 0)) {
            return new TailValue(Double.NEGATIVE_INFINITY, false);
        }
        double z = x / (2 * scale);
        double halfDf = df / 2;
        double lambda = nc / 2;
        double exact;
        if (lambda == 0) {
            exact = LogSpace.logLowerGammaRegularized(halfDf, z);
        } else {
            long mode = (long) Math.floor(lambda);
            double logPoisMode = -lambda + mode * Math.log(lambda) - LogSpace.logGamma(mode + 1.0);
            exact = mixtureTerm(logPoisMode, halfDf + mode, z);
            double best = exact;
            double logPois = logPoisMode;
            for (long j = mode + 1; j < mode + MAX_MIXTURE_TERMS; j++) {
                logPois += Math.log(lambda / j);
                double t = mixtureTerm(logPois, halfDf + j, z);
                exact = LogSpace.logAdd(exact, t);
                best = Math.max(best, t);
                if (t < best - NEGLIGIBLE_NATS || Double.isNaN(t)) {
                    break;
                }
            }
            logPois = logPoisMode;
            double previous = Double.NEGATIVE_INFINITY;
            for (long j = mode - 1; j >= 0; j--) {
                logPois += Math.log((j + 1) / lambda);
                double t = mixtureTerm(logPois, halfDf + j, z);
                exact = LogSpace.logAdd(exact, t);
                best = Math.max(best, t);
                if ((t < best - NEGLIGIBLE_NATS && t < previous) || Double.isNaN(t)) {
                    break;
                }
                previous = t;
            }
        }
        if (Double.isFinite(exact)) {
            return new TailValue(Math.min(exact, 0), false);
        }
        return new TailValue(sankaranLogCdf(x), true);
    }

    private static double mixtureTerm(double logPois, double a, double z) {
        return logPois + LogSpace.logLowerGammaRegularized(a, z);
    }

    /**
     * Sankaran's (1963) approximation: (Y/(df + nc))^h is nearly normal with the mean and variance below; the same
     * transform as the authors' fallback, read off the normal CDF instead of its square-exponent bound.
     */
    double sankaranLogCdf(double x) {
        double y = x / scale;
        double k = df;
        double s = df + nc;
        double h = 1 - 2.0 / 3 * s * (k + 3 * nc) / ((k + 2 * nc) * (k + 2 * nc));
        double p = (k + 2 * nc) / (s * s);
        double m = (h - 1) * (1 - 3 * h);
        double z = (Math.pow(y / s, h) - (1 + h * p * (h - 1 - 0.5 * (2 - h) * m * p)))
                / (h * Math.sqrt(2 * p) * (1 + 0.5 * m * p));
        return LogSpace.logNormalCdf(z);
    }

    /** A log-CDF value and whether the normal approximation supplied it. */
    record TailValue(double logCdf, boolean approximated) {
    }
}
