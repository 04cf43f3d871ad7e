package org.reprolab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprolab.tensor.backend.DType;

class CoreOpsTest {
    private final Generator gen = new Generator(7);

    private Tensor r(int... shape) {
        return gen.normal(0, 1, shape);
    }

    @Test
    void broadcastingArithmeticHasGradients() {
        GradCheck.check("add", x -> x[0].add(x[1]), r(3, 4), r(4));
        GradCheck.check("sub", x -> x[0].sub(x[1]), r(2, 1, 3), r(4, 1));
        GradCheck.check("mul", x -> x[0].mul(x[1]), r(3, 4), r(3, 1));
        GradCheck.check("div", x -> x[0].div(x[1].square().add(1)), r(3, 4), r(4));
        GradCheck.check("pow", x -> x[0].abs().add(0.5).pow(x[1]), r(3, 4), r(3, 4));
        GradCheck.check("maximum", x -> x[0].maximum(x[1]), r(5), r(5));
        GradCheck.check("minimum", x -> x[0].minimum(x[1]), r(2, 5), r(5));
        GradCheck.check("clamp", x -> x[0].clamp(-0.5, 0.5), r(10));
        GradCheck.check("atan2", x -> x[0].atan2(x[1]), r(6), r(6));
        GradCheck.check("rsub", x -> x[0].rsub(2), r(6));
    }

    @Test
    void unaryOpsHaveGradients() {
        GradCheck.check("neg", x -> x[0].neg(), r(6));
        GradCheck.check("abs", x -> x[0].abs(), r(6));
        GradCheck.check("exp", x -> x[0].exp(), r(6));
        GradCheck.check("log", x -> x[0].abs().add(0.1).log(), r(6));
        GradCheck.check("log1p", x -> x[0].abs().log1p(), r(6));
        GradCheck.check("sqrt", x -> x[0].abs().add(0.1).sqrt(), r(6));
        GradCheck.check("rsqrt", x -> x[0].abs().add(0.5).rsqrt(), r(6));
        GradCheck.check("reciprocal", x -> x[0].abs().add(0.5).reciprocal(), r(6));
        GradCheck.check("square", x -> x[0].square(), r(6));
        GradCheck.check("sin", x -> x[0].sin(), r(6));
        GradCheck.check("cos", x -> x[0].cos(), r(6));
        GradCheck.check("tanh", x -> x[0].tanh(), r(6));
        GradCheck.check("sigmoid", x -> x[0].sigmoid(), r(6));
        GradCheck.check("relu", x -> x[0].relu(), r(6));
        GradCheck.check("gelu", x -> x[0].gelu(), r(6));
        GradCheck.check("silu", x -> x[0].silu(), r(6));
        GradCheck.check("softplus", x -> x[0].softplus(), r(6));
    }

    @Test
    void reductionsHaveGradients() {
        GradCheck.check("sum", x -> x[0].sum(), r(3, 4));
        GradCheck.check("sum dim", x -> x[0].sum(1), r(3, 4, 2));
        GradCheck.check("sum dims keep", x -> x[0].sum(new int[] {0, 2}, true), r(3, 4, 2));
        GradCheck.check("mean", x -> x[0].mean(0), r(3, 4));
        GradCheck.check("max", x -> x[0].max(1, false), r(3, 5));
        GradCheck.check("min", x -> x[0].min(0, true), r(3, 5));
        GradCheck.check("logsumexp", x -> x[0].logsumexp(1, false), r(3, 5));
        GradCheck.check("var", x -> x[0].var(1, false, true), r(3, 5));
        GradCheck.check("std", x -> x[0].std(0, true, false), r(4, 3));
        GradCheck.check("cumsum", x -> x[0].cumsum(1), r(3, 5));
    }

