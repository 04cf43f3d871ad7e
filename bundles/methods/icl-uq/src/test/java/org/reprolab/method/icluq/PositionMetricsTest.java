package org.reprolab.method.icluq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PositionMetricsTest {

    @Test
    void aCorrectGaussianIsCalibratedAndCoversNinetyPercent() {
        int batch = 20_000;
        double[] mean = new double[batch * 2];
        double[] variance = new double[batch * 2];
        double[] y = new double[batch * 2];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < y.length; i++) {
            mean[i] = rng.nextGaussian();
            variance[i] = i % 2 == 0 ? 0.25 : 4;
            y[i] = mean[i] + Math.sqrt(variance[i]) * rng.nextGaussian();
        }
        PositionMetrics m = PositionMetrics.of(new GaussianPredictions(mean, variance, batch, 2), y);
        assertEquals(1, m.calibration()[0], 0.03);
        assertEquals(0.9, m.coverage()[1], 0.01);
        assertEquals(4, m.mse()[1], 0.15);
        assertEquals(0.5 * Math.log(2 * Math.PI * 0.25) + 0.5, m.nll()[0], 0.02);
        assertEquals(2, m.predictiveStd()[1], 1e-12);
    }

    @Test
    void anOverconfidentPredictorHasRatioAboveOne() {
        double[] mean = {0, 0};
        double[] variance = {1, 1};
        double[] y = {2, -2};
        PositionMetrics m = PositionMetrics.of(new GaussianPredictions(mean, variance, 2, 1), y);
        assertArrayEquals(new double[] {4}, m.calibration());
        assertArrayEquals(new double[] {0}, m.coverage());
    }

    @Test
    void averagesOverAPositionRange() {
        assertEquals(2.5, PositionMetrics.average(new double[] {1, 2, 3}, 1, 10), 1e-15);
    }
}
