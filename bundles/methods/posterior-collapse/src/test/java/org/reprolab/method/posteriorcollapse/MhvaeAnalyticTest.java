package org.reprolab.method.posteriorcollapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MhvaeAnalyticTest {

    private static final double[] THETA = {2.0, 1.2, 0.7, 0.3};

    private static MhvaeAnalytic.Settings settings(double sigma2, double beta2, double etaDec) {
        return new MhvaeAnalytic.Settings(THETA, 4, 4, 0.5, sigma2, 1, beta2, etaDec, 1);
    }

    @Test
    void handWrittenGradientMatchesFiniteDifferences() {
        for (double sigma2 : new double[] {Double.NaN, 0.5}) {
            MhvaeAnalytic m = new MhvaeAnalytic(settings(sigma2, 2, 0.5));
            double[] x = m.randomStart(new SplittableRandom(3));
            for (int i = 32; i < x.length; i++) {
                x[i] += 0.1 * (i % 3);
            }
            double[] g = new double[x.length];
            m.loss(x, g);
            double h = 1e-6;
            for (int i = 0; i < x.length; i++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (m.loss(up, null) - m.loss(down, null)) / (2 * h);
                assertEquals(numeric, g[i], 1e-5 * (1 + Math.abs(numeric)), "parameter " + i + ", σ₂ " + sigma2);
            }
        }
    }

    @Test
    void lbfgsReachesAStationaryPointAndLearnableSigma2CollapsesMore() {
        StringBuilder log = new StringBuilder();
        for (double etaDec : new double[] {0.5, 1}) {
            for (double beta2 : new double[] {0.5, 1, 2}) {
                MhvaeAnalytic.Optimum learn = new MhvaeAnalytic(settings(Double.NaN, beta2, etaDec)).minimise(4, new SplittableRandom(1));
                MhvaeAnalytic.Optimum fixed = new MhvaeAnalytic(settings(0.5, beta2, etaDec)).minimise(4, new SplittableRandom(1));
                log.append(String.format("β₂ %.1f η %.1f: learnable %d (%s), fixed %d (%s)%n", beta2, etaDec,
                        learn.activeLevel2(0.05), java.util.Arrays.toString(learn.u2Singular()), fixed.activeLevel2(0.05),
                        java.util.Arrays.toString(fixed.u2Singular())));
                assertTrue(learn.activeLevel2(0.05) <= fixed.activeLevel2(0.05), log.toString());
            }
        }

    }
}
