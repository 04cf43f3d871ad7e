package org.reprolab.method.inductivebias;

/**
 * Special functions evaluated in log space, so that probabilities of 2^-1000 and below stay representable:
 * log Γ, the log of the regularised lower incomplete gamma function P(a, z), and log Φ of the standard normal.
 * All logs are natural; {@link #BITS_PER_NAT} converts.
 */
final class LogSpace {

    static final double BITS_PER_NAT = 1 / Math.log(2);
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double EPS = 1e-16;
    private static final int MAX_TERMS = 100_000;

    private LogSpace() {
    }

    /** log Γ(x) for x > 0: Stirling's series at x ≥ 15, shifted there by Γ(x + 1) = xΓ(x) below. */
    static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
        }
        double shift = 0;
        while (x < 15) {
            shift += Math.log(x);
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188))));
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shift;
    }

    /**
     * log P(a, z), P the regularised lower incomplete gamma function: the power series of γ below z = a + 1,
     * the continued fraction of the upper function Q above it (P = 1 − Q, taken through log1p).
     */
    static double logLowerGammaRegularized(double a, double z) {
        if (!(a > 0) || z < 0) {
            throw new IllegalArgumentException("incomplete gamma needs a > 0 and z ≥ 0, got a = " + a + ", z = " + z);
        }
        if (z == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double logPrefactor = a * Math.log(z) - z - logGamma(a);
        if (z < a + 1) {
            // γ(a, z)/Γ(a) = z^a e^-z / Γ(a + 1) · Σ_n z^n / ((a + 1)…(a + n))
            double term = 1;
            double sum = 1;
            for (int n = 1; n < MAX_TERMS; n++) {
                term *= z / (a + n);
                sum += term;
                if (term < sum * EPS) {
                    return logPrefactor - Math.log(a) + Math.log(sum);
                }
            }
            return Double.NaN;
        }
        double logQ = logPrefactor + Math.log(upperGammaContinuedFraction(a, z));
        return Math.log1p(-Math.exp(logQ));
    }

    /** The continued fraction 1/(z + 1 − a − 1(1 − a)/(z + 3 − a − …)) of Q(a, z)·Γ(a)·e^z/z^a (modified Lentz). */
    private static double upperGammaContinuedFraction(double a, double z) {
        double tiny = 1e-300;
        double b = z + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_TERMS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                return h;
            }
        }
        return Double.NaN;
    }

    /** log Φ(z) of the standard normal, accurate far into both tails. */
    static double logNormalCdf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (z < -3) {
            return logUpperNormalTail(-z);
        }
        if (z > 3) {
            return Math.log1p(-Math.exp(logUpperNormalTail(z)));
        }
        // Φ(z) = ½ + φ(z)·Σ z^(2n+1)/(1·3·…·(2n+1)); for |z| ≤ 3 the series has no harmful cancellation.
        double term = z;
        double sum = z;
        for (int n = 1; n < 200 && Math.abs(term) > EPS * Math.abs(sum); n++) {
            term *= z * z / (2 * n + 1);
            sum += term;
        }
        return Math.log(0.5 + Math.exp(-0.5 * z * z - HALF_LOG_TWO_PI) * sum);
    }

    /** log(1 − Φ(x)) for x ≥ 3, through the continued fraction of Mills' ratio R(x) = 1/(x + 1/(x + 2/(x + …))). */
    private static double logUpperNormalTail(double x) {
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int i = 1; i < MAX_TERMS; i++) {
            d = x + i * d;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = x + i / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return -0.5 * x * x - HALF_LOG_TWO_PI - Math.log(f);
    }

    /** log(e^a + e^b) without overflow. */
    static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log1p(Math.exp(-Math.abs(a - b)));
    }
}
