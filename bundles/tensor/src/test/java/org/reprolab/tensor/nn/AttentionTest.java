package org.reprolab.tensor.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.tensor.GradCheck;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;

class AttentionTest {
    private final Generator gen = new Generator(21);

    private Tensor r(int... shape) {
        return gen.normal(0, 1, shape);
    }

    @Test
    void masksBlockWhatTheySay() {
        assertArrayEquals(new int[] {0, 1, 1, 0, 0, 1, 0, 0, 0}, Masks.causal(3).toIntArray());
        assertEquals(DType.BOOL, Masks.causal(3).dtype());
        // blocks of 2 over 5 positions: {0,1} {2,3} {4}
        assertArrayEquals(new int[] {
            0, 0, 1, 1, 1,
            0, 0, 1, 1, 1,
            0, 0, 0, 0, 1,
            0, 0, 0, 0, 1,
            0, 0, 0, 0, 0}, Masks.blockCausal(5, 2).toIntArray());
        assertArrayEquals(Masks.causal(4).toIntArray(), Masks.blockCausal(4, 1).toIntArray());
        Tensor pad = Masks.keyPadding(new int[] {2, 3}, 3);
        assertArrayEquals(new int[] {2, 1, 1, 3}, pad.shape());
        assertArrayEquals(new int[] {0, 0, 1, 0, 0, 0}, pad.toIntArray());
        Tensor both = Masks.union(Masks.causal(3), pad);
        assertArrayEquals(new int[] {2, 1, 3, 3}, both.shape());
        assertArrayEquals(new int[] {0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0}, both.toIntArray());
    }

    @Test
    void attentionHasGradientsForInputsAndAllParameters() {
        Tensor mask = Masks.causal(3);
        GradCheck.check("sdpa masked", x -> Functional.scaledDotProductAttention(x[0], x[1], x[2], mask, 0, false,
                null), r(2, 3, 4), r(2, 3, 4), r(2, 3, 5));
        GradCheck.check("mha self", x -> Functional.multiHeadAttention(x[0], x[0], x[0], mask, 2, x[1], x[2], x[3],
                x[4], 0, false, null), r(2, 3, 4), r(12, 4), r(12), r(4, 4), r(4));
        GradCheck.check("mha cross", x -> Functional.multiHeadAttention(x[0], x[1], x[1], null, 2, x[2], x[3], x[4],
                null, 0, false, null), r(2, 2, 4), r(2, 3, 4), r(12, 4), r(12), r(4, 4));
        GradCheck.check("mha q,k,v apart", x -> Functional.multiHeadAttention(x[0], x[1], x[2], null, 1, x[3], null,
                x[4], x[5], 0, false, null), r(3, 4), r(2, 4), r(2, 4), r(12, 4), r(4, 4), r(4));
        GradCheck.check("sdpa dropout", x -> Functional.scaledDotProductAttention(x[0], x[1], x[2], null, 0.3, true,
                new Generator(4)), r(1, 3, 4), r(1, 3, 4), r(1, 3, 2));
    }

    @Test
    void fusedSelfAttentionMatchesSeparateProjections() {
        MultiHeadAttention mha = new MultiHeadAttention(8, 2, gen);
        Tensor x = r(2, 4, 8);
        Tensor fused = mha.forward(x);
        Tensor apart = mha.forward(x, x.copy(), x.copy(), null);
        Tensor kv = x.copy();
        Tensor shared = mha.forward(x, kv, kv, null);
        assertArrayEquals(fused.toFloatArray(), apart.toFloatArray(), 1e-5f);
        assertArrayEquals(fused.toFloatArray(), shared.toFloatArray(), 1e-5f);
        // one head, no mask, by hand: softmax(q kᵀ/√d) v through the projections
        MultiHeadAttention one = new MultiHeadAttention(8, 1, gen);
        Tensor[] w = one.namedParameters().get("in_proj_weight").chunk(3, 0);
        Tensor[] b = one.namedParameters().get("in_proj_bias").chunk(3, 0);
        Tensor q = x.matmul(w[0].t()).add(b[0]);
        Tensor k = x.matmul(w[1].t()).add(b[1]);
        Tensor v = x.matmul(w[2].t()).add(b[2]);
        Tensor attn = q.matmul(k.t()).div(Math.sqrt(8)).softmax(-1).matmul(v);
        Linear out = (Linear) one.children().get("out_proj");
        assertArrayEquals(out.forward(attn).toFloatArray(), one.forward(x).toFloatArray(), 1e-5f);
        assertEquals(List.of("in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"),
                List.copyOf(one.namedParameters().keySet()));
        assertEquals(0, out.bias().abs().sum().item());
        assertArrayEquals(new int[] {4, 8}, mha.forward(x.select(0, 0)).shape());
    }

