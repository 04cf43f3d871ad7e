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

class LayersTest {
    private final Generator gen = new Generator(11);

    private Tensor r(int... shape) {
        return gen.normal(0, 1, shape);
    }

    @Test
    void functionalLayersHaveGradientsForInputsAndParameters() {
        GradCheck.check("linear", x -> Functional.linear(x[0], x[1], x[2]), r(2, 3, 4), r(5, 4), r(5));
        GradCheck.check("linear 1-d no bias", x -> Functional.linear(x[0], x[1], null), r(4), r(3, 4));
        GradCheck.check("layerNorm", x -> Functional.layerNorm(x[0], 1, x[1], x[2], 1e-5), r(3, 5), r(5), r(5));
        GradCheck.check("layerNorm 2 dims", x -> Functional.layerNorm(x[0], 2, x[1], null, 1e-5), r(2, 3, 4),
                r(3, 4));
        GradCheck.check("groupNorm", x -> Functional.groupNorm(x[0], 2, x[1], x[2], 1e-5), r(2, 4, 3), r(4), r(4));
        GradCheck.check("batchNorm train", x -> Functional.batchNorm(x[0], null, null, x[1], x[2], true, 0.1, 1e-5),
                r(4, 3, 2), r(3), r(3));
        Tensor rm = r(3);
        Tensor rv = r(3).abs().add(0.5);
        GradCheck.check("batchNorm eval", x -> Functional.batchNorm(x[0], rm, rv, x[1], x[2], false, 0.1, 1e-5),
                r(4, 3), r(3), r(3));
        GradCheck.check("dropout", x -> Functional.dropout(x[0], 0.3, true, new Generator(5)), r(4, 5));
        GradCheck.check("activations", x -> new Sequential(new GELU(), new Tanh(), new SiLU(), new Sigmoid(),
                new ReLU(), new LeakyReLU(0.1), new Identity()).forward(x[0]), r(6));
    }

    @Test
    void linearComputesXWtPlusBOnLeadingDimensionsWithPytorchInit() {
        Linear lin = new Linear(16, 3, gen);
        double bound = 1 / Math.sqrt(16);
        assertTrue(lin.weight().abs().max().item() <= bound && lin.bias().abs().max().item() <= bound);
        Tensor x = r(2, 5, 16);
        Tensor y = lin.forward(x);
        assertArrayEquals(new int[] {2, 5, 3}, y.shape());
        Tensor row = x.select(0, 1).select(0, 2);
        float[] expected = lin.weight().matmul(row).add(lin.bias()).toFloatArray();
        assertArrayEquals(expected, y.select(0, 1).select(0, 2).toFloatArray(), 1e-5f);
        y.sum().backward();
        assertNotNull(lin.weight().grad());
        assertArrayEquals(new float[] {10, 10, 10}, lin.bias().grad().toFloatArray(), 1e-5f);
        assertEquals(List.of("weight"), List.copyOf(new Linear(2, 2, false, gen).namedParameters().keySet()));
        var e = assertThrows(IllegalArgumentException.class, () -> lin.forward(r(4, 15)));
        assertTrue(e.getMessage().contains("[4, 15]") && e.getMessage().contains("[3, 16]"), e.getMessage());
    }

    @Test
    void embeddingLooksUpRows() {
        Embedding emb = new Embedding(10, 4, gen);
        Tensor ids = Tensor.ofInts(new int[] {3, 1, 3, 9, 0, 1}, 2, 3);
        Tensor out = emb.forward(ids);
        assertArrayEquals(new int[] {2, 3, 4}, out.shape());
        assertArrayEquals(emb.weight().select(0, 9).toFloatArray(), out.select(0, 1).select(0, 0).toFloatArray());
        out.sum().backward();
        float[] g = emb.weight().grad().toFloatArray();
        assertEquals(2, g[3 * 4], 0);
        assertEquals(0, g[2 * 4], 0);
        assertThrows(IllegalArgumentException.class, () -> emb.forward(r(2, 3)));
        assertThrows(IndexOutOfBoundsException.class, () -> emb.forward(Tensor.ofInts(new int[] {10}, 1)));
    }

    @Test
    void layerNormAndGroupNormStandardise() {
        LayerNorm ln = new LayerNorm(8);
        Tensor y = ln.forward(r(4, 8).mul(3).add(2));
        assertEquals(0, y.mean(1).abs().max().item(), 1e-5);
        assertEquals(0, y.var(1, false, false).sub(1).abs().max().item(), 1e-3);
        assertEquals(List.of("weight", "bias"), List.copyOf(ln.namedParameters().keySet()));
        assertTrue(new LayerNorm(8, 1e-5, false).namedParameters().isEmpty());
        var e = assertThrows(IllegalArgumentException.class, () -> ln.forward(r(4, 7)));
        assertTrue(e.getMessage().contains("[4, 7]") && e.getMessage().contains("[8]"), e.getMessage());
        GroupNorm gn = new GroupNorm(2, 4);
        Tensor z = gn.forward(r(3, 4, 5).mul(2).add(1)).reshape(3, 2, 10);
        assertEquals(0, z.mean(2).abs().max().item(), 1e-5);
        assertEquals(0, z.var(2, false, false).sub(1).abs().max().item(), 1e-3);
        assertThrows(IllegalArgumentException.class, () -> new GroupNorm(3, 4));
        assertThrows(IllegalArgumentException.class, () -> gn.forward(r(3, 5, 2)));
    }