    @Test
    void matmulSoftmaxAndViewsHaveGradients() {
        GradCheck.check("matmul", x -> x[0].matmul(x[1]), r(3, 4), r(4, 5));
        GradCheck.check("batched matmul broadcast", x -> x[0].matmul(x[1]), r(2, 3, 4), r(4, 2));
        GradCheck.check("matmul vector", x -> x[0].matmul(x[1]), r(4), r(4, 3));
        GradCheck.check("matmul transposed", x -> x[0].t().matmul(x[1].t()), r(4, 3), r(5, 4));
        GradCheck.check("matmulTransposed", x -> x[0].matmulTransposed(x[1]), r(3, 4), r(5, 4));
        GradCheck.check("softmax", x -> x[0].softmax(-1), r(3, 5));
        GradCheck.check("softmax dim0", x -> x[0].softmax(0), r(3, 5));
        GradCheck.check("logSoftmax", x -> x[0].logSoftmax(1), r(3, 5));
        GradCheck.check("layerNorm", x -> x[0].layerNorm(x[1], x[2], 1e-5), r(2, 3, 5), r(5), r(5));
        GradCheck.check("layerNorm plain", x -> x[0].layerNorm(null, null, 1e-5), r(4, 6));
        GradCheck.check("reshape", x -> x[0].reshape(4, 3).mul(x[0].reshape(4, 3)), r(3, 4));
        GradCheck.check("permute", x -> x[0].permute(2, 0, 1).contiguous(), r(2, 3, 4));
        GradCheck.check("slice", x -> x[0].slice(1, 1, 5, 2).mul(2), r(3, 6));
        GradCheck.check("narrow", x -> x[0].narrow(0, 1, 2).exp(), r(4, 2));
        GradCheck.check("expand", x -> x[0].expand(3, 4).mul(x[1]), r(1, 4), r(3, 4));
        GradCheck.check("unsqueeze", x -> x[0].unsqueeze(1).squeeze(1).sin(), r(3));
        GradCheck.check("flatten", x -> x[0].flatten(1, 2).mul(x[0].flatten(1, 2)), r(2, 3, 4));
        GradCheck.check("select", x -> x[0].select(1, 2).exp(), r(3, 4));
        GradCheck.check("chunk", x -> x[0].chunk(2, 1)[1].square(), r(3, 4));
        GradCheck.check("transpose", x -> x[0].transpose(0, 2).contiguous().mul(2), r(2, 3, 4));
    }

    @Test
    void indexingOpsHaveGradients() {
        Tensor idx = Tensor.ofInts(new int[] {2, 0, 1, 1, 0, 2}, 2, 3);
        GradCheck.check("gather", x -> x[0].gather(1, idx), r(2, 3));
        GradCheck.check("scatterAdd", x -> x[0].scatterAdd(1, idx, x[1]), r(2, 3), r(2, 3));
        GradCheck.check("indexSelect", x -> x[0].indexSelect(0, Tensor.ofInts(new int[] {1, 1, 0}, 3)), r(2, 4));
        GradCheck.check("cat", x -> Tensor.cat(1, x[0], x[1]), r(2, 3), r(2, 2));
        GradCheck.check("stack", x -> Tensor.stack(0, x[0], x[1]), r(2, 3), r(2, 3));
        GradCheck.check("split", x -> x[0].split(1, 1, 3)[1].mul(3), r(2, 4));
        GradCheck.check("where", x -> x[0].where(x[0].gt(0), x[1]), r(3, 4), r(4));
        GradCheck.check("sort", x -> x[0].sort(true), r(3, 5));
        GradCheck.check("topk", x -> x[0].topk(2, true)[0], r(3, 5));
        GradCheck.check("maskedFill", x -> x[0].maskedFill(x[0].lt(0), 0), r(8));
    }

