package org.reprolab.method.raescore;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.api.Result;
import org.reprolab.api.Series;

/**
 * The 1-D experiment without a network: the exact optimum of the reconstruction contractive criterion for the
 * three-Gaussian density at each σ, compared with the analytic score and its derivative (Theorem 2 of the paper).
 */
final class ExactStudy1d {

    /** The interval the reconstruction function is solved on. */
    static final double LO = -5;
    static final double HI = 6;
    /** Points with p below this are left out of the error measures (the tails carry no weight worth estimating). */
    static final double SUPPORT = 0.02;

    /**
     * What one σ gives.
     *
     * @param scoreError     density-weighted relative L2 error of (r − x)/σ² against d log p/dx where p > 0.02
     * @param curvatureError the same for (r′ − 1)/σ² against d²log p/dx²
     * @param crossings      where r(x) − x changes sign on [LO, HI]
     * @param solution       the solved r
     */
    record Level(double sigma, double scoreError, double curvatureError, double[] crossings,
                 ExactReconstruction1d.Solution solution) {
    }

    private ExactStudy1d() {
    }

    /** The grid spacing for σ: the given one, or min(σ/10, 0.02) when it is 0. */
    static double spacing(double sigma, double requested) {
        return requested > 0 ? requested : Math.min(sigma / 10, 0.02);
    }

    static Level solve(Mixture1d density, double sigma, double requestedSpacing) {
        ExactReconstruction1d.Solution s = ExactReconstruction1d.solve(density, sigma, LO, HI, spacing(sigma, requestedSpacing));
        double[] x = s.nodes();
        int n = x.length;
        double[] scoreEstimate = new double[n];
        double[] score = new double[n];
        double[] weight = new double[n];
        for (int j = 0; j < n; j++) {
            double p = density.density(x[j]);
            weight[j] = p > SUPPORT ? p : 0;
            scoreEstimate[j] = s.scoreEstimate(j);
            score[j] = density.score(x[j]);
        }
        double[] curvatureEstimate = new double[n - 1];
        double[] curvature = new double[n - 1];
        double[] cellWeight = new double[n - 1];
        for (int j = 0; j < n - 1; j++) {
            double m = 0.5 * (x[j] + x[j + 1]);
            double p = density.density(m);
            cellWeight[j] = p > SUPPORT ? p : 0;
            curvatureEstimate[j] = s.curvatureEstimate(j);
            curvature[j] = density.scoreDerivative(m);
        }
        List<Double> crossings = new ArrayList<>();
        for (int j = 0; j < n - 1; j++) {
            double a = s.values()[j] - x[j];
            double b = s.values()[j + 1] - x[j + 1];
            if (a > 0 && b <= 0 || a < 0 && b >= 0) {
                crossings.add(x[j] + (x[j + 1] - x[j]) * a / (a - b));
            }
        }
        return new Level(sigma, FieldAgreement.of(scoreEstimate, score, weight).relativeError(),
                FieldAgreement.of(curvatureEstimate, curvature, cellWeight).relativeError(),
                crossings.stream().mapToDouble(Double::doubleValue).toArray(), s);
    }

    /** The 1-D figures: score estimates over the true score, the reconstruction error, the error against σ. */
    static void plot(Mixture1d density, List<Level> levels, List<Mixture1d.CriticalPoint> critical, Result.Builder out) {
        int points = 441;
        double[] x = new double[points];
        double[] p = new double[points];
        double[] score = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = -4 + 9.5 * i / (points - 1);
            p[i] = density.density(x[i]);
            score[i] = density.score(x[i]);
        }
        out.series(Series.of("1d-score", "density p(x)", "x", "value", x, p));
        out.series(Series.of("1d-score", "true score d log p/dx", "x", "value", x, score));
        for (Level level : levels) {
            double[] estimate = new double[points];
            for (int i = 0; i < points; i++) {
                estimate[i] = level.solution().displacementAt(x[i]) / (level.sigma() * level.sigma());
            }
            out.series(Series.of("1d-score", "(r − x)/σ² at σ = " + level.sigma(), "x", "value", x, estimate));
        }
        Level smallest = levels.get(levels.size() - 1);
        double[] error = new double[points];
        for (int i = 0; i < points; i++) {
            double d = smallest.solution().displacementAt(x[i]);
            error[i] = d * d;
        }
        out.series(Series.of("1d-reconstruction-error", "(r(x) − x)² at σ = " + smallest.sigma(), "x", "(r − x)²", x, error));
        for (boolean modes : new boolean[] {true, false}) {
            double[] cx = critical.stream().filter(c -> c.mode() == modes).mapToDouble(Mixture1d.CriticalPoint::x).toArray();
            double[] cy = new double[cx.length];
            for (int i = 0; i < cx.length; i++) {
                double d = smallest.solution().displacementAt(cx[i]);
                cy[i] = d * d;
            }
            out.series(Series.of("1d-reconstruction-error", (modes ? "modes" : "anti-modes") + " (critical points of p)",
                    "x", "(r − x)²", cx, cy));
        }
        double[] sigmas = levels.stream().mapToDouble(Level::sigma).toArray();
        double[] errors = levels.stream().mapToDouble(Level::scoreError).toArray();
        double[] reference = new double[sigmas.length];
        for (int i = 0; i < sigmas.length; i++) {
            reference[i] = errors[0] * Math.pow(sigmas[i] / sigmas[0], 2);
        }
        out.series(Series.of("1d-error-vs-sigma", "relative L2 error of (r − x)/σ²", "σ", "relative error", sigmas, errors));
        out.series(Series.of("1d-error-vs-sigma", "slope 2 reference (o(σ²) term)", "σ", "relative error", sigmas, reference));
    }
}
