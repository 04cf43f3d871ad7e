package org.reprolab.autoencoders.common;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Unregularised multinomial (softmax) logistic regression with an intercept, fitted by L-BFGS on the weighted mean
 * log-loss, optionally with class-balanced weights n / (C · n_c) (scikit-learn's {@code class_weight="balanced"}). On
 * separable data the unregularised optimum lies at infinity; the fit then stops at {@code maxIterations} with a
 * log-loss close to 0, as scikit-learn's {@code penalty=None} does.
 */
public final class MultinomialLogisticRegression {

    private static final int HISTORY = 10;
    private static final double GRADIENT_TOLERANCE = 1e-6;

    private final int classes;
    private final int features;
    private final double[] weights; // classes × (features + 1), intercept last

    private MultinomialLogisticRegression(int classes, int features, double[] weights) {
        this.classes = classes;
        this.features = features;
        this.weights = weights;
    }

    /** The fitted model and its weighted mean log-loss on the training data (nats). */
    public record Fit(MultinomialLogisticRegression model, double logLoss, int iterations) {
    }

    /**
     * Fits labels y ∈ [0, classes) from rows x.
     *
     * @param balanced      weight each sample by n / (classes · n_{y})
     * @param maxIterations the most L-BFGS iterations
     */
    public static Fit fit(double[][] x, int[] y, int classes, boolean balanced, int maxIterations) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("need as many labels as rows (and at least one), got " + x.length + " rows and " + y.length + " labels");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be ≥ 2, got " + classes);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be ≥ 1, got " + maxIterations);
        }
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, row 0 has " + d);
            }
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("label " + y[i] + " of row " + i + " is outside [0, " + classes + ")");
            }
        }
        double[] sampleWeight = sampleWeights(y, classes, balanced);
        Objective f = new Objective(x, y, classes, sampleWeight);
        double[] w = new double[classes * (d + 1)];
        int iterations = minimise(f, w, maxIterations);
        MultinomialLogisticRegression model = new MultinomialLogisticRegression(classes, d, w);
        return new Fit(model, f.value(w, null), iterations);
    }

    /** The weighted log-loss of the intercept-only model: the entropy of the weighted class frequencies. */
    public static double nullLogLoss(int[] y, int classes, boolean balanced) {
        double[] w = sampleWeights(y, classes, balanced);
        double[] mass = new double[classes];
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            mass[y[i]] += w[i];
            total += w[i];
        }
        double h = 0;
        for (double m : mass) {
            if (m > 0) {
                h -= m / total * Math.log(m / total);
            }
        }
        return h;
    }

    /** Class probabilities for one row. */
    public double[] probabilities(double[] row) {
        if (row.length != features) {
            throw new IllegalArgumentException("expected " + features + " features, got " + row.length);
        }
        double[] p = new double[classes];
        Objective.softmax(weights, row, features, p);
        return p;
    }

    private static double[] sampleWeights(int[] y, int classes, boolean balanced) {
        double[] w = new double[y.length];
        int[] count = new int[classes];
        for (int label : y) {
            count[label]++;
        }
        for (int i = 0; i < y.length; i++) {
            w[i] = balanced ? (double) y.length / (classes * count[y[i]]) : 1;
        }
        return w;
    }

    /** L-BFGS (two-loop recursion) with a backtracking Armijo line search; returns the iterations used. */
    private static int minimise(Objective f, double[] w, int maxIterations) {
        int n = w.length;
        double[] g = new double[n];
        double fx = f.value(w, g);
        Deque<double[][]> history = new ArrayDeque<>();
        for (int it = 1; it <= maxIterations; it++) {
            if (norm(g) < GRADIENT_TOLERANCE) {
                return it - 1;
            }
            double[] dir = twoLoop(g, history);
            double slope = dot(g, dir);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                history.clear();
                dir = negate(g);
                slope = dot(g, dir);
            }
            double step = history.isEmpty() ? Math.min(1, 1 / norm(g)) : 1;
            double[] next = new double[n];
            double[] gNext = new double[n];
            double fNext;
            int tries = 0;
            while (true) {
                for (int j = 0; j < n; j++) {
                    next[j] = w[j] + step * dir[j];
                }
                fNext = f.value(next, gNext);
                if (fNext <= fx + 1e-4 * step * slope || ++tries > 40) {
                    break;
                }
                step *= 0.5;
            }
            if (!(fNext < fx)) {
                return it;
            }
            double[] s = new double[n];
            double[] yv = new double[n];
            for (int j = 0; j < n; j++) {
                s[j] = next[j] - w[j];
                yv[j] = gNext[j] - g[j];
            }
            if (dot(s, yv) > 1e-12) {
                history.addLast(new double[][] {s, yv});
                if (history.size() > HISTORY) {
                    history.removeFirst();
                }
            }
            System.arraycopy(next, 0, w, 0, n);
            System.arraycopy(gNext, 0, g, 0, n);
            double improvement = fx - fNext;
            fx = fNext;
            if (improvement < 1e-12 * Math.max(1, Math.abs(fx))) {
                return it;
            }
        }
        return maxIterations;
    }

    private static double[] twoLoop(double[] g, Deque<double[][]> history) {
        double[] q = g.clone();
        int m = history.size();
        double[] alpha = new double[m];
        double[][][] pairs = history.toArray(new double[0][][]);
        for (int i = m - 1; i >= 0; i--) {
            double rho = 1 / dot(pairs[i][1], pairs[i][0]);
            alpha[i] = rho * dot(pairs[i][0], q);
            axpy(-alpha[i], pairs[i][1], q);
        }
        if (m > 0) {
            double[] s = pairs[m - 1][0];
            double[] y = pairs[m - 1][1];
            double gamma = dot(s, y) / dot(y, y);
            for (int j = 0; j < q.length; j++) {
                q[j] *= gamma;
            }
        }
        for (int i = 0; i < m; i++) {
            double rho = 1 / dot(pairs[i][1], pairs[i][0]);
            double beta = rho * dot(pairs[i][1], q);
            axpy(alpha[i] - beta, pairs[i][0], q);
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

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] negate(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
        return out;
    }

    /** The weighted mean log-loss and its gradient with respect to the weights. */
    private record Objective(double[][] x, int[] y, int classes, double[] sampleWeight) {

        double value(double[] w, double[] gradient) {
            int d = x[0].length;
            if (gradient != null) {
                java.util.Arrays.fill(gradient, 0);
            }
            double[] p = new double[classes];
            double loss = 0;
            double total = 0;
            for (int i = 0; i < x.length; i++) {
                double logNorm = softmax(w, x[i], d, p);
                double[] row = x[i];
                int yi = y[i];
                double si = sampleWeight[i];
                loss -= si * Math.log(Math.max(p[yi], Double.MIN_NORMAL));
                if (!Double.isFinite(logNorm)) {
                    throw new IllegalStateException("logistic regression overflowed");
                }
                total += si;
                if (gradient != null) {
                    for (int c = 0; c < classes; c++) {
                        double r = si * (p[c] - (c == yi ? 1 : 0));
                        if (r == 0) {
                            continue;
                        }
                        int base = c * (d + 1);
                        for (int j = 0; j < d; j++) {
                            gradient[base + j] += r * row[j];
                        }
                        gradient[base + d] += r;
                    }
                }
            }
            if (gradient != null) {
                for (int j = 0; j < gradient.length; j++) {
                    gradient[j] /= total;
                }
            }
            return loss / total;
        }

        /** Fills p with the class probabilities of one row; returns the log normaliser. */
        static double softmax(double[] w, double[] row, int d, double[] p) {
            int classes = p.length;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                int base = c * (d + 1);
                double z = w[base + d];
                for (int j = 0; j < d; j++) {
                    z += w[base + j] * row[j];
                }
                p[c] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                p[c] = Math.exp(p[c] - max);
                sum += p[c];
            }
            for (int c = 0; c < classes; c++) {
                p[c] /= sum;
            }
            return max + Math.log(sum);
        }
    }
}
