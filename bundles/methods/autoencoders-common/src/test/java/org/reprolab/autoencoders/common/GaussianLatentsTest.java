package org.reprolab.autoencoders.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

class GaussianLatentsTest {

    private static final double[] MU = {0.3, -1.2, 0.0, 2.0};
    private static final double[] LOGVAR = {-0.5, 0.4, 0.0, -2.0};
    private static final double[] PRIOR_MU = {0.1, 0.0, 0.0, -0.5};
    private static final double[] PRIOR_LOGVAR = {0.2, -0.3, 0.0, 1.0};

    @Test
    void klMatchesTheScalarFormulaAndVanishesAtThePrior() {
        double[] kl = GaussianLatents.kl(Tensor.of(MU), Tensor.of(LOGVAR), Tensor.of(PRIOR_MU), Tensor.of(PRIOR_LOGVAR))
                .toDoubleArray();
        for (int j = 0; j < MU.length; j++) {
            assertEquals(GaussianKl.of(MU[j], Math.exp(LOGVAR[j]), PRIOR_MU[j], Math.exp(PRIOR_LOGVAR[j])), kl[j], 1e-12);
        }
        assertEquals(0, kl[2], 0);
        double[] iso = GaussianLatents.kl(Tensor.of(MU), Tensor.of(LOGVAR), 0.25).toDoubleArray();
        for (int j = 0; j < MU.length; j++) {
            assertEquals(GaussianKl.of(MU[j], Math.exp(LOGVAR[j]), 0, 0.25), iso[j], 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> GaussianLatents.kl(Tensor.of(MU), Tensor.of(LOGVAR), 0));
    }

    @Test
    void klGradientsReachPosteriorAndLearnablePriorAsFiniteDifferencesSay() {
        Tensor[] args = {Tensor.of(MU).requiresGrad(true), Tensor.of(LOGVAR).requiresGrad(true),
                Tensor.of(PRIOR_MU).requiresGrad(true), Tensor.of(PRIOR_LOGVAR).requiresGrad(true)};
        GaussianLatents.kl(args[0], args[1], args[2], args[3]).sum().backward();
        double h = 1e-6;
        for (int a = 0; a < 4; a++) {
            double[] grad = args[a].grad().toDoubleArray();
            for (int j = 0; j < MU.length; j++) {
                double[][] up = {MU.clone(), LOGVAR.clone(), PRIOR_MU.clone(), PRIOR_LOGVAR.clone()};
                double[][] down = {MU.clone(), LOGVAR.clone(), PRIOR_MU.clone(), PRIOR_LOGVAR.clone()};
                up[a][j] += h;
                down[a][j] -= h;
                double numeric = (klSum(up) - klSum(down)) / (2 * h);
                assertEquals(numeric, grad[j], 1e-6, "argument " + a + ", dimension " + j);
            }
        }
    }

    private static double klSum(double[][] p) {
        double s = 0;
        for (int j = 0; j < p[0].length; j++) {
            s += GaussianKl.of(p[0][j], Math.exp(p[1][j]), p[2][j], Math.exp(p[3][j]));
        }
        return s;
    }

    @Test
    void samplesHaveThePosteriorsMomentsAndCarryGradients() {
        int n = 200_000;
        Tensor mean = Tensor.full(0.7, n, 1).requiresGrad(true);
        Tensor logVar = Tensor.full(Math.log(0.3), n, 1).requiresGrad(true);
        Tensor z = GaussianLatents.sample(mean, logVar, new Generator(5));
        double[] v = z.toDoubleArray();
        double m = 0;
        double s = 0;
        for (double x : v) {
            m += x;
            s += x * x;
        }
        m /= n;
        assertEquals(0.7, m, 0.005);
        assertEquals(0.3, s / n - m * m, 0.005);
        z.sum().backward();
        assertEquals(1.0, mean.grad().toDoubleArray()[0], 1e-6);
        assertArrayEquals(new double[] {1, 1}, new double[] {mean.grad().toDoubleArray()[7], mean.grad().toDoubleArray()[n - 1]}, 1e-6);
        // d z / d logσ² = ½ σ ε: summed over draws it averages to ~0 but is not identically 0
        assertEquals(0, logVar.grad().sum().item() / n, 0.01);
    }

    @Test
    void perDimensionAveragesOverTheBatch() {
        Tensor mean = Tensor.of(new double[] {0, 1, 0, -1}, 2, 2);
        Tensor logVar = Tensor.of(new double[] {0, 0, 0, 0}, 2, 2);
        double[] kl = GaussianLatents.perDimension(mean, logVar, 1);
        assertArrayEquals(new double[] {0, 0.5}, kl, 1e-12);
        assertEquals(1, ActiveUnits.count(kl));
        assertThrows(IllegalArgumentException.class, () -> GaussianLatents.perDimension(Tensor.of(MU)));
    }
}
