package org.reprolab.autoencoders.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MultinomialLogisticRegressionTest {

    @Test
    void recoversTheTrueSoftmaxModelAndItsLogLoss() {
        Random rng = new Random(1);
        int n = 4000;
        double[][] x = new double[n][2];
        int[] y = new int[n];
        double[][] w = {{1.5, 0, 0.2}, {0, 1.5, -0.1}, {-1, -1, 0}};
        double trueLoss = 0;
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextGaussian();
            x[i][1] = rng.nextGaussian();
            double[] z = new double[3];
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                z[c] = Math.exp(w[c][0] * x[i][0] + w[c][1] * x[i][1] + w[c][2]);
                sum += z[c];
            }
            double u = rng.nextDouble() * sum;
            y[i] = u < z[0] ? 0 : u < z[0] + z[1] ? 1 : 2;
            trueLoss -= Math.log(z[y[i]] / sum) / n;
        }
        MultinomialLogisticRegression.Fit fit = MultinomialLogisticRegression.fit(x, y, 3, false, 200);
        assertTrue(fit.logLoss() <= trueLoss + 1e-9, "fitted " + fit.logLoss() + " vs true-model " + trueLoss);
        assertEquals(trueLoss, fit.logLoss(), 0.01);
        double[] p = fit.model().probabilities(new double[] {3, 0});
        assertTrue(p[0] > p[1] && p[0] > p[2]);
    }

    @Test
    void separableOneHotFeaturesDriveTheLossToZeroUnregularised() {
        int n = 300;
        double[][] x = new double[n][3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            x[i][y[i]] = 1;
        }
        double fitted = MultinomialLogisticRegression.fit(x, y, 3, true, 200).logLoss();
        assertTrue(fitted < 1e-3, "log-loss " + fitted);
    }

    @Test
    void nullLossOfBalancedWeightsIsLogClasses() {
        int[] y = {0, 0, 0, 0, 1, 2};
        assertEquals(Math.log(3), MultinomialLogisticRegression.nullLogLoss(y, 3, true), 1e-12);
        assertEquals(MutualInformation.entropy(y), MultinomialLogisticRegression.nullLogLoss(y, 3, false), 1e-12);
        double[][] noFeatures = new double[6][0];
        assertEquals(Math.log(3), MultinomialLogisticRegression.fit(noFeatures, y, 3, true, 100).logLoss(), 1e-6);
    }

    @Test
    void badLabelsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MultinomialLogisticRegression.fit(new double[2][1], new int[] {0, 3}, 3, false, 10));
    }
}