    @Test
    void valuesMatchReference() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, a.t().contiguous().toFloatArray());
        assertArrayEquals(new float[] {6, 15}, a.sum(1).toFloatArray());
        assertArrayEquals(new int[] {2, 2}, a.argmax(1).toIntArray());
        assertArrayEquals(new float[] {14, 32, 32, 77}, a.matmul(a.t()).toFloatArray());
        assertArrayEquals(new float[] {1, 3, 6, 4, 9, 15}, a.cumsum(1).toFloatArray());
        assertArrayEquals(new float[] {4, 0, 2}, Tensor.zeros(3).scatterAdd(0, Tensor.ofInts(new int[] {0, 2, 0}, 3),
                Tensor.of(new float[] {1, 2, 3}, 3)).toFloatArray());
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 1}, Tensor.ofInts(new int[] {1, 2}, 2).oneHot(3).toFloatArray());
        Tensor[] top = Tensor.of(new float[] {3, 1, 4, 1, 5}, 5).topk(3, true);
        assertArrayEquals(new float[] {5, 4, 3}, top[0].toFloatArray());
        assertArrayEquals(new int[] {4, 2, 0}, top[1].toIntArray());
        assertArrayEquals(new int[] {1, 3, 0, 2, 4}, Tensor.of(new float[] {3, 1, 4, 1, 5}, 5).argsort(false).toIntArray());
        // mixed signs (negative floats' keys once sorted after the positive ones)
        Tensor mixed = Tensor.of(new float[] {3, -1, 0, -5, 2, -0f}, 6);
        assertArrayEquals(new float[] {-5, -1, -0f, 0, 2, 3}, mixed.sort(false).toFloatArray());
        assertArrayEquals(new int[] {0, 4, 2, 5, 1, 3}, mixed.argsort(true).toIntArray());
        float[] sm = Tensor.of(new float[] {1, 2, 3}, 3).softmax(0).toFloatArray();
        assertEquals(1.0, sm[0] + sm[1] + sm[2], 1e-6);
        assertEquals(Math.exp(1) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), sm[0], 1e-6);
        assertEquals(0.8413447, Tensor.scalar(1).gelu().item() / 1.0, 1e-6);
    }

    @Test
    void float32FastPathsMatchTheFloat64Reference() {
        // 1003 elements: the SIMD loops and their scalar tails both run
        Tensor x = gen.normal(0, 2, 1003);
        Tensor g = gen.normal(0, 1, 1003);
        java.util.Map<String, java.util.function.Function<Tensor, Tensor>> ops = new java.util.LinkedHashMap<>();
        ops.put("exp", Tensor::exp);
        ops.put("tanh", Tensor::tanh);
        ops.put("sigmoid", Tensor::sigmoid);
        ops.put("silu", Tensor::silu);
        ops.put("gelu", Tensor::gelu);
        ops.put("relu", Tensor::relu);
        ops.put("softmax", t -> t.reshape(17, 59).softmax(-1));
        ops.put("logSoftmax", t -> t.reshape(17, 59).logSoftmax(-1));
        ops.put("maximum", t -> t.maximum(g));
        ops.put("layerNorm", t -> t.reshape(17, 59).layerNorm(null, null, 1e-5));
        for (var e : ops.entrySet()) {
            float[] fast = e.getValue().apply(x).toFloatArray();
            double[] reference = e.getValue().apply(x.to(DType.FLOAT64)).toDoubleArray();
            for (int i = 0; i < fast.length; i++) {
                assertEquals(reference[i], fast[i], 2e-6 * Math.max(1, Math.abs(reference[i])), e.getKey() + "[" + i + "]");
            }
        }
        for (String act : new String[] {"gelu", "tanh", "sigmoid", "relu", "softmax", "layerNorm"}) {
            float[] fast = null;
            double[] reference = null;
            for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                Tensor leaf = x.to(dtype).copy().detach().requiresGrad(true);
                Tensor out = ops.get(act).apply(leaf);
                out.mul(g.to(dtype).reshape(out.shape())).sum().backward();
                if (dtype == DType.FLOAT32) {
                    fast = leaf.grad().toFloatArray();
                } else {
                    reference = leaf.grad().toDoubleArray();
                }
            }
            for (int i = 0; i < fast.length; i++) {
                assertEquals(reference[i], fast[i], 2e-6 * Math.max(1, Math.abs(reference[i])), act + "' [" + i + "]");
            }
        }
    }

    @Test
    void devicesAreExplicit() {
        Tensor x = Tensor.of(new float[] {1, 2}, 2);
        assertTrue(x.to(org.reprolab.tensor.backend.Device.JVM) == x);
        var e = assertThrows(IllegalArgumentException.class,
                () -> x.to(org.reprolab.tensor.backend.Device.parse("cuda:0")));
        assertTrue(e.getMessage().contains("cuda"), e.getMessage());
        Tensor other = x.to(new org.reprolab.tensor.jvm.JvmBackend(1));
        assertArrayEquals(x.toFloatArray(), other.toFloatArray());
        var mixed = assertThrows(IllegalArgumentException.class, () -> x.add(other));
        assertTrue(mixed.getMessage().contains("different devices") || mixed.getMessage().contains("to("),
                mixed.getMessage());
    }

    @Test
    void masksCombine() {
        Tensor a = Tensor.ofBools(new boolean[] {true, true, false, false}, 4);
        Tensor b = Tensor.ofBools(new boolean[] {true, false, true, false}, 4);
        assertArrayEquals(new int[] {1, 0, 0, 0}, a.logicalAnd(b).toIntArray());
        assertArrayEquals(new int[] {1, 1, 1, 0}, a.logicalOr(b).toIntArray());
        assertArrayEquals(new int[] {0, 0, 1, 1}, a.logicalNot().toIntArray());
        assertEquals(DType.BOOL, a.logicalAnd(b).dtype());
        assertThrows(IllegalArgumentException.class, () -> a.logicalAnd(Tensor.zeros(4)));
    }

    @Test
    void erfMatchesKnownValues() {
        // erf at 0.3, 0.7, 2.5 and 5 (the three branches of Cody's approximation), as Python's math.erf gives them
        double[] x = {0.3, 0.7, 2.5, 5.0};
        double[] erf = {0.3286267594591274, 0.6778011938374184, 0.999593047982555, 0.9999999999984626};
        for (int i = 0; i < x.length; i++) {
            assertEquals(erf[i], org.reprolab.tensor.backend.UnaryOp.erf(x[i]), 1e-14);
            assertEquals(-erf[i], org.reprolab.tensor.backend.UnaryOp.erf(-x[i]), 1e-14);
        }
    }

    @Test
    void shapeErrorsNameBothShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).add(Tensor.zeros(4)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"), e.getMessage());
        var m = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)));
        assertTrue(m.getMessage().contains("[2, 3]") && m.getMessage().contains("[4, 5]"), m.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(4, 2));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Tensor.zeros(2, 3).gather(1, Tensor.ofInts(new int[] {0, 3}, 2, 1)));
    }

    @Test
    void gradientsAccumulateAndNoGradRecordsNothing() {
        Tensor w = Tensor.of(new float[] {1, 2}, 2).requiresGrad(true);
        w.mul(3).sum().backward();
        w.mul(3).sum().backward();
        assertArrayEquals(new float[] {6, 6}, w.grad().toFloatArray());
        try (var ignored = Autograd.noGrad()) {
            assertTrue(!w.mul(2).requiresGrad());
        }
        assertThrows(IllegalStateException.class, () -> w.fill(0));
    }

    @Test
    void leavesNeverShareAGradientTensor() {
        // addition hands the same gradient tensor to both inputs: each leaf must get its own
        Tensor a = Tensor.of(new float[] {1, 2}, 2).requiresGrad(true);
        Tensor b = Tensor.of(new float[] {3, 4}, 2).requiresGrad(true);
        a.add(b).sum().backward();
        try (var ignored = Autograd.noGrad()) {
            a.grad().mulInPlace(3);
        }
        assertArrayEquals(new float[] {3, 3}, a.grad().toFloatArray());
        assertArrayEquals(new float[] {1, 1}, b.grad().toFloatArray());
        Tensor seed = Tensor.of(new float[] {5, 6}, 2);
        Tensor c = Tensor.of(new float[] {1, 1}, 2).requiresGrad(true);
        c.backward(seed);
        try (var ignored = Autograd.noGrad()) {
            c.grad().mulInPlace(2);
        }
        assertArrayEquals(new float[] {5, 6}, seed.toFloatArray());
    }

    @Test
    void customFunctionStraightThrough() {
        Tensor x = Tensor.of(new float[] {0.4f, 1.6f}, 2).requiresGrad(true);
        Tensor q = new Function() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0].round();
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {g};
            }
        }.apply(x);
        assertArrayEquals(new float[] {0, 2}, q.toFloatArray());
        q.mul(Tensor.of(new float[] {5, 7}, 2)).sum().backward();
        assertArrayEquals(new float[] {5, 7}, x.grad().toFloatArray());
    }

    @Test
    void randomDrawsAreSeededAndDistributed() {
        float[] a = new Generator(3).randn(1000).toFloatArray();
        float[] b = new Generator(3).randn(1000).toFloatArray();
        assertArrayEquals(a, b);
        Tensor n = new Generator(5).randn(20000);
        assertEquals(0, n.mean().item(), 0.03);
        assertEquals(1, n.std(0, false, true).item(), 0.03);
        Tensor u = new Generator(5).rand(20000);
        assertEquals(0.5, u.mean().item(), 0.01);
        int[] perm = new Generator(1).permutation(50).toIntArray();
        assertEquals(50, java.util.Arrays.stream(perm).distinct().count());
        Tensor probs = Tensor.of(new float[] {0.1f, 0.0f, 0.9f}, 1, 3).expand(4000, 3);
        int[] draws = new Generator(2).categorical(probs).toIntArray();
        long twos = java.util.Arrays.stream(draws).filter(d -> d == 2).count();
        assertEquals(0, java.util.Arrays.stream(draws).filter(d -> d == 1).count());
        assertEquals(0.9, twos / 4000.0, 0.02);
        Tensor ints = new Generator(4).randint(3, 7, 1000);
        assertEquals(DType.INT32, ints.dtype());
        assertTrue(ints.min().item() >= 3 && ints.max().item() <= 6);
    }
}
