package org.reprolab.method.raescore;

import java.util.function.UnaryOperator;

/**
 * The paper's approximate log-density difference (Section 4): log p(x′) − log p(x) = ∫ ŝ(u)·du along the segment
 * from x to x′, with ŝ(u) = (r(u) − u)/σ² the auto-encoder's score estimate, by the trapezoidal rule on
 * {@code points} equally spaced points (end points included). Exact for a linear score.
 */
final class ScoreLineIntegral implements LogDensityRatio {

    private final UnaryOperator<double[]> score;
    private final int dim;
    private final int points;

    /**
     * @param score  a batch map from n × d points to n × d score vectors
     * @param dim    d
     * @param points the trapezoidal nodes per segment (≥ 2)
     */
    ScoreLineIntegral(UnaryOperator<double[]> score, int dim, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("the line integral needs ≥ 2 points, got " + points);
        }
        this.score = score;
        this.dim = dim;
        this.points = points;
    }

    /** The score estimate (r(u) − u)/σ² of a reconstruction function trained at noise level σ. */
    static UnaryOperator<double[]> scoreOf(ReconstructionFunction r, double sigma) {
        return u -> {
            double[] s = r.displacement(u);
            for (int i = 0; i < s.length; i++) {
                s[i] /= sigma * sigma;
            }
            return s;
        };
    }

    @Override
    public double[] between(double[] from, double[] to) {
        int n = from.length / dim;
        double[] nodes = new double[n * points * dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < points; k++) {
                double t = (double) k / (points - 1);
                for (int c = 0; c < dim; c++) {
                    nodes[(i * points + k) * dim + c] = from[i * dim + c] + t * (to[i * dim + c] - from[i * dim + c]);
                }
            }
        }
        double[] s = score.apply(nodes);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < points; k++) {
                double w = k == 0 || k == points - 1 ? 0.5 : 1;
                for (int c = 0; c < dim; c++) {
                    sum += w * s[(i * points + k) * dim + c] * (to[i * dim + c] - from[i * dim + c]);
                }
            }
            out[i] = sum / (points - 1);
        }
        return out;
    }
}
