package org.reprolab.method.forestssmoothers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResamplingDegreesOfFreedomTest {

    /** For a linear smoother ŷ = S·y, df = trace(S): n for the identity, 1 for the mean. */
    @Test
    void matchesTheTraceOfLinearSmoothers() {
        int n = 40;
        int redraws = 4000;
        double sigma = 2;
        SplittableRandom gen = new SplittableRandom(3);
        double[][] y = new double[redraws][n];
        double[][] identity = new double[redraws][];
        double[][] mean = new double[redraws][n];
        for (int r = 0; r < redraws; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                y[r][i] = Math.sin(i) + sigma * gen.nextGaussian();
                sum += y[r][i];
            }
            identity[r] = y[r].clone();
            java.util.Arrays.fill(mean[r], sum / n);
        }
        assertEquals(n, ResamplingDegreesOfFreedom.estimate(y, identity, sigma), 1.5);
        assertEquals(1, ResamplingDegreesOfFreedom.estimate(y, mean, sigma), 0.3);
    }
}
