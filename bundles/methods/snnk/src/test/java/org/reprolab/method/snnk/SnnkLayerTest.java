package org.reprolab.method.snnk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

class SnnkLayerTest {

    @Test
    void outputIsPsiTimesPhiAndGradientFlowsIntoWThroughPsi() {
        Generator gen = new Generator(5);
        SnnkLayer layer = new SnnkLayer(6, 3, 40, gen);
        Tensor x = gen.randn(4, 6);
        Tensor out = layer.forward(x);
        assertEquals(4, out.size(0));
        assertEquals(3, out.size(1));
        // One entry by hand: Σ_j relu(g_jᵀw_0)·relu(g_jᵀx_0)/m.
        float[] g = layer.inputFeatures(x).toFloatArray();
        float[] psi = layer.weightFeatures().toFloatArray();
        double byHand = 0;
        for (int j = 0; j < 40; j++) {
            byHand += psi[j] * g[j];
        }
        assertEquals(byHand, out.toFloatArray()[0], 1e-5);

        out.sum().backward();
        float[] grad = layer.weight().grad().toFloatArray();
        assertTrue(java.util.Arrays.stream(toDoubles(grad)).anyMatch(v -> v != 0), "W gets gradient");
        // ∂/∂W_ik of Σ_b Σ_i Σ_j ψ_ij φ_bj = Σ_j 1[g_jᵀw_i > 0]·g_jk/√m · Σ_b φ_bj, by hand.
        float[] proj = layer.projection().toFloatArray();
        float[] w = layer.weight().toFloatArray();
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 6; k++) {
                double expected = 0;
                for (int j = 0; j < 40; j++) {
                    double pre = 0;
                    for (int c = 0; c < 6; c++) {
                        pre += proj[j * 6 + c] * w[i * 6 + c];
                    }
                    double phiSum = 0;
                    for (int b = 0; b < 4; b++) {
                        phiSum += g[b * 40 + j];
                    }
                    expected += pre > 0 ? proj[j * 6 + k] / Math.sqrt(40) * phiSum : 0;
                }
                assertEquals(expected, grad[i * 6 + k], 1e-4 * Math.max(1, Math.abs(expected)), "∂/∂W[" + i + "][" + k + "]");
            }
        }
    }

    private static double[] toDoubles(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
