package org.reprolab.method.moreisbetter;

import java.util.function.DoubleUnaryOperator;

/**
 * The ridge that minimises a closed-form test risk over [0, highest]: a dense log grid from
 * {@link OmniscientRisk#MIN_RIDGE} (the δ → 0 end) up, then golden-section refinement in log δ around the
 * best grid point. The theory is a formula, so its optimum need not sit on the experiment's coarse grid.
 */
final class OptimalRidge {

    private static final int GRID = 241;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private OptimalRidge() {
    }

    static double minimise(DoubleUnaryOperator testRisk, double highest) {
        double lo = Math.log(OmniscientRisk.MIN_RIDGE);
        double hi = Math.log(highest);
        double step = (hi - lo) / (GRID - 1);
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int k = 0; k < GRID; k++) {
            double v = testRisk.applyAsDouble(Math.exp(lo + k * step));
            if (v < bestValue) {
                bestValue = v;
                best = k;
            }
        }
        double a = lo + Math.max(0, best - 1) * step;
        double b = lo + Math.min(GRID - 1, best + 1) * step;
        double c = b - GOLDEN * (b - a);
        double d = a + GOLDEN * (b - a);
        double fc = testRisk.applyAsDouble(Math.exp(c));
        double fd = testRisk.applyAsDouble(Math.exp(d));
        for (int i = 0; i < 60; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - GOLDEN * (b - a);
                fc = testRisk.applyAsDouble(Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + GOLDEN * (b - a);
                fd = testRisk.applyAsDouble(Math.exp(d));
            }
        }
        double refined = Math.exp(0.5 * (a + b));
        return testRisk.applyAsDouble(refined) < bestValue ? refined : Math.exp(lo + best * step);
    }
}
