package org.reprolab.method.dltheory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written NTK machinery against the tensor library's autograd and finite differences. */
class NtkNetworkTest {

    @Test
    void jacobiansAgreeWithAutogradAndFiniteDifferences() {
        JacobianCheck check = JacobianCheck.run(16, new SplittableRandom(3));
        assertTrue(check.autogradVsFiniteDifferences() < 1e-6, "autograd vs FD " + check.autogradVsFiniteDifferences());
        assertTrue(check.backpropVsAutograd() < 1e-12, "backprop vs autograd " + check.backpropVsAutograd());
        assertTrue(check.ntkVsJacobianProduct() < 1e-12, "Θ vs JJᵀ " + check.ntkVsJacobianProduct());
    }

    @Test
    void gradientStepIsMinusLearningRateTimesJacobianTransposeResidual() {
        SplittableRandom rng = new SplittableRandom(4);
        NtkNetwork net = NtkNetwork.initialise(5, 6, 4, rng);
        double[][] x = SpherePoints.draw(3, 5, rng);
        double[] y = {1, -1, 1};
        double[][] j = net.jacobian(x);
        double[] f = net.outputs(x);
        double[] before = net.parameters();
        double lr = 0.3;
        double loss = net.gradientStep(x, y, lr);
        double[] expected = before.clone();
        double expectedLoss = 0;
        for (int i = 0; i < y.length; i++) {
            expectedLoss += 0.5 * (f[i] - y[i]) * (f[i] - y[i]);
            for (int p = 0; p < expected.length; p++) {
                expected[p] -= lr * (f[i] - y[i]) * j[i][p];
            }
        }
        assertEquals(expectedLoss, loss, 1e-12);
        assertArrayEquals(expected, net.parameters(), 1e-12);
    }

    @Test
    void trainingFitsTheTargetsAndTheNtkMovesLessWhenWider() {
        SplittableRandom data = new SplittableRandom(8);
        double[][] x = SpherePoints.draw(8, 16, 4, data);
        double[] y = {1, -1, 1, 1, -1, -1, 1, -1};
        NtkTraining narrow = NtkTraining.train(NtkNetwork.initialise(16, 32, 3, new SplittableRandom(1)), x, y, 2000, 1e-4, () -> { });
        NtkTraining wide = NtkTraining.train(NtkNetwork.initialise(16, 256, 3, new SplittableRandom(1)), x, y, 2000, 1e-4, () -> { });
        for (NtkTraining t : new NtkTraining[] {narrow, wide}) {
            assertTrue(t.finalMse() < 1e-4, "converged: " + t);
            assertTrue(t.lossMonotone(), "monotone: " + t);
            assertTrue(t.symmetryError() < 1e-14 && t.minEigenvalue() > -1e-12);
        }
        assertTrue(wide.relativeChange() < narrow.relativeChange() / 3,
                "n = 256 vs 32: " + wide.relativeChange() + " vs " + narrow.relativeChange());
    }
}
