package org.reprolab.method.latentquantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/** The specification's quantiser invariants: membership, straight-through, and which term moves the codebook. */
class QuantiserTest {

    @Test
    void quantisedValuesAreMembersOfTheirOwnCodebookAndNearest() {
        ScalarCodebooks q = new ScalarCodebooks(3, 5);
        Tensor zc = new Generator(1).uniform(-1, 1, 16, 3);
        float[] z = zc.toFloatArray();
        float[] zq = q.quantise(zc).quantised().contiguous().toFloatArray();
        float[] v = q.values().toFloatArray();
        for (int t = 0; t < 16; t++) {
            for (int j = 0; j < 3; j++) {
                float best = Float.NaN;
                for (int k = 0; k < 5; k++) {
                    if (Float.isNaN(best) || Math.abs(z[t * 3 + j] - v[j * 5 + k]) < Math.abs(z[t * 3 + j] - best)) {
                        best = v[j * 5 + k];
                    }
                }
                assertEquals(best, zq[t * 3 + j], 0);
            }
        }
        assertArrayEquals(new float[] {-0.5f, -0.25f, 0f, 0.25f, 0.5f}, java.util.Arrays.copyOf(v, 5), 1e-7f);
    }

    @Test
    void straightThroughForwardsZqAndPassesTheIdentityGradient() {
        ScalarCodebooks q = new ScalarCodebooks(2, 4);
        Tensor zc = new Generator(2).uniform(-1, 1, 5, 2).requiresGrad(true);
        Quantised quantised = q.quantise(zc);
        Tensor z = quantised.straightThrough();
        assertArrayEquals(quantised.quantised().contiguous().toFloatArray(), z.contiguous().toFloatArray(), 0);
        Tensor weights = new Generator(3).randn(5, 2);
        z.mul(weights).sum().backward();
        assertArrayEquals(weights.toFloatArray(), zc.grad().toFloatArray(), 1e-6f);
        assertNull(q.values().grad(), "the reconstruction path must not reach the codebook");
    }

    @Test
    void codebookValuesGetGradientsOnlyFromTheQuantisationTerm() {
        ScalarCodebooks q = new ScalarCodebooks(2, 4);
        Tensor zc = new Generator(4).uniform(-1, 1, 6, 2).requiresGrad(true);
        q.quantise(zc).commitmentLoss().backward();
        assertNull(q.values().grad(), "commitment must not move the codebook");
        assertTrue(zc.grad() != null);
        q.quantise(zc.detach()).quantisationLoss().backward();
        double norm = 0;
        for (float g : q.values().grad().toFloatArray()) {
            norm += g * g;
        }
        assertTrue(norm > 0, "quantisation term must move the codebook");
    }

    @Test
    void globalCodebookReplacesTheWholeCodeByOneOfItsVectors() {
        GlobalCodebook vq = new GlobalCodebook(3, 4, new Generator(5));
        Quantised q = vq.quantise(new Generator(6).randn(7, 3));
        assertArrayEquals(new int[] {7, 3}, q.quantised().shape());
        assertEquals(7, q.index().numel());
    }
}