    @Test
    void batchNormTracksRunningStatisticsAndUsesThemInEval() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor a = Tensor.of(new float[] {1, 10, 3, 20, 5, 30}, 3, 2);
        Tensor b = Tensor.of(new float[] {0, 4, 2, 8}, 2, 2);
        Tensor ya = bn.forward(a);
        bn.forward(b);
        // channel 0: batch means 3 and 1, unbiased variances 4 and 2; channel 1: 20, 6 and 100, 8
        double m0 = 0.9 * (0.1 * 3) + 0.1 * 1;
        double m1 = 0.9 * (0.1 * 20) + 0.1 * 6;
        double v0 = 0.9 * (0.9 + 0.1 * 4) + 0.1 * 2;
        double v1 = 0.9 * (0.9 + 0.1 * 100) + 0.1 * 8;
        assertArrayEquals(new float[] {(float) m0, (float) m1}, bn.runningMean().toFloatArray(), 1e-5f);
        assertArrayEquals(new float[] {(float) v0, (float) v1}, bn.runningVar().toFloatArray(), 1e-5f);
        assertEquals(2, bn.stateDict().get("num_batches_tracked").item());
        // training normalises with the biased batch variance
        assertEquals(-2 / Math.sqrt(8.0 / 3 + 1e-5), ya.toDoubleArray()[0], 1e-5);
        bn.eval();
        Tensor y = bn.forward(Tensor.of(new float[] {2, 7}, 1, 2));
        assertArrayEquals(new float[] {(float) ((2 - m0) / Math.sqrt(v0 + 1e-5)), (float) ((7 - m1) / Math.sqrt(v1 + 1e-5))},
                y.toFloatArray(), 1e-5f);
        assertEquals(List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"),
                List.copyOf(bn.stateDict().keySet()));
        BatchNorm2d bn2 = new BatchNorm2d(3);
        Tensor out = bn2.forward(r(4, 3, 2, 2).mul(5).add(3));
        assertEquals(0, out.mean(new int[] {0, 2, 3}, false).abs().max().item(), 1e-5);
        var e = assertThrows(IllegalArgumentException.class, () -> bn2.forward(r(4, 3, 5)));
        assertTrue(e.getMessage().contains("[4, 3, 5]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm1d(2).forward(r(1, 2)));
    }

    @Test
    void dropoutKeepsAtRateScalesAndIsOffInEval() {
        Dropout d = new Dropout(0.25, new Generator(3));
        Tensor x = Tensor.ones(20000);
        float[] y = d.forward(x).toFloatArray();
        int kept = 0;
        for (float v : y) {
            assertTrue(v == 0 || Math.abs(v - 1 / 0.75) < 1e-6, "value " + v);
            kept += v != 0 ? 1 : 0;
        }
        assertEquals(0.75, kept / 20000.0, 0.01);
        assertArrayEquals(Functional.dropout(x, 0.25, true, new Generator(3)).toFloatArray(), y);
        assertTrue(!java.util.Arrays.equals(y, d.forward(x).toFloatArray()), "each call draws a new mask");
        d.eval();
        assertTrue(d.forward(x) == x);
        assertEquals(0, Functional.dropout(x, 1, true, gen).sum().item());
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5, gen));
    }

    @Test
    void modulesBuiltFromOneGeneratorDropDifferentUnits() {
        Generator shared = new Generator(5);
        float[] a = Streams.child(shared, "dropout").rand(8).toFloatArray();
        float[] b = Streams.child(shared, "dropout").rand(8).toFloatArray();
        assertTrue(!java.util.Arrays.equals(a, b));
        assertArrayEquals(Streams.child(new Generator(5), "dropout").rand(8).toFloatArray(), a);
    }

    @Test
    void sequentialAndMlpNameChildrenByPosition() {
        Sequential s = new Sequential(new Linear(4, 3, gen), new ReLU(), new Linear(3, 2, gen));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(s.namedParameters().keySet()));
        assertArrayEquals(new int[] {5, 2}, s.forward(r(5, 4)).shape());
        MLP mlp = new MLP(new int[] {4, 8, 8, 2}, GELU::new, 0.1, gen);
        assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias", "6.weight", "6.bias"),
                List.copyOf(mlp.namedParameters().keySet()));
        assertTrue(mlp.get(1) instanceof GELU && mlp.get(2) instanceof Dropout && mlp.size() == 7);
        assertEquals(4 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2, mlp.parameterCount());
        mlp.eval();
        assertTrue(!mlp.get(2).isTraining());
        Tensor x = r(3, 4);
        Tensor expected = ((Linear) mlp.get(6)).forward(((Linear) mlp.get(3)).forward(((Linear) mlp.get(0))
                .forward(x).gelu()).gelu());
        assertArrayEquals(expected.toFloatArray(), mlp.forward(x).toFloatArray(), 1e-6f);
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"),
                List.copyOf(new MLP(new int[] {3, 5, 1}, Tanh::new, gen).namedParameters().keySet()));
        assertThrows(IllegalArgumentException.class, () -> new MLP(new int[] {3}, ReLU::new, gen));
    }
}
