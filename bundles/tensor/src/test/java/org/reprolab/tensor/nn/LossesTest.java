package org.reprolab.tensor.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprolab.tensor.GradCheck;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

class LossesTest {
    private final Generator gen = new Generator(41);

    private Tensor r(int... shape) {
        return gen.normal(0, 1, shape);
    }

    private static double logSumExp(double... v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        double s = 0;
        for (double x : v) {
            s += Math.exp(x - m);
        }
        return m + Math.log(s);
    }

    @Test
    void crossEntropyMatchesHandComputation() {
        Tensor logits = Tensor.of(new float[] {1, 2, 3, 0, -1, 2}, 2, 3);
        Tensor targets = Tensor.ofInts(new int[] {2, 0}, 2);
        double l0 = logSumExp(1, 2, 3) - 3;
        double l1 = logSumExp(0, -1, 2) - 0;
        Tensor loss = Losses.crossEntropy(logits, targets);
        assertEquals(0, loss.rank());
        assertEquals((l0 + l1) / 2, loss.item(), 1e-6);
        // smoothing ε: (1 − ε)·nll + ε·mean over classes of −log p
        double eps = 0.1;
        double s0 = (3 * logSumExp(1, 2, 3) - 6) / 3;
        double s1 = (3 * logSumExp(0, -1, 2) - 1) / 3;
        assertEquals(((1 - eps) * l0 + eps * s0 + (1 - eps) * l1 + eps * s1) / 2,
                Losses.crossEntropy(logits, targets, eps).item(), 1e-6);
        // ignored positions drop out of the mean
        Tensor withPad = Tensor.ofInts(new int[] {2, -100}, 2);
        assertEquals(l0, Losses.crossEntropy(logits, withPad, 0, -100).item(), 1e-6);
        assertEquals(Losses.nll(logits.logSoftmax(1), targets).item(), loss.item(), 1e-6);
    }