    /** Changes token {@code changed} of x (randomly: LayerNorm hides a constant shift) and reports which outputs moved. */
    private static boolean[] moved(java.util.function.UnaryOperator<Tensor> f, Tensor x, int changed) {
        Tensor before = f.apply(x);
        Tensor x2 = x.copy();
        x2.narrow(1, changed, 1).addInPlace(new Generator(8).normal(0, 1, 1, 1, x.size(2)));
        Tensor after = f.apply(x2);
        boolean[] out = new boolean[x.size(1)];
        for (int t = 0; t < out.length; t++) {
            out[t] = after.select(1, t).sub(before.select(1, t)).abs().max().item() > 1e-6;
        }
        return out;
    }

    @Test
    void causalAndBlockCausalMasksKeepTheFutureOut() {
        MultiHeadAttention mha = new MultiHeadAttention(8, 2, gen);
        Tensor x = r(2, 6, 8);
        assertArrayEquals(new boolean[] {false, false, false, true, true, true},
                moved(t -> mha.forward(t, Masks.causal(6)), x, 3));
        assertArrayEquals(new boolean[] {false, false, true, true, true, true},
                moved(t -> mha.forward(t, Masks.blockCausal(6, 2)), x, 3));
        assertArrayEquals(new boolean[] {true, true, true, true, true, true}, moved(mha::forward, x, 3));
        // a per-batch, per-head mask of full rank
        Tensor full = Masks.causal(6).reshape(1, 1, 6, 6).expand(2, 2, 6, 6);
        assertArrayEquals(mha.forward(x, Masks.causal(6)).toFloatArray(), mha.forward(x, full).toFloatArray(), 1e-6f);
        var e = assertThrows(IllegalArgumentException.class, () -> mha.forward(x, Masks.causal(5)));
        assertTrue(e.getMessage().contains("[5, 5]") && e.getMessage().contains("[2, 2, 6, 6]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> mha.forward(x, Tensor.zeros(6, 6)));
        var s = assertThrows(IllegalArgumentException.class, () -> mha.forward(r(2, 6, 7)));
        assertTrue(s.getMessage().contains("[2, 6, 7]"), s.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MultiHeadAttention(8, 3, gen));
    }

    @Test
    void transformerBlockIsPreLnCausalAndTrainsEveryParameter() {
        TransformerBlock block = new TransformerBlock(8, 2, 16, 0.1, true, gen);
        assertEquals(List.of("ln1.weight", "ln1.bias", "attn.in_proj_weight", "attn.in_proj_bias",
                "attn.out_proj.weight", "attn.out_proj.bias", "ln2.weight", "ln2.bias", "ffn.0.weight", "ffn.0.bias",
                "ffn.3.weight", "ffn.3.bias"), List.copyOf(block.namedParameters().keySet()));
        Tensor x = r(2, 5, 8);
        Tensor y = block.forward(x);
        assertArrayEquals(new int[] {2, 5, 8}, y.shape());
        y.square().mean().backward();
        block.namedParameters().forEach((name, p) -> assertNotNull(p.grad(), name));
        block.eval();
        assertArrayEquals(new boolean[] {false, false, true, true, true}, moved(block::forward, x, 2));
        // an extra padding mask is combined with the causal one
        Tensor pad = Masks.keyPadding(new int[] {5, 3}, 5);
        Tensor masked = block.forward(x, pad);
        Tensor x2 = x.copy();
        x2.narrow(0, 1, 1).narrow(1, 3, 2).addInPlace(r(1, 2, 8));
        assertArrayEquals(masked.select(0, 1).narrow(0, 0, 3).toFloatArray(),
                block.forward(x2, pad).select(0, 1).narrow(0, 0, 3).toFloatArray(), 1e-6f);
        // by hand: x + attn(ln1(x)), then + ffn(ln2(·)), in eval mode
        TransformerBlock plain = new TransformerBlock(8, 2, 16, 0, false, gen);
        var c = plain.children();
        Tensor h = x.add(c.get("attn").forward(c.get("ln1").forward(x)));
        Tensor expected = h.add(c.get("ffn").forward(c.get("ln2").forward(h)));
        assertArrayEquals(expected.toFloatArray(), plain.forward(x).toFloatArray(), 1e-5f);
    }
}
