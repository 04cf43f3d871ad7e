package org.reprolab.method.inductivebias;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * The Nelder–Mead simplex minimiser (reflection 1, expansion 2, contraction ½, shrink ½), the derivative-free
 * search SciPy's distribution fits use. Stops when the simplex's function values agree to a relative tolerance.
 */
final class NelderMead {

    private static final int MAX_EVALUATIONS = 4000;

    private NelderMead() {
    }

    /** A minimum found: the point and the function value there. */
    record Minimum(double[] point, double value) {
    }

    /**
     * Minimises f from {@code start}, with an initial simplex of the start plus {@code step} along each axis.
     * Non-finite function values count as +∞ (the simplex moves away from them).
     */
    static Minimum minimize(ToDoubleFunction<double[]> f, double[] start, double step, double relativeTolerance) {
        int d = start.length;
        double[][] simplex = new double[d + 1][];
        double[] values = new double[d + 1];
        for (int i = 0; i <= d; i++) {
            simplex[i] = start.clone();
            if (i > 0) {
                simplex[i][i - 1] += step;
            }
            values[i] = evaluate(f, simplex[i]);
        }
        int evaluations = d + 1;
        Integer[] order = new Integer[d + 1];
        while (evaluations < MAX_EVALUATIONS) {
            for (int i = 0; i <= d; i++) {
                order[i] = i;
            }
            double[] v = values;
            Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
            double[][] sortedSimplex = new double[d + 1][];
            double[] sortedValues = new double[d + 1];
            for (int i = 0; i <= d; i++) {
                sortedSimplex[i] = simplex[order[i]];
                sortedValues[i] = values[order[i]];
            }
            simplex = sortedSimplex;
            values = sortedValues;
            double best = values[0];
            double worst = values[d];
            if (Math.abs(worst - best) <= relativeTolerance * (Math.abs(best) + Math.abs(worst)) + 1e-300) {
                break;
            }
            double[] centroid = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    centroid[j] += simplex[i][j] / d;
                }
            }
            double[] reflected = along(centroid, simplex[d], -1);
            double fr = evaluate(f, reflected);
            evaluations++;
            if (fr < values[0]) {
                double[] expanded = along(centroid, simplex[d], -2);
                double fe = evaluate(f, expanded);
                evaluations++;
                replaceWorst(simplex, values, fe < fr ? expanded : reflected, Math.min(fe, fr));
            } else if (fr < values[d - 1]) {
                replaceWorst(simplex, values, reflected, fr);
            } else {
                boolean outside = fr < values[d];
                double[] contracted = along(centroid, outside ? reflected : simplex[d], 0.5);
                double fc = evaluate(f, contracted);
                evaluations++;
                if (fc < Math.min(fr, values[d])) {
                    replaceWorst(simplex, values, contracted, fc);
                } else {
                    for (int i = 1; i <= d; i++) {
                        simplex[i] = along(simplex[0], simplex[i], 0.5);
                        values[i] = evaluate(f, simplex[i]);
                    }
                    evaluations += d;
                }
            }
        }
        int argmin = 0;
        for (int i = 1; i <= d; i++) {
            if (values[i] < values[argmin]) {
                argmin = i;
            }
        }
        return new Minimum(simplex[argmin], values[argmin]);
    }

    /** centroid + t·(point − centroid). */
    private static double[] along(double[] centroid, double[] point, double t) {
        double[] out = new double[centroid.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = centroid[j] + t * (point[j] - centroid[j]);
        }
        return out;
    }

    private static void replaceWorst(double[][] simplex, double[] values, double[] point, double value) {
        simplex[simplex.length - 1] = point;
        values[values.length - 1] = value;
    }

    private static double evaluate(ToDoubleFunction<double[]> f, double[] p) {
        double v = f.applyAsDouble(p);
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
}
