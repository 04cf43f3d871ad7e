package org.reprolab.theory.common;

import java.util.function.DoubleUnaryOperator;

/**
 * Gauss–Hermite quadrature: n nodes x_i and weights w_i with ∫ e^{−x²} f(x) dx ≈ Σ w_i f(x_i), exact for
 * polynomials of degree ≤ 2n − 1. Its main use here is the Gaussian expectation
 * E_{z~N(0,K)}[f(z)] = π^{−1/2} Σ w_i f(√(2K)·x_i) of the deep-network kernel recursions.
 *
 * <p>The nodes are the roots of the Hermite polynomial H_n, found by Newton's method on the orthonormal
 * three-term recurrence (started from the usual asymptotic guesses for the largest roots and extrapolation
 * from the previous roots for the others); each weight comes from the derivative at its root, so even the
 * tiny weights of the outer nodes carry full relative precision.
 */
public final class GaussHermite {

    private static final double PI_TO_MINUS_QUARTER = Math.pow(Math.PI, -0.25);
    private static final int MAX_NEWTON_STEPS = 100;

    private final double[] nodes;
    private final double[] weights;

    private GaussHermite(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * The rule with the given number of points.
     *
     * @throws IllegalArgumentException when {@code points} is not in [1, 512]
     */
    public static GaussHermite of(int points) {
        if (points < 1 || points > 512) {
            throw new IllegalArgumentException("Gauss–Hermite points must be in [1, 512], got " + points);
        }
        double[] x = new double[points];
        double[] w = new double[points];
        int half = (points + 1) / 2;
        double z = 0;
        for (int i = 0; i < half; i++) {
            z = initialGuess(i, points, z, x);
            double derivative = 0;
            for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
                double[] p = orthonormalHermite(points, z);
                derivative = Math.sqrt(2.0 * points) * p[1];
                double previous = z;
                z -= p[0] / derivative;
                if (Math.abs(z - previous) <= 1e-15 * Math.max(1, Math.abs(z))) {
                    break;
                }
            }
            derivative = Math.sqrt(2.0 * points) * orthonormalHermite(points, z)[1];
            // Roots come largest first; store them ascending, mirrored about 0.
            x[points - 1 - i] = z;
            x[i] = -z;
            w[i] = 2 / (derivative * derivative);
            w[points - 1 - i] = w[i];
        }
        if (points % 2 == 1) {
            x[points / 2] = 0;
        }
        return new GaussHermite(x, w);
    }

    /** Newton's starting point for the i-th largest root, given the roots found so far (stored in {@code roots}). */
    private static double initialGuess(int i, int n, double previous, double[] roots) {
        return switch (i) {
            case 0 -> Math.sqrt(2.0 * n + 1) - 1.85575 * Math.pow(2.0 * n + 1, -1.0 / 6);
            case 1 -> previous - 1.14 * Math.pow(n, 0.426) / previous;
            case 2 -> 1.86 * previous + 0.86 * roots[0];
            case 3 -> 1.91 * previous + 0.91 * roots[1];
            // roots[k] holds −(k-th largest root): extrapolate linearly from the two previous roots.
            default -> 2 * previous + roots[i - 2];
        };
    }

    /** {p_n(z), p_{n−1}(z)} of the Hermite polynomials orthonormal under e^{−x²}. */
    private static double[] orthonormalHermite(int n, double z) {
        double current = PI_TO_MINUS_QUARTER;
        double before = 0;
        for (int j = 1; j <= n; j++) {
            double next = z * Math.sqrt(2.0 / j) * current - Math.sqrt((j - 1.0) / j) * before;
            before = current;
            current = next;
        }
        return new double[] {current, before};
    }

    /** The number of points n. */
    public int points() {
        return nodes.length;
    }

    /** The nodes, ascending (roots of the physicists' Hermite polynomial H_n). */
    public double[] nodes() {
        return nodes.clone();
    }

    /** The weights for the weight function e^{−x²}; they sum to √π. */
    public double[] weights() {
        return weights.clone();
    }

    /** ∫ e^{−x²} f(x) dx. */
    public double integrate(DoubleUnaryOperator f) {
        double sum = 0;
        for (int i = 0; i < nodes.length; i++) {
            sum += weights[i] * f.applyAsDouble(nodes[i]);
        }
        return sum;
    }

    /**
     * E[f(z)] for z ~ N(0, variance); a variance of 0 gives f(0).
     *
     * @throws IllegalArgumentException when the variance is negative or not finite
     */
    public double expectation(DoubleUnaryOperator f, double variance) {
        if (!(variance >= 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("variance of the Gaussian must be finite and ≥ 0, got " + variance);
        }
        if (variance == 0) {
            return f.applyAsDouble(0);
        }
        double scale = Math.sqrt(2 * variance);
        return integrate(x -> f.applyAsDouble(scale * x)) / Math.sqrt(Math.PI);
    }
}
