package org.reprolab.method.raescore;

import java.util.ArrayList;
import java.util.List;

/**
 * A 1-D Gaussian mixture p(x) = Σ_k w_k N(x; μ_k, s_k²) with its analytic score d log p/dx and its derivative
 * d²log p/dx² (the quantities the paper's Theorem 2 says r(x) − x and r′(x) − 1 estimate, times σ²).
 */
final class Mixture1d {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final double[] means;
    private final double[] stds;
    private final double[] weights;

    Mixture1d(double[] means, double[] stds, double[] weights) {
        if (means.length == 0 || stds.length != means.length || weights.length != means.length) {
            throw new IllegalArgumentException("need as many means, stds and weights, got " + means.length + ", "
                    + stds.length + ", " + weights.length);
        }
        double total = 0;
        for (int k = 0; k < means.length; k++) {
            if (!(stds[k] > 0) || !(weights[k] > 0)) {
                throw new IllegalArgumentException("component " + k + ": std " + stds[k] + " and weight " + weights[k]
                        + " must be > 0");
            }
            total += weights[k];
        }
        this.means = means.clone();
        this.stds = stds.clone();
        this.weights = weights.clone();
        for (int k = 0; k < weights.length; k++) {
            this.weights[k] /= total;
        }
    }

    /** The specification's density: 0.5·N(−2, 0.6²) + 0.3·N(0.5, 0.4²) + 0.2·N(2.5, 0.8²). */
    static Mixture1d threeGaussians() {
        return new Mixture1d(new double[] {-2, 0.5, 2.5}, new double[] {0.6, 0.4, 0.8}, new double[] {0.5, 0.3, 0.2});
    }

    double density(double x) {
        double p = 0;
        for (int k = 0; k < means.length; k++) {
            p += component(k, x);
        }
        return p;
    }

    double logDensity(double x) {
        return Math.log(density(x));
    }

    /** d log p/dx = p′/p. */
    double score(double x) {
        double p = 0;
        double dp = 0;
        for (int k = 0; k < means.length; k++) {
            double c = component(k, x);
            p += c;
            dp += c * (means[k] - x) / (stds[k] * stds[k]);
        }
        return dp / p;
    }

    /** d²log p/dx² = p″/p − (p′/p)². */
    double scoreDerivative(double x) {
        double p = 0;
        double dp = 0;
        double ddp = 0;
        for (int k = 0; k < means.length; k++) {
            double c = component(k, x);
            double var = stds[k] * stds[k];
            double u = (means[k] - x) / var;
            p += c;
            dp += c * u;
            ddp += c * (u * u - 1 / var);
        }
        double s = dp / p;
        return ddp / p - s * s;
    }

    /**
     * The critical points of p in [lo, hi] (zeros of the score), located by a scan with the given step and
     * bisection, each flagged as a mode (score falls through zero) or an anti-mode.
     */
    List<CriticalPoint> criticalPoints(double lo, double hi, double step) {
        List<CriticalPoint> out = new ArrayList<>();
        double a = lo;
        double sa = score(a);
        while (a < hi) {
            double b = Math.min(hi, a + step);
            double sb = score(b);
            if (sa > 0 && sb <= 0 || sa < 0 && sb >= 0) {
                double l = a;
                double r = b;
                for (int i = 0; i < 80; i++) {
                    double m = 0.5 * (l + r);
                    if (Math.signum(score(m)) == Math.signum(sa)) {
                        l = m;
                    } else {
                        r = m;
                    }
                }
                double x = 0.5 * (l + r);
                out.add(new CriticalPoint(x, sa > 0, logDensity(x)));
            }
            a = b;
            sa = sb;
        }
        return out;
    }

    private double component(int k, double x) {
        double z = (x - means[k]) / stds[k];
        return weights[k] * Math.exp(-0.5 * z * z - LOG_SQRT_2PI) / stds[k];
    }

    /** A zero of the score: a mode (local maximum of p) or an anti-mode (local minimum). */
    record CriticalPoint(double x, boolean mode, double logDensity) {
    }
}
