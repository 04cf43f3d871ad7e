package org.reprolab.method.icluq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.data.synthetic.LinearRegressionPrompts;
import org.reprolab.data.synthetic.LinearRegressionPrompts.Prompts;

/** The closed-form references: conjugate algebra, the mixture over σ, and their limits. */
class NoiseMixtureBayesTest {

    private static final LinearRegressionPrompts TASK = LinearRegressionPrompts.iclUqSetting();

    @Test
    void oneSigmaMixtureEqualsTheFunctionSpaceConjugatePredictive() {
        Prompts p = TASK.sample(20, new SplittableRandom(1));
        for (double sigma : new double[] {0.1, 0.7, 2.0}) {
            assertTrue(BayesSanityChecks.singleSigmaAgreement(p, sigma) < 1e-9, "σ = " + sigma);
        }
    }

    @Test
    void beforeAnyContextThePredictiveIsThePrior() {
        Prompts p = TASK.sample(5, new SplittableRandom(2));
        GaussianPredictions g = NoiseMixtureBayes.trainingPrior(TASK.noiseLevels()).predict(p);
        double meanSigma2 = 0;
        for (double s : TASK.noiseLevels()) {
            meanSigma2 += s * s / TASK.noiseLevels().length;
        }
        for (int b = 0; b < 5; b++) {
            double xx = 0;
            for (int j = 0; j < 4; j++) {
                xx += p.x()[b * 16 * 4 + j] * p.x()[b * 16 * 4 + j];
            }
            assertEquals(0, g.mean()[b * 16], 1e-15);
            assertEquals(xx + meanSigma2, g.variance()[b * 16], 1e-12, "v = τ²|x|² + E[σ²] at t = 0");
        }
    }

    @Test
    void theMixtureLearnsTheNoiseLevelFromALongContext() {
        // With many pairs the σ-posterior concentrates on the true level: the mixture's variance → σ_true².
        LinearRegressionPrompts longTask = TASK.withPairs(400).withNoiseLevels(0.4);
        Prompts p = longTask.sample(20, new SplittableRandom(3));
        GaussianPredictions g = NoiseMixtureBayes.trainingPrior(TASK.noiseLevels()).predict(p);
        for (int b = 0; b < 20; b++) {
            assertEquals(0.16, g.variance()[b * 400 + 399], 0.16 * 0.05);
        }
    }

    @Test
    void trainingPriorBeatsTheVaguePriorInDistributionAndTheOracleBeatsBoth() {
        Prompts p = TASK.sample(400, new SplittableRandom(4));
        double bayes = meanNll(NoiseMixtureBayes.trainingPrior(TASK.noiseLevels()).predict(p), p);
        double vague = meanNll(NoiseMixtureBayes.vague(100, 0.05, 5, 25).predict(p), p);
        double oracle = meanNll(NoiseMixtureBayes.oraclePredict(p), p);
        assertTrue(bayes < vague - 0.3, "bayes " + bayes + " vs vague " + vague);
        assertTrue(oracle < bayes, "oracle " + oracle + " vs bayes " + bayes);
    }

    @Test
    void approachesLeastSquaresAsTheNoiseVanishes() {
        double at01 = BayesSanityChecks.bayesOverOlsMse(TASK, 16, 0.1, 300, new SplittableRandom(5));
        double at0001 = BayesSanityChecks.bayesOverOlsMse(TASK, 16, 0.001, 300, new SplittableRandom(5));
        assertTrue(at01 < 1, "Bayes shrinkage helps at σ = 0.1: " + at01);
        assertEquals(1, at0001, 1e-4);
    }

    @Test
    void rejectsBadPriors() {
        assertThrows(IllegalArgumentException.class, () -> new NoiseMixtureBayes(0, new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new NoiseMixtureBayes(1, new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new NoiseMixtureBayes(1, new double[] {0}, new double[] {1}));
    }

    private static double meanNll(GaussianPredictions g, Prompts p) {
        return PositionMetrics.average(PositionMetrics.of(g, p.y()).nll(), 0, p.pairs());
    }
}
