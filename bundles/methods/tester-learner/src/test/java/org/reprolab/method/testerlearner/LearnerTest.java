package org.reprolab.method.testerlearner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The surrogate's hand-written gradient and the projected SGD learner. */
class LearnerTest {

    private static final Setting MASSART = new Setting(Setting.Family.GAUSSIAN_MASSART, 0.2);

    @Test
    void surrogateGradientMatchesCentralDifferences() {
        for (double sigma : new double[] {0.1, 1.0}) {
            double error = SanityChecks.gradientError(6, sigma, new SplittableRandom(5));
            assertTrue(error < 1e-6, "σ = " + sigma + ": max |analytic − numeric| = " + error);
        }
    }

    @Test
    void tangentGradientIsOrthogonalToW() {
        LabelledSample s = MASSART.draw(500, 4, new SplittableRandom(1));
        double[] w = Vectors.randomUnit(4, new SplittableRandom(2));
        double[] t = new SmoothedSigmoidLoss(0.1).tangentGradient(s, w);
        assertEquals(0, Vectors.dot(t, w), 1e-15);
        assertTrue(Vectors.norm(t) > 0);
    }

    @Test
    void sigmoidStaysFiniteAndSymmetricForLargeArguments() {
        assertEquals(1.0, SmoothedSigmoidLoss.sigmoid(800));
        assertEquals(0.0, SmoothedSigmoidLoss.sigmoid(-800));
        assertEquals(1.0, SmoothedSigmoidLoss.sigmoid(3) + SmoothedSigmoidLoss.sigmoid(-3), 1e-15);
    }

    @Test
    void surrogateOfTheTargetIsSmallAndOfItsOppositeLarge() {
        LabelledSample s = SanityChecks.noiselessGaussian(20_000, 3, new SplittableRandom(3));
        SmoothedSigmoidLoss loss = new SmoothedSigmoidLoss(0.1);
        double target = loss.value(s, Vectors.basis(3, 0));
        double opposite = loss.value(s, new double[] {-1, 0, 0});
        // E S(−|Z|/σ) ≈ σ·φ(0)·2·ln 2 ≈ 0.055 for σ = 0.1; the opposite direction gets 1 minus that
        assertEquals(0.055, target, 0.01);
        assertEquals(1, target + opposite, 1e-12);
    }

    @Test
    void learnerFindsTheTargetOnMassartDataAndStaysOnTheSphere() {
        LabelledSample s = MASSART.draw(5_000, 5, new SplittableRandom(4));
        ProjectedSgd.Learned learned = new ProjectedSgd(new ProjectedSgd.Settings(0.1, 256, 0.05, 600, 2, 50))
                .fit(s, new SplittableRandom(6), () -> { });
        assertEquals(2, learned.candidates().size());
        double angle = Vectors.angleDegrees(learned.w(), Vectors.basis(5, 0));
        assertTrue(angle < 10, "angle to w* " + angle);
        for (ProjectedSgd.Candidate c : learned.candidates()) {
            assertTrue(c.maxNormDeviation() < 1e-12);
            assertTrue(learned.chosen().trainingError() <= c.trainingError());
            assertEquals(600 / 50 + 1, c.trace().size());
            assertEquals(600, c.traceSteps()[c.traceSteps().length - 1]);
        }
    }

    @Test
    void sameStreamGivesTheSameIterates() {
        LabelledSample s = MASSART.draw(1_000, 3, new SplittableRandom(4));
        ProjectedSgd sgd = new ProjectedSgd(new ProjectedSgd.Settings(0.1, 32, 0.05, 100, 2, 10));
        assertArrayEquals(sgd.fit(s, new SplittableRandom(9), () -> { }).w(), sgd.fit(s, new SplittableRandom(9), () -> { }).w());
    }
}
