package org.reprolab.method.posteriorcollapse;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A compact limited-memory BFGS minimiser for small smooth problems: the two-loop recursion over the last
 * {@code memory} steps and a backtracking (Armijo) line search; a step whose curvature sᵀy is not positive is not
 * remembered, and a non-descent direction restarts from the gradient.
 */
final class Lbfgs {

    /** The function and its gradient: returns f(x) and writes ∇f(x) into {@code gradient}. */
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    /** Where it stopped, the value there, the iterations used and the gradient's largest entry. */
    record Outcome(double[] x, double value, int iterations, double gradientNorm) {
    }

    private final int memory;
    private final int maxIterations;
    private final double gradientTolerance;

    Lbfgs(int memory, int maxIterations, double gradientTolerance) {
        if (memory < 1 || maxIterations < 1 || !(gradientTolerance >= 0)) {
            throw new IllegalArgumentException("L-BFGS needs memory ≥ 1, maxIterations ≥ 1 and a tolerance ≥ 0");
        }
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
    }

    Outcome minimise(Objective f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        Deque<double[][]> history = new ArrayDeque<>();   // {s, y, {1/sᵀy}}
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int iter = 0;
        int stalled = 0;
        for (; iter < maxIterations && maxAbs(g) > gradientTolerance; iter++) {
            double[] d = direction(g, history);
            double slope = dot(g, d);
            if (!(slope < 0)) {
                history.clear();
                d = negate(g);
                slope = dot(g, d);
            }
            double step = history.isEmpty() ? Math.min(1, 1 / Math.sqrt(dot(g, g))) : 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int k = 0; k < 60; k++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.evaluate(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;   // no decrease along a descent direction: round-off level
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-300) {
                history.addLast(new double[][] {s, y, {1 / sy}});
                if (history.size() > memory) {
                    history.removeFirst();
                }
            }
            stalled = fx - fNew <= 1e-15 * (1 + Math.abs(fx)) ? stalled + 1 : 0;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (stalled >= 10) {
                break;
            }
        }
        return new Outcome(x, fx, iter, maxAbs(g));
    }

    /** −H·g by the two-loop recursion, H₀ = (sᵀy / yᵀy) I from the newest pair. */
    private static double[] direction(double[] g, Deque<double[][]> history) {
        double[] q = g.clone();
        double[] alpha = new double[history.size()];
        int k = history.size() - 1;
        for (var it = history.descendingIterator(); it.hasNext(); k--) {
            double[][] p = it.next();
            alpha[k] = p[2][0] * dot(p[0], q);
            axpy(-alpha[k], p[1], q);
        }
        if (!history.isEmpty()) {
            double[][] last = history.peekLast();
            double gamma = 1 / (last[2][0] * dot(last[1], last[1]));
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        k = 0;
        for (double[][] p : history) {
            double beta = p[2][0] * dot(p[1], q);
            axpy(alpha[k] - beta, p[0], q);
            k++;
        }
        return negate(q);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
