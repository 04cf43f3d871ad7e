package org.reprolab.method.icluq;

import java.util.function.IntPredicate;

/**
 * The per-position scores of a Gaussian predictive (spec "Experiment"), each averaged over the prompts of an
 * evaluation set: the full Gaussian NLL ½·log(2πv) + (y − μ)²/(2v), the MSE of μ, the calibration ratio
 * (y − μ)²/v (1 when v is the right size), and the coverage of the central 90 % interval μ ± z₀.₉₅·√v; also the
 * predictive standard deviation √v.
 */
record PositionMetrics(double[] nll, double[] mse, double[] calibration, double[] coverage, double[] predictiveStd) {

    /** z with Φ(z) = 0.95: the half-width of the central 90 % interval in standard deviations. */
    static final double Z_90 = 1.6448536269514722;

    /** Scores predictions of the labels {@code y} (row-major [batch, pairs]). */
    static PositionMetrics of(GaussianPredictions p, double[] y) {
        return of(p, y, b -> true);
    }

    /** Scores only the prompts {@code keep} accepts (e.g. those of one noise level). */
    static PositionMetrics of(GaussianPredictions p, double[] y, IntPredicate keep) {
        int pairs = p.pairs();
        double[] nll = new double[pairs];
        double[] mse = new double[pairs];
        double[] calibration = new double[pairs];
        double[] coverage = new double[pairs];
        double[] std = new double[pairs];
        int count = 0;
        for (int b = 0; b < p.batch(); b++) {
            if (!keep.test(b)) {
                continue;
            }
            count++;
            for (int t = 0; t < pairs; t++) {
                int i = b * pairs + t;
                double v = p.variance()[i];
                double r2 = (y[i] - p.mean()[i]) * (y[i] - p.mean()[i]);
                nll[t] += 0.5 * Math.log(2 * Math.PI * v) + r2 / (2 * v);
                mse[t] += r2;
                calibration[t] += r2 / v;
                coverage[t] += r2 <= Z_90 * Z_90 * v ? 1 : 0;
                std[t] += Math.sqrt(v);
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no prompts to score");
        }
        for (double[] a : new double[][] {nll, mse, calibration, coverage, std}) {
            for (int t = 0; t < pairs; t++) {
                a[t] /= count;
            }
        }
        return new PositionMetrics(nll, mse, calibration, coverage, std);
    }

    /** Mean of a per-position curve over positions from … to−1 (clipped to the curve). */
    static double average(double[] curve, int from, int to) {
        int end = Math.min(to, curve.length);
        if (from >= end) {
            throw new IllegalArgumentException("no positions in [" + from + ", " + to + ") of a curve of " + curve.length);
        }
        double s = 0;
        for (int t = from; t < end; t++) {
            s += curve[t];
        }
        return s / (end - from);
    }
}
