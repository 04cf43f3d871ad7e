package org.reprolab.method.apremss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

class ReconstructionScoresTest {

    @Test
    void preIsTwiceTheGaussianNegativeLogLikelihoodMinusItsConstant() {
        Random r = new Random(2);
        int d = 7;
        double[][] x = new double[1][d];
        float[][] mu = new float[1][d];
        float[][] var = new float[1][d];
        double nll = 0;
        for (int j = 0; j < d; j++) {
            x[0][j] = r.nextGaussian();
            mu[0][j] = (float) r.nextGaussian();
            var[0][j] = (float) (0.1 + r.nextDouble());
            // −log N(x; μ, σ²), written out directly
            nll += -Math.log(Math.exp(-(x[0][j] - mu[0][j]) * (x[0][j] - mu[0][j]) / (2 * var[0][j])) / Math.sqrt(2 * Math.PI * var[0][j]));
        }
        double pre = ReconstructionScores.apre(x, mu, var, 1, 1)[0];
        assertEquals(2 * nll - d * Math.log(2 * Math.PI), pre, 1e-9);
        double weighted = ReconstructionScores.apre(x, mu, var, 0.5, 2)[0];
        double bias = ReconstructionScores.apre(x, mu, var, 1, 0)[0];
        double uncertainty = ReconstructionScores.apre(x, mu, var, 0, 1)[0];
        assertEquals(0.5 * bias + 2 * uncertainty, weighted, 1e-9, "APRE is the α, β-weighted sum of its two terms");
        float[][] unit = {new float[d]};
        java.util.Arrays.fill(unit[0], 1f);
        assertEquals(ReconstructionScores.squaredError(x, mu)[0], ReconstructionScores.apre(x, mu, unit, 1, 0)[0], 1e-9,
                "with unit variances the bias term is the squared error");
    }

    @Test
    void thePaeTrainingLossIsTheMeanPreAndItsVarianceIsPositive() {
        Generator g = new Generator(4);
        ReconstructionNet pae = new ReconstructionNet(12, true, g.fork("init"));
        Tensor x = g.randn(9, 12).mul(30); // large inputs push raw variances far negative
        try (var ignored = Autograd.noGrad()) {
            ReconstructionNet.Output o = pae.reconstruct(x);
            float[] v = o.variance().toFloatArray();
            for (float s : v) {
                assertTrue(s >= ReconstructionNet.VARIANCE_FLOOR * 0.999, "σ² = " + s);
            }
            double[][] xs = new double[9][12];
            float[][] mu = new float[9][12];
            float[][] var = new float[9][12];
            float[] xf = x.toFloatArray();
            float[] mf = o.mean().contiguous().toFloatArray();
            for (int i = 0; i < 9; i++) {
                for (int j = 0; j < 12; j++) {
                    xs[i][j] = xf[i * 12 + j];
                    mu[i][j] = mf[i * 12 + j];
                    var[i][j] = v[i * 12 + j];
                }
            }
            double mean = 0;
            for (double s : ReconstructionScores.apre(xs, mu, var, 1, 1)) {
                mean += s / (9 * 12);
            }
            double loss = pae.trainingLoss(x).item();
            assertEquals(mean, loss, 1e-3 * Math.max(1, Math.abs(mean)));
        }
    }
}
