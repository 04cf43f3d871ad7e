package org.reprolab.method.moreisbetter;

/**
 * Power-law exponents of a real task (Sec. 6, Fig. 4): α = −(log-log slope of the Gram eigenvalues of K/n),
 * β = 1 − (log-log slope of the target's tail power Σ_{j≥i} v̂_j², v̂ = Uᵀy/√n), both fitted over ranks
 * {@code from}…{@code to} only, away from the head and from the noisy tail of the spectrum.
 */
record PowerLawFit(double alpha, double beta, double[] eigenvalues, double[] tailPower, int from, int to) {

    /**
     * @param gramEigenvalues eigenvalues of the unnormalised Gram matrix K, decreasing
     * @param projectedLabels Uᵀy in the same order
     */
    static PowerLawFit fit(double[] gramEigenvalues, double[] projectedLabels, int from, int to) {
        int n = gramEigenvalues.length;
        double[] lambda = new double[n];
        double[] tail = new double[n];
        double running = 0;
        for (int i = n - 1; i >= 0; i--) {
            lambda[i] = gramEigenvalues[i] / n;
            running += projectedLabels[i] * projectedLabels[i] / n;
            tail[i] = running;
        }
        double alpha = -slope(lambda, from, to);
        double beta = 1 - slope(tail, from, to);
        return new PowerLawFit(alpha, beta, lambda, tail, from, to);
    }

    /** Least-squares slope of log(values[rank−1]) against log(rank) over ranks from…to (1-based). */
    static double slope(double[] values, int from, int to) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int count = 0;
        for (int rank = from; rank <= to; rank++) {
            double v = values[rank - 1];
            if (v <= 0) {
                continue;
            }
            double x = Math.log(rank);
            double y = Math.log(v);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            count++;
        }
        return (count * sxy - sx * sy) / (count * sxx - sx * sx);
    }

    /** The fitted line c·rank^slope through the fit range, for plotting beside the data. */
    static double[] line(double[] values, int from, int to, double[] ranks) {
        double s = slope(values, from, to);
        double meanX = 0;
        double meanY = 0;
        int count = 0;
        for (int rank = from; rank <= to; rank++) {
            if (values[rank - 1] > 0) {
                meanX += Math.log(rank);
                meanY += Math.log(values[rank - 1]);
                count++;
            }
        }
        meanX /= count;
        meanY /= count;
        double[] out = new double[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            out[i] = Math.exp(meanY + s * (Math.log(ranks[i]) - meanX));
        }
        return out;
    }
}
