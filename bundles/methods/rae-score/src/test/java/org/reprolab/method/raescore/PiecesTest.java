package org.reprolab.method.raescore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;

/** Focused checks of the building blocks. */
class PiecesTest {

    @Test
    void tridiagonalCholeskySolvesTheSystem() {
        double[] diagonal = {4, 5, 6, 5};
        double[] off = {1, -2, 0.5};
        double[] b = {1, 2, 3, 4};
        double[] x = new TridiagonalCholesky(diagonal, off).solve(b);
        for (int i = 0; i < 4; i++) {
            double row = diagonal[i] * x[i] + (i > 0 ? off[i - 1] * x[i - 1] : 0) + (i < 3 ? off[i] * x[i + 1] : 0);
            assertEquals(b[i], row, 1e-12, "row " + i);
        }
    }

    @Test
    void tridiagonalCholeskyRejectsAnIndefiniteMatrix() {
        assertThrows(IllegalArgumentException.class, () -> new TridiagonalCholesky(new double[] {1, 1}, new double[] {2}));
    }

    @Test
    void mixtureHasThreeModesAndTwoAntiModesWhereTheSpecSays() {
        List<Mixture1d.CriticalPoint> c = Mixture1d.threeGaussians().criticalPoints(-5, 6, 0.01);
        assertEquals(5, c.size(), c.toString());
        double[] expected = {-2.0, -0.54, 0.5, 1.52, 2.5};
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], c.get(i).x(), 0.06, "critical point " + i);
            assertEquals(i % 2 == 0, c.get(i).mode());
        }
    }

    @Test
    void exactSolveApproachesTheScoreAsSigmaShrinks() {
        Mixture1d p = Mixture1d.threeGaussians();
        double coarse = ExactStudy1d.solve(p, 0.2, 0).scoreError();
        double fine = ExactStudy1d.solve(p, 0.1, 0).scoreError();
        assertTrue(fine < coarse / 2, "errors " + coarse + " → " + fine);
    }

    @Test
    void trapezoidalLineIntegralIsExactForALinearScore() {
        // score of N(0, I): −u, so log p(x′) − log p(x) = (‖x‖² − ‖x′‖²)/2
        ScoreLineIntegral line = new ScoreLineIntegral(u -> {
            double[] s = u.clone();
            for (int i = 0; i < s.length; i++) {
                s[i] = -s[i];
            }
            return s;
        }, 2, 10);
        double[] delta = line.between(new double[] {1, 2, -0.5, 0}, new double[] {0.3, -1, 2, 1});
        assertEquals((1 + 4 - 0.09 - 1) / 2, delta[0], 1e-12);
        assertEquals((0.25 - 4 - 1) / 2, delta[1], 1e-12);
    }

    @Test
    void fieldAgreementOfAFieldWithItselfIsPerfect() {
        double[] a = {1, 2, -3, 0.5};
        FieldAgreement same = FieldAgreement.of(a, a, new double[] {0.3, 0.7});
        assertEquals(0, same.relativeError(), 1e-15);
        assertEquals(1, same.cosine(), 1e-15);
        FieldAgreement opposite = FieldAgreement.of(new double[] {-1, -2, 3, -0.5}, a, new double[] {0.3, 0.7});
        assertEquals(-1, opposite.cosine(), 1e-15);
        assertEquals(2, opposite.relativeError(), 1e-15);
    }

    @Test
    void contractiveCriterionAddsTheJacobianPenalty() {
        ContractiveAutoEncoder rcae = new ContractiveAutoEncoder(2, 16, 0.5, new Generator(3), DType.FLOAT64);
        double[] x = {0.3, -1.2, 2.0, 0.7};
        Tensor points = Tensor.of(x, 2, 2);
        double[] r = rcae.forward(points).toDoubleArray();
        double[] j = rcae.jacobian(points).toDoubleArray();
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            expected += (r[i] - x[i]) * (r[i] - x[i]) + 0.25 * (j[2 * i] * j[2 * i] + j[2 * i + 1] * j[2 * i + 1]);
        }
        assertEquals(expected / 2, rcae.criterion(points, new Random(1)).item(), 1e-12);
    }

    @Test
    void metropolisHastingsRejectsABurnInAsLongAsTheRun() {
        assertThrows(IllegalArgumentException.class, () -> new MetropolisHastings(2, 10, 10, 0.3));
    }
}
