package org.reprolab.method.inductivebias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The interpolating GP space: kernel, posterior, sampler and its exact loss law. */
class GaussianProcessSpaceTest {

    private static RegressionTask task() {
        return TanhTeacherTask.generate(8, 60, 25, new SplittableRandom(2));
    }

    @Test
    void medianHeuristicAndKernel() {
        double[][] x = {{0, 0}, {1, 0}, {0, 2}};
        // squared distances 1, 4, 5: median 4 → ℓ = √2
        assertEquals(Math.sqrt(2), RbfKernel.medianHeuristic(x), 1e-15);
        assertEquals(Math.exp(-5 / 4.0), RbfKernel.gram(x, x, Math.sqrt(2))[1][2], 1e-15);
    }

    @Test
    void posteriorInterpolatesAndIsPositiveSemidefinite() {
        GaussianProcessSpace gp = new GaussianProcessSpace(task(), 0.5 * Math.sqrt(8), 1e-6);
        assertTrue(gp.maxTrainingFitError() < 1e-3, "training residual " + gp.maxTrainingFitError());
        assertTrue(gp.minCovarianceEigenvalue() > -1e-8, "min eigenvalue " + gp.minCovarianceEigenvalue());
        double[][] c = gp.covariance();
        for (int i = 0; i < c.length; i++) {
            assertTrue(c[i][i] > 0 && c[i][i] <= 1 + 1e-6, "posterior variance ≤ prior variance");
        }
    }

    @Test
    void sampledLossesFollowTheExactLaw() {
        GaussianProcessSpace gp = new GaussianProcessSpace(task(), 0.5 * Math.sqrt(8), 1e-6);
        double[] samples = gp.sampleTestMses(4000, b -> new SplittableRandom(100 + b), () -> { });
        SampledSpace space = SampledSpace.of(gp, samples);
        assertTrue(space.meanErrorInStandardErrors() < 4, "mean off by " + space.meanErrorInStandardErrors() + " SE");
        assertEquals(gp.lossLaw().variance(), space.sampledVariance(), 0.1 * gp.lossLaw().variance());
        assertTrue(space.saddlepointVsEmpiricalBits(samples) < 0.15, "saddlepoint vs empirical");
        // The same streams give the same hypotheses, whatever the threads did.
        double[] again = gp.sampleTestMses(4000, b -> new SplittableRandom(100 + b), () -> { });
        assertEquals(samples[3999], again[3999]);
        assertEquals(samples[17], again[17]);
    }

    @Test
    void syntheticTargetsAreStandardised() {
        RegressionTask t = TanhTeacherTask.generate(4, 500, 10, new SplittableRandom(9));
        double mean = 0;
        double sq = 0;
        for (double[] y : t.trainY()) {
            mean += y[0] / 500;
            sq += y[0] * y[0] / 500;
        }
        assertEquals(0, mean, 1e-12);
        assertEquals(1, sq, 1e-12);
    }
}
