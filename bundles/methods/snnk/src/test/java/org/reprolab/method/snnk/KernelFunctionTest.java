package org.reprolab.method.snnk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each feature map averages to its function: many draws' mean estimate converges to the exact value. */
class KernelFunctionTest {

    @ParameterizedTest
    @EnumSource(KernelFunction.class)
    void estimatorIsUnbiased(KernelFunction f) {
        SplittableRandom rng = new SplittableRandom(7);
        double[][] pair = PointwiseEstimation.pairs(f, 1, 4, rng)[0];
        int draws = 400;
        double sum = 0;
        double squares = 0;
        for (int t = 0; t < draws; t++) {
            double e = f.draw(256, 4, false, rng).estimate(pair[0], pair[1]);
            sum += e;
            squares += e * e;
        }
        double mean = sum / draws;
        double standardError = Math.sqrt((squares / draws - mean * mean) / draws);
        double exact = f.exact(pair[0], pair[1]);
        assertTrue(Math.abs(mean - exact) <= 4 * standardError, f + ": mean " + mean + " vs exact " + exact + " (SE " + standardError + ")");
        assertTrue(standardError < 0.05 * Math.max(0.1, Math.abs(exact)), f + ": SE " + standardError + " is not small");
    }

    @ParameterizedTest
    @EnumSource(KernelFunction.class)
    void orthogonalDrawsAreUnbiasedToo(KernelFunction f) {
        SplittableRandom rng = new SplittableRandom(11);
        double[][] pair = PointwiseEstimation.pairs(f, 1, 4, rng)[0];
        double sum = 0;
        int draws = 400;
        for (int t = 0; t < draws; t++) {
            sum += f.draw(64, 4, true, rng).estimate(pair[0], pair[1]);
        }
        assertEquals(f.exact(pair[0], pair[1]), sum / draws, 0.03);
    }

    @org.junit.jupiter.api.Test
    void exactValuesAreTheNamedFunctions() {
        double[] x = {0.3, 0.4};
        double[] w = {0.5, -0.1};
        double z = 0.11;
        assertEquals(Math.exp(z), KernelFunction.EXP.exact(x, w), 1e-12);
        assertEquals(Math.cos(z), KernelFunction.COS.exact(x, w), 1e-12);
        assertEquals(Math.sin(z), KernelFunction.SIN.exact(x, w), 1e-12);
        assertEquals(Math.sin(z) / z, KernelFunction.SINC.exact(x, w), 1e-12);
        assertEquals(Math.exp(-z * z / 2), KernelFunction.GAUSSIAN_BUMP.exact(x, w), 1e-12);
        // ReLU kernel of parallel vectors: E[relu(g)²]·‖x‖‖w‖ = ‖x‖‖w‖/2.
        assertEquals(0.5 * 0.5 * 1.0, KernelFunction.ARC_COSINE.exact(x, new double[] {0.6, 0.8}), 1e-12);
    }
}
