package org.reprolab.method.apremss;

import java.util.Locale;

/**
 * One outlier score: which model it reads (AE or PAE), what it compares the reconstruction with (the point, or its
 * mean shift after t rounds with k neighbours), and, for the PAE, the weights α of the bias and β of the uncertainty
 * term of APRE.
 *
 * @param alpha bias weight (PAE scores only, else 0)
 * @param beta  uncertainty weight (PAE scores only, else 0)
 * @param t     mean-shift rounds; 0 for a plain score
 * @param k     mean-shift neighbours; 0 for a plain score
 */
record Scorer(boolean probabilistic, double alpha, double beta, int t, int k) {

    /** The AE scored by ‖x − AE(x)‖². */
    static Scorer mse() {
        return new Scorer(false, 0, 0, 0, 0);
    }

    /** The AE scored by ‖x^MS − AE(x)‖². */
    static Scorer mssMse(int t, int k) {
        return new Scorer(false, 0, 0, t, k);
    }

    /** The PAE scored by APRE_{α,β}(x). */
    static Scorer apre(double alpha, double beta) {
        return new Scorer(true, alpha, beta, 0, 0);
    }

    /** The PAE scored by APRE_{α,β} with x^MS in place of x. */
    static Scorer mssApre(double alpha, double beta, int t, int k) {
        return new Scorer(true, alpha, beta, t, k);
    }

    boolean meanShifted() {
        return t > 0;
    }

    /** The same score without the neighbour count (for selecting k). */
    Scorer anyK() {
        return new Scorer(probabilistic, alpha, beta, t, 0);
    }

    @Override
    public String toString() {
        String base = probabilistic
                ? String.format(Locale.ROOT, "%s α=%s β=%s", meanShifted() ? "MSS-APRE" : "APRE", num(alpha), num(beta))
                : meanShifted() ? "MSS-MSE" : "MSE";
        return meanShifted() ? base + " t=" + t + (k > 0 ? " k=" + k : "") : base;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Double.toString(v);
    }
}
