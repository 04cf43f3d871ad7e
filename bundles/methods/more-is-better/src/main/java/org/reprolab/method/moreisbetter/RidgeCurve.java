package org.reprolab.method.moreisbetter;

import java.util.List;
import org.reprolab.theory.common.SeedSummary;

/**
 * Train and test MSE along a ridge grid. A trial-averaged curve is built with {@link #average}, and the
 * optimum is always taken on such an averaged curve (the spec: "the optimum is taken on ridge-swept
 * curves averaged over trials").
 */
record RidgeCurve(double[] ridges, double[] train, double[] test, double[] testStd) {

    /** The ridge with the lowest test MSE, its errors and its fitting ratio R = E_tr/E_te. */
    record Optimum(int index, double ridge, double test, double testStd, double train) {
        double fittingRatio() {
            return train / test;
        }
    }

    static RidgeCurve of(double[] ridges, double[] train, double[] test) {
        return new RidgeCurve(ridges, train, test, new double[test.length]);
    }

    /** The trial mean of per-trial curves, with the spread of the test MSE over trials. */
    static RidgeCurve average(List<RidgeCurve> trials) {
        double[][] train = trials.stream().map(RidgeCurve::train).toArray(double[][]::new);
        double[][] test = trials.stream().map(RidgeCurve::test).toArray(double[][]::new);
        SeedSummary[] testSummary = SeedSummary.columns(test);
        double[] std = new double[testSummary.length];
        for (int j = 0; j < std.length; j++) {
            std[j] = testSummary[j].std();
        }
        return new RidgeCurve(trials.get(0).ridges, SeedSummary.columnMeans(train), SeedSummary.columnMeans(test), std);
    }

    Optimum optimum() {
        int best = 0;
        for (int j = 1; j < test.length; j++) {
            if (test[j] < test[best]) {
                best = j;
            }
        }
        return new Optimum(best, ridges[best], test[best], testStd[best], train[best]);
    }

    /** Mean squared error of predictions {@code [sample][output]}, summed over outputs. */
    static double mse(double[][] predictions, double[][] targets) {
        double sum = 0;
        for (int i = 0; i < targets.length; i++) {
            for (int o = 0; o < targets[i].length; o++) {
                double d = predictions[i][o] - targets[i][o];
                sum += d * d;
            }
        }
        return sum / targets.length;
    }
}