    @Test
    void crossEntropyAcceptsClassesInDimensionOne() {
        Tensor logits = r(2, 4, 3);
        Tensor targets = Tensor.ofInts(new int[] {0, 3, 1, 2, 2, 0}, 2, 3);
        Tensor flat = logits.permute(0, 2, 1).reshape(6, 4);
        assertEquals(Losses.crossEntropy(flat, targets.reshape(6), 0.2).item(),
                Losses.crossEntropy(logits, targets, 0.2).item(), 1e-6);
        var e = assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(logits, targets.reshape(6)));
        assertTrue(e.getMessage().contains("[2, 4, 3]") && e.getMessage().contains("[6]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(flat, r(6)));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Losses.crossEntropy(flat, Tensor.ofInts(new int[] {0, 1, 2, 3, 4, 0}, 6)));
    }

    @Test
    void lossesHaveGradients() {
        Tensor t = Tensor.ofInts(new int[] {1, 0, 2, 2}, 4);
        GradCheck.check("crossEntropy", x -> Losses.crossEntropy(x[0], t, 0.1), r(4, 3));
        GradCheck.check("crossEntropy ignore", x -> Losses.crossEntropy(x[0], Tensor.ofInts(new int[] {1, -1, 2, 0},
                4), 0, -1), r(4, 3));
        GradCheck.check("crossEntropy [N,C,d]", x -> Losses.crossEntropy(x[0],
                Tensor.ofInts(new int[] {1, 0, 2, 2}, 2, 2), 0), r(2, 3, 2));
        GradCheck.check("nll", x -> Losses.nll(x[0].logSoftmax(1), t), r(4, 3));
        GradCheck.check("mse", x -> Losses.mse(x[0], x[1]), r(3, 2), r(3, 2));
        GradCheck.check("l1", x -> Losses.l1(x[0], x[1]), r(5), r(5));
        GradCheck.check("bceWithLogits", x -> Losses.bceWithLogits(x[0], x[1].sigmoid()), r(3, 2), r(3, 2));
        GradCheck.check("gaussianNll", x -> Losses.gaussianNll(x[0], x[1].exp(), x[2], 1e-6), r(3, 2), r(3, 2),
                r(3, 2));
        GradCheck.check("gaussianNll row variance", x -> Losses.gaussianNll(x[0], x[1].square().add(0.1), x[2]),
                r(3, 2), r(3), r(3, 2));
        GradCheck.check("klDiagonalGaussians", x -> Losses.klDiagonalGaussians(x[0], x[1], x[2], x[3]), r(2, 3),
                r(2, 3), r(2, 3), r(2, 3));
        GradCheck.check("klStandardNormal", x -> Losses.klStandardNormal(x[0], x[1]), r(2, 3), r(2, 3));
    }

    @Test
    void regressionAndDistributionLossesMatchTheirFormulas() {
        Tensor p = Tensor.of(new float[] {1, 2, 3}, 3);
        Tensor y = Tensor.of(new float[] {1, 0, 5}, 3);
        assertEquals((0 + 4 + 4) / 3.0, Losses.mse(p, y).item(), 1e-6);
        assertEquals((0 + 2 + 2) / 3.0, Losses.l1(p, y).item(), 1e-6);
        // stable for large logits: softplus(100) − 100·0 = 100, softplus(−100) ≈ 0
        Tensor big = Tensor.of(new float[] {100, -100}, 2);
        assertEquals(50, Losses.bceWithLogits(big, Tensor.of(new float[] {0, 0}, 2)).item(), 1e-4);
        double x = 0.3;
        double bce = -(0.7 * Math.log(1 / (1 + Math.exp(-x))) + 0.3 * Math.log(1 - 1 / (1 + Math.exp(-x))));
        assertEquals(bce, Losses.bceWithLogits(Tensor.of(new float[] {0.3f}, 1), Tensor.of(new float[] {0.7f}, 1))
                .item(), 1e-6);
        // gaussian NLL: ½(log v + (μ − y)²/v), v clamped below at eps
        Tensor var = Tensor.of(new float[] {0.5f, 2, 0}, 3);
        double expected = 0.5 * ((Math.log(0.5) + 0) + (Math.log(2) + 4 / 2.0) + (Math.log(0.01) + 4 / 0.01)) / 3;
        assertEquals(expected, Losses.gaussianNll(p, var, y, 0.01).item(), 1e-4);
        // KL(N(1, e^0.5) ‖ N(0, 1)) per dimension = ½(e^0.5 + 1 − 1 − 0.5); summed over 2 dims, mean over 2 rows
        Tensor mu = Tensor.of(new float[] {1, 1, 0, 0}, 2, 2);
        Tensor lv = Tensor.of(new float[] {0.5f, 0.5f, 0, 0}, 2, 2);
        double kl = 0.5 * (Math.exp(0.5) + 1 - 1 - 0.5);
        assertEquals(2 * kl / 2, Losses.klStandardNormal(mu, lv).item(), 1e-6);
        assertEquals(Losses.klStandardNormal(mu, lv).item(),
                Losses.klDiagonalGaussians(mu, lv, Tensor.zeros(2, 2), Tensor.zeros(2, 2)).item(), 1e-6);
        assertEquals(0, Losses.klDiagonalGaussians(mu, lv, mu, lv).item(), 1e-7);
        var e = assertThrows(IllegalArgumentException.class, () -> Losses.mse(p, Tensor.zeros(3, 1)));
        assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("[3, 1]"), e.getMessage());
    }

    @Test
    void gaussianNllClampDoesNotStopTheGradient() {
        Tensor var = Tensor.of(new float[] {1e-9f}, 1).requiresGrad(true);
        Losses.gaussianNll(Tensor.zeros(1), var, Tensor.zeros(1), 1e-3).backward();
        // d/dv ½ log v at the clamped value 1e-3, passed straight through
        assertEquals(0.5 / 1e-3, var.grad().item(), 1e-2);
    }
}
