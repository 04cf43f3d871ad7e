package org.reprolab.method.posteriorcollapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.reprolab.tensor.Generator;

class PiecesTest {

    private static CvaeTheory populationTheory(double rho, double beta) {
        DMatrixRMaj e = new DMatrixRMaj(16, 16);
        for (int i = 0; i < 16; i++) {
            e.set(i, i, PairedData.anisotropicTheta(i, rho));
        }
        return CvaeTheory.of(e, beta, 0.5, 1, 16);
    }

    @Test
    void theoryPredictsTheSpecifiedActiveCounts() {
        int[] overRho = new int[5];
        double[] rhos = {0, 0.25, 0.5, 0.75, 0.9};
        for (int k = 0; k < 5; k++) {
            overRho[k] = populationTheory(rhos[k], 1).predictedActive();
        }
        assertArrayEquals(new int[] {8, 8, 8, 7, 0}, overRho);
        int[] overBeta = new int[5];
        double[] betas = {0.25, 0.5, 1, 2, 4};
        for (int k = 0; k < 5; k++) {
            overBeta[k] = populationTheory(0.5, betas[k]).predictedActive();
        }
        assertArrayEquals(new int[] {12, 10, 8, 6, 3}, overBeta);
    }

    @Test
    void closedFormIsAStationaryPointOfTheOneDimensionalLoss() {
        CvaeTheory t = populationTheory(0.5, 1);
        double theta = t.theta(0);
        double u = t.omega(0);
        double w = t.encoderGain(0);
        double s2 = t.posteriorVariance(0);
        // L(u, w, σ²) = θ(1 − uw)²/(2η²) + u²σ²/(2η²) + ½[(σ² + w²θ) − log σ²]
        double eta2 = 0.25;
        double du = (-theta * w * (1 - u * w) + u * s2) / eta2;
        double dw = -theta * u * (1 - u * w) / eta2 + w * theta;
        double ds = u * u / (2 * eta2) + 0.5 - 0.5 / s2;
        assertEquals(0, du, 1e-12);
        assertEquals(0, dw, 1e-12);
        assertEquals(0, ds, 1e-12);
        assertEquals(1, t.posteriorVariance(15), 0);
        assertEquals(0, t.omega(15), 0);
        assertEquals(0, t.expectedKl(15), 1e-15);
    }

    @Test
    void residualCovarianceOfSyntheticPairsMatchesItsClosedForm() {
        PairedData d = PairedData.anisotropic(40_000, 6, 0.6, new Generator(2));
        double[] theta = Linalg.symmetricEigenvalues(Linalg.residualCovariance(d.x(), d.y()));
        for (int i = 0; i < 6; i++) {
            assertEquals(PairedData.anisotropicTheta(i, 0.6), theta[i], 0.03 * PairedData.anisotropicTheta(i, 0.6) + 0.01, "θ_" + i);
        }
    }

    @Test
    void lbfgsMinimisesRosenbrock() {
        Lbfgs.Outcome o = new Lbfgs(10, 5000, 1e-10).minimise((x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        }, new double[] {-1.2, 1});
        assertEquals(1, o.x()[0], 1e-6);
        assertEquals(1, o.x()[1], 1e-6);
    }

    @Test
    void spearmanUsesMidranksForTies() {
        assertEquals(1, Spearman.of(new double[] {1, 2, 3}, new double[] {10, 20, 30}), 1e-12);
        assertEquals(-1, Spearman.of(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        assertArrayEquals(new double[] {1.5, 1.5, 3}, Spearman.ranks(new double[] {5, 5, 7}), 0);
        assertTrue(Double.isNaN(Spearman.of(new double[] {1, 1}, new double[] {1, 2})));
        assertThrows(IllegalArgumentException.class, () -> Spearman.of(new double[] {1}, new double[] {1}));
    }

    @Test
    void quartersSplitAndRecompose() {
        float[] image = new float[784];
        for (int i = 0; i < 784; i++) {
            image[i] = i / 784f;
        }
        PairedData d = FashionQuarters.split(new float[][] {image}, new int[] {0});
        assertEquals(196, d.x().size(1));
        assertEquals(588, d.y().size(1));
        assertEquals(14 * 28 / 784f, d.x().toFloatArray()[0], 0);   // row 14, column 0
        assertArrayEquals(image, FashionQuarters.compose(d.x().toFloatArray(), d.y().toFloatArray()), 0);
    }
}
