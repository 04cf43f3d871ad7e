package org.reprolab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumericGeneratorsTest {

    @Test
    void mixtureSamplesMatchTheirComponents() {
        GaussianMixture ring = GaussianMixture.ring(8, 2, 0.3);
        GaussianMixture.Points p = ring.sample(40_000, new SplittableRandom(1));
        assertArrayEquals(p.x(), ring.sample(40_000, new SplittableRandom(1)).x());
        double[][] sum = new double[8][2];
        double[] sq = new double[8];
        int[] count = new int[8];
        for (int i = 0; i < p.count(); i++) {
            int k = p.labels()[i];
            count[k]++;
            for (int j = 0; j < 2; j++) {
                double d = p.x()[i * 2 + j] - ring.mean(k)[j];
                sum[k][j] += p.x()[i * 2 + j];
                sq[k] += d * d;
            }
        }
        for (int k = 0; k < 8; k++) {
            assertEquals(5000, count[k], 5 * Math.sqrt(5000 * 7.0 / 8));
            assertEquals(ring.mean(k)[0], sum[k][0] / count[k], 0.02);
            assertEquals(ring.mean(k)[1], sum[k][1] / count[k], 0.02);
            assertEquals(0.09, sq[k] / (2 * count[k]), 0.005);
        }
    }

    @Test
    void scoreIsTheGradientOfTheLogDensity() {
        GaussianMixture m = GaussianMixture.randomBlobs(5, 3, 2, 0.7, new SplittableRandom(4)).smoothed(0.4);
        SplittableRandom rng = new SplittableRandom(9);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = {rng.nextGaussian() * 2, rng.nextGaussian() * 2, rng.nextGaussian() * 2};
            double[] g = m.score(x);
            for (int j = 0; j < 3; j++) {
                double[] a = x.clone();
                double[] b = x.clone();
                a[j] += 1e-5;
                b[j] -= 1e-5;
                assertEquals((m.logDensity(a) - m.logDensity(b)) / 2e-5, g[j], 1e-5 * Math.max(1, Math.abs(g[j])));
            }
        }
        GaussianMixture one = new GaussianMixture(new double[][] {{1, 2}}, new double[] {0.5}, new double[] {3});
        assertEquals(-Math.log(2 * Math.PI * 0.25), one.logDensity(new double[] {1, 2}), 1e-12);
        assertEquals(Math.sqrt(0.25 + 0.09), one.smoothed(0.3).std(0), 1e-12);
    }

    @Test
    void powerLawTaskHasItsSpectrumAndTargetPower() {
        PowerLawRegression task = new PowerLawRegression(40, 1.5, 2.0);
        assertEquals(Math.pow(3, -1.5), task.eigenvalues()[2], 1e-15);
        double norm = 0;
        for (double v : task.coefficients()) {
            norm += v * v;
        }
        assertEquals(1, norm, 1e-12);
        assertEquals(Math.pow(4, -2.0), Math.pow(task.coefficients()[3] / task.coefficients()[0], 2), 1e-12);
        int n = 20_000;
        PowerLawRegression.Regression r = task.sample(n, 0.5, new SplittableRandom(2));
        assertArrayEquals(r.y(), task.sample(n, 0.5, new SplittableRandom(2)).y());
        double vy = 0;
        double x0y = 0;
        double noise = 0;
        for (int s = 0; s < n; s++) {
            vy += r.y()[s] * r.y()[s];
            x0y += r.x()[s * 40] * r.clean()[s];
            noise += Math.pow(r.y()[s] - r.clean()[s], 2);
        }
        assertEquals(1.25, vy / n, 0.05);
        assertEquals(task.coefficients()[0], x0y / n, 0.03);
        assertEquals(0.25, noise / n, 0.01);
    }

    @Test
    void promptsDrawNoiseFromTheSetAndScaleFromTheRange() {
        LinearRegressionPrompts gen = LinearRegressionPrompts.iclUqSetting().withInputScale(0.5, 2).withPairs(64);
        LinearRegressionPrompts.Prompts p = gen.sample(400, new SplittableRandom(3));
        assertArrayEquals(p.y(), gen.sample(400, new SplittableRandom(3)).y());
        assertEquals(400 * 64 * 4, p.x().length);
        double[] levels = {0.1, 0.2, 0.4, 0.7, 1.0};
        double[] residual = new double[5];
        int[] prompts = new int[5];
        for (int b = 0; b < p.batch(); b++) {
            int level = java.util.Arrays.binarySearch(levels, p.sigma()[b]);
            assertTrue(level >= 0, "σ = " + p.sigma()[b] + " is one of the levels");
            assertTrue(p.scale()[b] >= 0.5 && p.scale()[b] < 2);
            prompts[level]++;
            double xs = 0;
            for (int t = 0; t < p.pairs(); t++) {
                double dot = 0;
                for (int j = 0; j < 4; j++) {
                    double x = p.x()[(b * 64 + t) * 4 + j];
                    dot += p.weights()[b * 4 + j] * x;
                    xs += x * x;
                }
                residual[level] += Math.pow(p.y()[b * 64 + t] - dot, 2);
            }
            assertEquals(p.scale()[b] * p.scale()[b], xs / (64 * 4), 0.4 * p.scale()[b] * p.scale()[b]);
        }
        for (int l = 0; l < 5; l++) {
            assertTrue(prompts[l] > 40, "each level is drawn");
            assertEquals(levels[l] * levels[l], residual[l] / (prompts[l] * 64.0), 0.1 * levels[l] * levels[l]);
        }
        assertThrows(IllegalArgumentException.class, () -> gen.withNoiseLevels());
    }
}
