package org.reprolab.method.testerlearner;

/** The standard Gaussian's band masses P(|Z| ≤ s) = erf(s/√2), which the band tests compare against. */
final class GaussianBand {

    /** Beyond this half-width the series loses digits to cancellation; the tests only need s ≤ 0.4. */
    static final double MAX_WIDTH = 6;

    private GaussianBand() {
    }

    /** P(|Z| ≤ s) for Z ~ N(0, 1). */
    static double mass(double s) {
        if (!(s >= 0 && s <= MAX_WIDTH)) {
            throw new IllegalArgumentException("band half-width s = " + s + " must lie in [0, " + MAX_WIDTH + "]");
        }
        return erf(s / Math.sqrt(2));
    }

    /** erf(x) = (2/√π) Σ_k (−1)^k x^(2k+1) / (k!(2k + 1)), summed until the terms stop mattering. */
    static double erf(double x) {
        double term = x;
        double sum = x;
        double x2 = x * x;
        for (int k = 1; k < 500; k++) {
            term *= -x2 / k;
            double contribution = term / (2 * k + 1);
            sum += contribution;
            if (Math.abs(contribution) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }
}
