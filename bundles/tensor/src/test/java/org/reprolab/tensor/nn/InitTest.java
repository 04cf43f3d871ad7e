package org.reprolab.tensor.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

class InitTest {

    private static double std(Tensor t) {
        return t.flatten().std(0, false, false).item();
    }

    private static double maxAbs(Tensor t) {
        return t.abs().max().item();
    }

    @Test
    void kaimingAndXavierHaveTheirVariances() {
        Generator gen = new Generator(1);
        Tensor w = Tensor.zeros(256, 128);
        Init.kaimingNormal(w, gen);
        assertEquals(Math.sqrt(2.0 / 128), std(w), 0.03 * Math.sqrt(2.0 / 128));
        Init.kaimingNormal(w, 0, Init.Fan.OUT, Init.Nonlinearity.RELU, gen);
        assertEquals(Math.sqrt(2.0 / 256), std(w), 0.03 * Math.sqrt(2.0 / 256));
        Init.kaimingUniform(w, gen);
        double bound = Math.sqrt(2.0) * Math.sqrt(3.0 / 128);
        assertTrue(maxAbs(w) <= bound && maxAbs(w) > 0.98 * bound);
        Init.xavierUniform(w, gen);
        double xb = Math.sqrt(6.0 / (128 + 256));
        assertTrue(maxAbs(w) <= xb && maxAbs(w) > 0.98 * xb);
        Init.xavierNormal(w, 2.0, gen);
        assertEquals(2 * Math.sqrt(2.0 / 384), std(w), 0.03 * 2 * Math.sqrt(2.0 / 384));
        // conv-shaped weights count the receptive field in both fans
        assertArrayEquals(new int[] {4 * 9, 8 * 9}, Init.fans(Tensor.zeros(8, 4, 3, 3)));
        assertEquals(Math.sqrt(2 / 1.0001), Init.gain(Init.Nonlinearity.LEAKY_RELU), 1e-12);
        assertEquals(5.0 / 3, Init.gain(Init.Nonlinearity.TANH), 1e-12);
    }

    @Test
    void orthogonalGivesOrthonormalRowsOrColumns() {
        Generator gen = new Generator(2);
        Tensor tall = Init.orthogonal(Tensor.zeros(6, 4), gen);
        assertIdentity(tall.t().matmul(tall), 4);
        Tensor wide = Init.orthogonal(Tensor.zeros(3, 7), 1, gen);
        assertIdentity(wide.matmul(wide.t()), 3);
        Tensor conv = Init.orthogonal(Tensor.zeros(4, 2, 3), 2.0, gen).reshape(4, 6);
        Tensor gram = conv.matmul(conv.t()).div(4);
        assertIdentity(gram, 4);
    }

    private static void assertIdentity(Tensor m, int n) {
        float[] v = m.toFloatArray();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(i == j ? 1 : 0, v[i * n + j], 1e-5, "entry " + i + "," + j);
            }
        }
    }

    @Test
    void simpleInitializersAndDeterminism() {
        Tensor t = Tensor.zeros(3, 3);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, Init.ones(t).toFloatArray());
        assertEquals(0, Init.zeros(t).abs().sum().item());
        assertEquals(7, Init.constant(t, 7).mean().item(), 1e-6);
        float[] a = Init.uniform(Tensor.zeros(50), -2, 3, new Generator(9)).toFloatArray();
        float[] b = Init.uniform(Tensor.zeros(50), -2, 3, new Generator(9)).toFloatArray();
        assertArrayEquals(a, b);
        for (float x : a) {
            assertTrue(x >= -2 && x < 3);
        }
        Tensor tn = Init.truncatedNormal(Tensor.zeros(2000), 0, 1, -1, 1, new Generator(4));
        assertTrue(tn.min().item() >= -1 && tn.max().item() <= 1);
        // the variance of N(0,1) truncated to [−1, 1] is 1 − 2φ(1)/(Φ(1) − Φ(−1)) ≈ 0.291
        assertEquals(0.291, tn.var(0, false, false).item(), 0.03);
        Tensor n = Init.normal(Tensor.zeros(4000), 3, 0.5, new Generator(4));
        assertEquals(3, n.mean().item(), 0.03);
        var e = assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform(Tensor.zeros(5), new Generator(1)));
        assertTrue(e.getMessage().contains("[5]"), e.getMessage());
    }

    @Test
    void initializersWorkOnParametersOutsideTheGraph() {
        Tensor p = Tensor.zeros(4, 4).requiresGrad(true);
        Init.kaimingUniform(p, new Generator(3));
        assertTrue(p.abs().sum().item() > 0);
        assertTrue(p.requiresGrad() && p.gradFn() == null);
    }
}
