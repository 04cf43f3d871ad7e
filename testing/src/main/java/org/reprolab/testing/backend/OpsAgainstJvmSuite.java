package org.reprolab.testing.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.BinaryOp;
import org.reprolab.tensor.backend.CounterRng;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.ReduceOp;
import org.reprolab.tensor.backend.UnaryOp;
import org.reprolab.tensor.backend.View;

/**
 * Every Backend method on an accelerator against the JVM backend (the reference), on random inputs with
 * non-contiguous, broadcast, offset and edge-sized views, each op with its own error bound. A backend bundle's
 * test extends it and opens its device; skipped only when the machine has no such device.
 */
public abstract class OpsAgainstJvmSuite extends DeviceComparisonSuite {
    @Override
    protected void afterClose(String label) {
        Twins.WORST.forEach((op, err) -> System.out.printf("%s-vs-jvm %-28s max error %.3g%n", label, op, err));
        Twins.WORST.clear();
    }

    private static Twins twins(long seed) {
        return new Twins(jvm, cl, seed);
    }

    // ---- transfer, copy, fill ------------------------------------------------------------------------------

    @Test
    void writesAndReadsConvertAsTheJvmDoes() {
        Twins t = twins(1);
        double[] v = {1.7, -2.9, 0, Double.NaN, 3e9, -0.5};
        for (DType dtype : DType.values()) {
            Twins.Twin x = t.of(dtype, v, new int[] {2, 3}, new int[] {3, 1}, 0);
            assertArrayEquals(jvm.readInts(x.jvm()), cl.readInts(x.cl()), dtype + " readInts");
            assertArrayEquals(jvm.readFloats(x.jvm()), cl.readFloats(x.cl()), dtype + " readFloats");
            assertArrayEquals(jvm.readDoubles(x.jvm()), cl.readDoubles(x.cl()), dtype + " readDoubles");
            // a transposed (non-contiguous) read goes through a device copy first
            View tj = new View(x.jvm().storage(), new int[] {3, 2}, new int[] {1, 3}, 0);
            View tc = new View(x.cl().storage(), new int[] {3, 2}, new int[] {1, 3}, 0);
            assertArrayEquals(jvm.readDoubles(tj), cl.readDoubles(tc), dtype + " strided read");
            var sj = jvm.allocate(dtype, 4);
            var sc = cl.allocate(dtype, 4);
            jvm.write(sj, 1, new float[] {2.5f, -1f});
            cl.write(sc, 1, new float[] {2.5f, -1f});
            jvm.write(sj, 3, new int[] {7});
            cl.write(sc, 3, new int[] {7});
            assertArrayEquals(jvm.readDoubles(View.contiguous(sj, new int[] {4})),
                    cl.readDoubles(View.contiguous(sc, new int[] {4})), dtype + " partial writes");
        }
        Twins.record("write/read", 0);
    }

    @Test
    void copyConvertsBetweenEveryPairOfDtypes() {
        Twins t = twins(2);
        for (DType from : DType.values()) {
            for (DType to : DType.values()) {
                Twins.Twin x = t.transposed(from, -40, 40, 3, 5, 4);
                Twins.Twin y = t.zeros(to, 3, 5, 4);
                jvm.copy(x.jvm(), y.jvm());
                cl.copy(x.cl(), y.cl());
                t.assertEqual("copy " + from + "→" + to, y);
            }
        }
        Twins.Twin x = t.random(DType.FLOAT32, -1, 1, 1000);
        Twins.Twin y = t.random(DType.FLOAT32, -1, 1, 1000);
        jvm.copy(x.jvm(), y.jvm());
        cl.copy(x.cl(), y.cl());
        t.assertEqual("copy contiguous", y);
    }

    @Test
    void fillWritesStridedViewsOfEveryDtype() {
        Twins t = twins(3);
        for (DType dtype : DType.values()) {
            Twins.Twin y = t.transposed(dtype, 0, 1, 4, 6);
            jvm.fill(y.jvm(), -2.75);
            cl.fill(y.cl(), -2.75);
            t.assertEqual("fill " + dtype, y);
        }
    }

    // ---- elementwise ---------------------------------------------------------------------------------------

    private static final Set<UnaryOp> POSITIVE_ONLY = EnumSet.of(UnaryOp.LOG, UnaryOp.SQRT, UnaryOp.RSQRT);

    @Test
    void everyUnaryOpMatchesOnContiguousAndStridedViews() {
        Twins t = twins(4);
        for (UnaryOp op : UnaryOp.values()) {
            double lo = POSITIVE_ONLY.contains(op) ? 0.05 : op == UnaryOp.RECIPROCAL ? 0.2 : -4;
            for (int layout = 0; layout < 3; layout++) {
                Twins.Twin x = switch (layout) {
                    case 0 -> t.random(DType.FLOAT32, lo, 4, 257);
                    case 1 -> t.transposed(DType.FLOAT32, lo, 4, 3, 7, 5);
                    default -> t.broadcast(DType.FLOAT32, lo, 4, 1, 3, 7, 5);
                };
                Twins.Twin y = t.zeros(DType.FLOAT32, x.shape());
                jvm.unary(op, x.jvm(), y.jvm());
                cl.unary(op, x.cl(), y.cl());
                t.assertClose("unary " + op, y, 2e-6);
            }
            Twins.Twin xd = t.random(DType.FLOAT64, lo, 4, 33);
            Twins.Twin yd = t.zeros(DType.FLOAT64, 33);
            jvm.unary(op, xd.jvm(), yd.jvm());
            cl.unary(op, xd.cl(), yd.cl());
            t.assertClose("unary " + op + " f64", yd, 1e-13);
        }
        Twins.Twin xi = t.random(DType.INT32, -50, 50, 40);
        Twins.Twin yi = t.zeros(DType.INT32, 40);
        jvm.unary(UnaryOp.NEG, xi.jvm(), yi.jvm());
        cl.unary(UnaryOp.NEG, xi.cl(), yi.cl());
        t.assertEqual("unary NEG int32", yi);
    }

    @Test
    void unaryEdgeValuesFollowTheReference() {
        Twins t = twins(5);
        double[] edges = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.5, -2.5,
                0.5, -0.5, 1.5, 30, -30, 100};
        for (UnaryOp op : EnumSet.of(UnaryOp.SIGN, UnaryOp.ROUND, UnaryOp.FLOOR, UnaryOp.ABS, UnaryOp.SOFTPLUS,
                UnaryOp.SIGMOID, UnaryOp.NEG)) {
            Twins.Twin x = t.of(DType.FLOAT32, edges, new int[] {edges.length}, new int[] {1}, 0);
            Twins.Twin y = t.zeros(DType.FLOAT32, edges.length);
            jvm.unary(op, x.jvm(), y.jvm());
            cl.unary(op, x.cl(), y.cl());
            t.assertClose("unary " + op + " edges", y, 1e-6);
        }
    }

    @Test
    void everyBinaryOpMatchesWithBroadcasting() {
        Twins t = twins(6);
        for (BinaryOp op : BinaryOp.values()) {
            double lo = op == BinaryOp.POW || op == BinaryOp.DIV ? 0.25 : -3;
            DType out = op.isComparison() ? DType.BOOL : DType.FLOAT32;
            for (int layout = 0; layout < 3; layout++) {
                Twins.Twin a = layout == 1 ? t.transposed(DType.FLOAT32, lo, 3, 4, 9, 6)
                        : t.random(DType.FLOAT32, lo, 3, 4, 9, 6);
                Twins.Twin b = switch (layout) {
                    case 0 -> t.random(DType.FLOAT32, lo, 3, 4, 9, 6);
                    case 1 -> t.broadcast(DType.FLOAT32, lo, 3, 1, 4, 9, 6);
                    default -> t.broadcast(DType.FLOAT32, lo, 3, 0, 4, 9, 6);
                };
                if (op.isComparison()) {
                    // ties are where comparisons differ: make some
                    b = a;
                    if (layout == 2) {
                        b = t.broadcast(DType.FLOAT32, 0, 1, 2, 4, 9, 6);
                    }
                }
                Twins.Twin y = t.zeros(out, 4, 9, 6);
                jvm.binary(op, a.jvm(), b.jvm(), y.jvm());
                cl.binary(op, a.cl(), b.cl(), y.cl());
                t.assertClose("binary " + op, y, 2e-6);
            }
            Twins.Twin ad = t.random(DType.FLOAT64, lo, 3, 17);
            Twins.Twin bd = t.random(DType.FLOAT64, lo, 3, 17);
            Twins.Twin yd = t.zeros(op.isComparison() ? DType.BOOL : DType.FLOAT64, 17);
            jvm.binary(op, ad.jvm(), bd.jvm(), yd.jvm());
            cl.binary(op, ad.cl(), bd.cl(), yd.cl());
            t.assertClose("binary " + op + " f64", yd, 1e-13);
        }
        Twins.Twin ai = t.random(DType.INT32, -20, 20, 50);
        Twins.Twin bi = t.random(DType.INT32, 1, 20, 50);
        for (BinaryOp op : EnumSet.of(BinaryOp.ADD, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.MAXIMUM, BinaryOp.LT)) {
            Twins.Twin yi = t.zeros(op.isComparison() ? DType.BOOL : DType.INT32, 50);
            jvm.binary(op, ai.jvm(), bi.jvm(), yi.jvm());
            cl.binary(op, ai.cl(), bi.cl(), yi.cl());
            t.assertEqual("binary " + op + " int32", yi);
        }
    }

    @Test
    void maximumAndMinimumTreatNaNAndSignedZeroAsJava() {
        Twins t = twins(7);
        double[] a = {Double.NaN, 1, 0.0, -0.0, 2, Double.NEGATIVE_INFINITY};
        double[] b = {1, Double.NaN, -0.0, 0.0, 2, 5};
        for (BinaryOp op : EnumSet.of(BinaryOp.MAXIMUM, BinaryOp.MINIMUM)) {
            Twins.Twin x = t.of(DType.FLOAT32, a, new int[] {6}, new int[] {1}, 0);
            Twins.Twin y = t.of(DType.FLOAT32, b, new int[] {6}, new int[] {1}, 0);
            Twins.Twin out = t.zeros(DType.FLOAT32, 6);
            jvm.binary(op, x.jvm(), y.jvm(), out.jvm());
            cl.binary(op, x.cl(), y.cl(), out.cl());
            t.assertEqual("binary " + op + " edges", out);
        }
    }

    @Test
    void whereSelectsWithBroadcastConditions() {
        Twins t = twins(8);
        for (DType dtype : EnumSet.of(DType.FLOAT32, DType.INT32, DType.FLOAT64)) {
            Twins.Twin c = t.broadcast(DType.BOOL, 0, 1, 0, 5, 8);
            Twins.Twin a = t.transposed(dtype, -5, 5, 5, 8);
            Twins.Twin b = t.broadcast(dtype, -5, 5, 1, 5, 8);
            Twins.Twin y = t.zeros(dtype, 5, 8);
            jvm.where(c.jvm(), a.jvm(), b.jvm(), y.jvm());
            cl.where(c.cl(), a.cl(), b.cl(), y.cl());
            t.assertEqual("where " + dtype, y);
        }
    }

    // ---- reductions ----------------------------------------------------------------------------------------

    @Test
    void everyReductionAlongEveryDimension() {
        Twins t = twins(9);
        int[] shape = {5, 37, 3};
        for (ReduceOp op : ReduceOp.values()) {
            boolean arg = op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN;
            for (int dim = 0; dim < 3; dim++) {
                // integer-valued floats make ties, where the first index must win
                Twins.Twin x = dim == 1 ? t.transposed(DType.INT32, -4, 4, shape) : t.random(DType.INT32, -4, 4, shape);
                Twins.Twin xf = t.zeros(DType.FLOAT32, shape);
                jvm.copy(x.jvm(), xf.jvm());
                cl.copy(x.cl(), xf.cl());
                int[] outShape = remove(shape, dim);
                Twins.Twin y = t.zeros(arg ? DType.INT32 : DType.FLOAT32, outShape);
                jvm.reduce(op, xf.jvm(), dim, y.jvm());
                cl.reduce(op, xf.cl(), dim, y.cl());
                t.assertClose("reduce " + op, y, 1e-6);
            }
            // long lines take the work-group tree; sums with many terms
            Twins.Twin x = t.random(DType.FLOAT32, -1, 1, 3, 70000);
            Twins.Twin y = t.zeros(arg ? DType.INT32 : DType.FLOAT32, 3);
            jvm.reduce(op, x.jvm(), 1, y.jvm());
            cl.reduce(op, x.cl(), 1, y.cl());
            t.assertClose("reduce " + op + " tree", y, 1e-6);
            Twins.Twin xi = t.random(DType.INT32, -100, 100, 6, 11);
            Twins.Twin yi = t.zeros(DType.INT32, 6);
            jvm.reduce(op, xi.jvm(), 1, yi.jvm());
            cl.reduce(op, xi.cl(), 1, yi.cl());
            t.assertEqual("reduce " + op + " int32", yi);
        }
    }

    @Test
    void reductionsPropagateNaNLikeTheJvm() {
        Twins t = twins(10);
        double[] v = {1, Double.NaN, 3, 3, Double.NaN, -1, 2, 0};
        for (ReduceOp op : ReduceOp.values()) {
            boolean arg = op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN;
            Twins.Twin x = t.of(DType.FLOAT32, v, new int[] {2, 4}, new int[] {4, 1}, 0);
            Twins.Twin y = t.zeros(arg ? DType.INT32 : DType.FLOAT32, 2);
            jvm.reduce(op, x.jvm(), 1, y.jvm());
            cl.reduce(op, x.cl(), 1, y.cl());
            t.assertClose("reduce " + op + " NaN", y, 0);
        }
    }

    @Test
    void cumsumAlongEachDimension() {
        Twins t = twins(11);
        for (int dim = 0; dim < 2; dim++) {
            Twins.Twin x = t.transposed(DType.FLOAT32, -2, 2, 13, 29);
            Twins.Twin y = t.zeros(DType.FLOAT32, 13, 29);
            jvm.cumsum(x.jvm(), dim, y.jvm());
            cl.cumsum(x.cl(), dim, y.cl());
            t.assertClose("cumsum", y, 1e-6);
        }
        Twins.Twin xi = t.random(DType.BOOL, 0, 1, 4, 9);
        Twins.Twin yi = t.zeros(DType.INT32, 4, 9);
        jvm.cumsum(xi.jvm(), 1, yi.jvm());
        cl.cumsum(xi.cl(), 1, yi.cl());
        t.assertEqual("cumsum bool→int32", yi);
    }

    // ---- matrix product ------------------------------------------------------------------------------------

    @Test
    void matmulOverEdgeSizesTransposesAndBatches() {
        Twins t = twins(12);
        int[][] sizes = {{1, 1, 1}, {7, 13, 5}, {65, 129, 33}, {64, 64, 64}, {3, 200, 1}, {130, 2, 70}};
        for (int[] mnk : sizes) {
            int m = mnk[0];
            int n = mnk[1];
            int k = mnk[2];
            for (int variant = 0; variant < 3; variant++) {
                Twins.Twin a = variant == 1 ? t.transposed(DType.FLOAT32, -1, 1, m, k) : t.random(DType.FLOAT32, -1, 1, m, k);
                Twins.Twin b = variant == 2 ? t.transposed(DType.FLOAT32, -1, 1, k, n) : t.random(DType.FLOAT32, -1, 1, k, n);
                Twins.Twin y = t.zeros(DType.FLOAT32, m, n);
                jvm.matmul(a.jvm(), b.jvm(), y.jvm());
                cl.matmul(a.cl(), b.cl(), y.cl());
                t.assertClose("matmul", y, 1e-5);
            }
        }
        Twins.Twin a = t.random(DType.FLOAT32, -1, 1, 2, 3, 17, 9);
        Twins.Twin b = t.broadcast(DType.FLOAT32, -1, 1, 1, 2, 3, 9, 11);
        Twins.Twin y = t.zeros(DType.FLOAT32, 2, 3, 17, 11);
        jvm.matmul(a.jvm(), b.jvm(), y.jvm());
        cl.matmul(a.cl(), b.cl(), y.cl());
        t.assertClose("matmul batched", y, 1e-5);
        Twins.Twin ad = t.transposed(DType.FLOAT64, -1, 1, 4, 31, 20);
        Twins.Twin bd = t.random(DType.FLOAT64, -1, 1, 4, 20, 19);
        Twins.Twin yd = t.zeros(DType.FLOAT64, 4, 31, 19);
        jvm.matmul(ad.jvm(), bd.jvm(), yd.jvm());
        cl.matmul(ad.cl(), bd.cl(), yd.cl());
        t.assertClose("matmul f64", yd, 1e-13);
    }

    // ---- softmax -------------------------------------------------------------------------------------------

    @Test
    void softmaxAndLogSoftmaxForwardAndBackward() {
        Twins t = twins(13);
        for (int cols : new int[] {1, 10, 300}) {
            for (boolean log : new boolean[] {false, true}) {
                Twins.Twin x = t.random(DType.FLOAT32, -6, 6, 7, cols);
                Twins.Twin y = t.zeros(DType.FLOAT32, 7, cols);
                jvm.softmax(x.jvm(), y.jvm(), log);
                cl.softmax(x.cl(), y.cl(), log);
                t.assertClose(log ? "logSoftmax" : "softmax", y, 2e-6);
                Twins.Twin g = t.random(DType.FLOAT32, -1, 1, 7, cols);
                Twins.Twin dx = t.zeros(DType.FLOAT32, 7, cols);
                jvm.softmaxBackward(y.jvm(), g.jvm(), dx.jvm(), log);
                cl.softmaxBackward(y.cl(), g.cl(), dx.cl(), log);
                t.assertClose(log ? "logSoftmaxBackward" : "softmaxBackward", dx, 2e-6);
            }
        }
    }

    // ---- indexing ------------------------------------------------------------------------------------------

    @Test
    void gatherAndScatterAddAlongEachDimension() {
        Twins t = twins(14);
        for (int dim = 0; dim < 2; dim++) {
            Twins.Twin x = t.transposed(DType.FLOAT32, -3, 3, 6, 8);
            int bound = x.shape()[dim];
            Twins.Twin index = t.indices(bound, 9, 8);
            if (dim == 1) {
                index = t.indices(bound, 6, 11);
            }
            Twins.Twin y = t.zeros(DType.FLOAT32, index.shape());
            jvm.gather(x.jvm(), dim, index.jvm(), y.jvm());
            cl.gather(x.cl(), dim, index.cl(), y.cl());
            t.assertEqual("gather", y);
            // scatterAdd accumulates into out (repeated indices add up)
            Twins.Twin out = t.random(DType.FLOAT32, -1, 1, 6, 8);
            jvm.scatterAdd(y.jvm(), dim, index.jvm(), out.jvm());
            cl.scatterAdd(y.cl(), dim, index.cl(), out.cl());
            t.assertClose("scatterAdd", out, 1e-6);
        }
        Twins.Twin xi = t.random(DType.INT32, 0, 100, 5, 4);
        Twins.Twin index = t.indices(4, 5, 7);
        Twins.Twin yi = t.zeros(DType.INT32, 5, 7);
        jvm.gather(xi.jvm(), 1, index.jvm(), yi.jvm());
        cl.gather(xi.cl(), 1, index.cl(), yi.cl());
        t.assertEqual("gather int32", yi);
    }

    @Test
    void sortIsStableInBothDirections() {
        Twins t = twins(15);
        for (int cols : new int[] {1, 5, 33, 128}) {
            for (boolean desc : new boolean[] {false, true}) {
                Twins.Twin x = t.random(DType.INT32, -5, 5, 4, cols);
                Twins.Twin xf = t.zeros(DType.FLOAT32, 4, cols);
                jvm.copy(x.jvm(), xf.jvm());
                cl.copy(x.cl(), xf.cl());
                Twins.Twin values = t.zeros(DType.FLOAT32, 4, cols);
                Twins.Twin indices = t.zeros(DType.INT32, 4, cols);
                jvm.sort(xf.jvm(), desc, values.jvm(), indices.jvm());
                cl.sort(xf.cl(), desc, values.cl(), indices.cl());
                t.assertEqual("sort values", values);
                t.assertEqual("sort indices", indices);
            }
        }
        double[] edges = {Double.NaN, 1, -0.0, 0.0, Double.NEGATIVE_INFINITY, 1, Double.POSITIVE_INFINITY};
        Twins.Twin x = t.of(DType.FLOAT32, edges, new int[] {1, 7}, new int[] {7, 1}, 0);
        Twins.Twin values = t.zeros(DType.FLOAT32, 1, 7);
        Twins.Twin indices = t.zeros(DType.INT32, 1, 7);
        jvm.sort(x.jvm(), false, values.jvm(), indices.jvm());
        cl.sort(x.cl(), false, values.cl(), indices.cl());
        t.assertEqual("sort edges", indices);
        Twins.Twin xt = t.transposed(DType.FLOAT32, -1, 1, 3, 10);
        Twins.Twin vt = t.zeros(DType.FLOAT32, 3, 10);
        Twins.Twin it = t.zeros(DType.INT32, 3, 10);
        jvm.sort(xt.jvm(), true, vt.jvm(), it.jvm());
        cl.sort(xt.cl(), true, vt.cl(), it.cl());
        t.assertEqual("sort strided", it);
    }

    // ---- random --------------------------------------------------------------------------------------------

    @Test
    void randomStreamsEqualTheJvmsDrawForDraw() {
        Twins t = twins(16);
        for (DType dtype : EnumSet.of(DType.FLOAT32, DType.FLOAT64)) {
            Twins.Twin u = t.zeros(dtype, 5000);
            jvm.randomUniform(u.jvm(), 42, 1L << 40, -2, 3);
            cl.randomUniform(u.cl(), 42, 1L << 40, -2, 3);
            t.assertEqual("randomUniform " + dtype, u);
            Twins.Twin z = t.zeros(dtype, 5000);
            jvm.randomNormal(z.jvm(), -7, 123, 1, 2);
            cl.randomNormal(z.cl(), -7, 123, 1, 2);
            // log and cos may differ from java.lang.Math in the last bit of a double
            t.assertClose("randomNormal " + dtype, z, dtype == DType.FLOAT64 ? 1e-15 : 1.2e-7);
        }
        double[] first = cl.readDoubles(t.zeros(DType.FLOAT64, 1).cl());
        assertEquals(0.0, first[0]);
        Twins.Twin one = t.zeros(DType.FLOAT64, 1);
        cl.randomUniform(one.cl(), 9, 77, 0, 1);
        assertEquals(CounterRng.uniform(9, 77), cl.readDoubles(one.cl())[0]);
    }

    // ---- convolution and pooling ---------------------------------------------------------------------------

    @Test
    void im2colAndCol2imOverStridesPaddingAndDilation() {
        Twins t = twins(17);
        int[][] configs = {{3, 3, 1, 1, 1, 1, 1, 1}, {3, 2, 2, 1, 1, 0, 1, 2}, {1, 1, 1, 1, 0, 0, 1, 1},
                {5, 5, 3, 2, 2, 2, 1, 1}};
        for (int[] c : configs) {
            int n = 2;
            int ch = 3;
            int h = 9;
            int w = 8;
            int oh = (h + 2 * c[4] - c[6] * (c[0] - 1) - 1) / c[2] + 1;
            int ow = (w + 2 * c[5] - c[7] * (c[1] - 1) - 1) / c[3] + 1;
            Twins.Twin x = t.random(DType.FLOAT32, -1, 1, n, ch, h, w);
            // out as the convolution passes it: a permuted view of a [C·kh·kw, N, oh·ow] buffer
            int rows = ch * c[0] * c[1];
            Twins.Twin buf = t.zeros(DType.FLOAT32, rows, n, oh * ow);
            Twins.Twin cols = new Twins.Twin(
                    new View(buf.jvm().storage(), new int[] {n, rows, oh * ow}, new int[] {oh * ow, n * oh * ow, 1}, 0),
                    new View(buf.cl().storage(), new int[] {n, rows, oh * ow}, new int[] {oh * ow, n * oh * ow, 1}, 0));
            jvm.im2col(x.jvm(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], cols.jvm());
            cl.im2col(x.cl(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], cols.cl());
            t.assertEqual("im2col", cols);
            Twins.Twin g = t.random(DType.FLOAT32, -1, 1, n, rows, oh * ow);
            Twins.Twin dx = t.zeros(DType.FLOAT32, n, ch, h, w);
            jvm.col2im(g.jvm(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], dx.jvm());
            cl.col2im(g.cl(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], dx.cl());
            t.assertClose("col2im", dx, 1e-6);
        }
    }

    @Test
    void maxPoolPicksTheFirstMaximumAndNaN() {
        Twins t = twins(18);
        int[][] configs = {{2, 2, 2, 2, 0, 0, 1, 1}, {3, 3, 2, 2, 1, 1, 1, 1}, {2, 3, 1, 2, 1, 1, 2, 1}};
        for (int[] c : configs) {
            int oh = (7 + 2 * c[4] - c[6] * (c[0] - 1) - 1) / c[2] + 1;
            int ow = (9 + 2 * c[5] - c[7] * (c[1] - 1) - 1) / c[3] + 1;
            Twins.Twin xi = t.random(DType.INT32, -3, 3, 2, 3, 7, 9);
            Twins.Twin x = t.zeros(DType.FLOAT32, 2, 3, 7, 9);
            jvm.copy(xi.jvm(), x.jvm());
            cl.copy(xi.cl(), x.cl());
            jvm.write(x.jvm().storage(), 5, new double[] {Double.NaN, -0.0});
            cl.write(x.cl().storage(), 5, new double[] {Double.NaN, -0.0});
            Twins.Twin y = t.zeros(DType.FLOAT32, 2, 3, oh, ow);
            Twins.Twin at = t.zeros(DType.INT32, 2, 3, oh, ow);
            jvm.maxPool2d(x.jvm(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], y.jvm(), at.jvm());
            cl.maxPool2d(x.cl(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], y.cl(), at.cl());
            t.assertEqual("maxPool2d values", y);
            t.assertEqual("maxPool2d indices", at);
        }
    }

    // ---- normalisation and optimizer -----------------------------------------------------------------------

    @Test
    void layerNormForwardAndBackwardWithAndWithoutAffine() {
        Twins t = twins(19);
        for (int n : new int[] {1, 7, 300}) {
            for (boolean affine : new boolean[] {true, false}) {
                int rows = 6;
                Twins.Twin x = t.random(DType.FLOAT32, -3, 5, rows, n);
                Twins.Twin w = affine ? t.random(DType.FLOAT32, 0.5, 1.5, n) : null;
                Twins.Twin b = affine ? t.random(DType.FLOAT32, -1, 1, n) : null;
                Twins.Twin y = t.zeros(DType.FLOAT32, rows, n);
                Twins.Twin mean = t.zeros(DType.FLOAT32, rows);
                Twins.Twin rstd = t.zeros(DType.FLOAT32, rows);
                jvm.layerNorm(x.jvm(), w == null ? null : w.jvm(), b == null ? null : b.jvm(), 1e-5, y.jvm(),
                        mean.jvm(), rstd.jvm());
                cl.layerNorm(x.cl(), w == null ? null : w.cl(), b == null ? null : b.cl(), 1e-5, y.cl(), mean.cl(),
                        rstd.cl());
                t.assertClose("layerNorm", y, 2e-6);
                t.assertClose("layerNorm mean", mean, 1e-6);
                t.assertClose("layerNorm rstd", rstd, 1e-6);
                Twins.Twin g = t.random(DType.FLOAT32, -1, 1, rows, n);
                Twins.Twin dx = t.zeros(DType.FLOAT32, rows, n);
                Twins.Twin dw = affine ? t.zeros(DType.FLOAT32, n) : null;
                Twins.Twin db = affine ? t.zeros(DType.FLOAT32, n) : null;
                jvm.layerNormBackward(g.jvm(), x.jvm(), w == null ? null : w.jvm(), mean.jvm(), rstd.jvm(), dx.jvm(),
                        dw == null ? null : dw.jvm(), db == null ? null : db.jvm());
                cl.layerNormBackward(g.cl(), x.cl(), w == null ? null : w.cl(), mean.cl(), rstd.cl(), dx.cl(),
                        dw == null ? null : dw.cl(), db == null ? null : db.cl());
                t.assertClose("layerNormBackward dx", dx, 1e-5);
                if (affine) {
                    t.assertClose("layerNormBackward dWeight", dw, 1e-6);
                    t.assertClose("layerNormBackward dBias", db, 1e-6);
                }
            }
        }
    }

    @Test
    void fusedAdamStep() {
        Twins t = twins(20);
        Twins.Twin p = t.random(DType.FLOAT32, -1, 1, 1001);
        Twins.Twin g = t.random(DType.FLOAT32, -1, 1, 1001);
        Twins.Twin m = t.random(DType.FLOAT32, -0.1, 0.1, 1001);
        Twins.Twin v = t.random(DType.FLOAT32, 0, 0.01, 1001);
        for (int step = 0; step < 3; step++) {
            jvm.adamStep(p.jvm(), g.jvm(), m.jvm(), v.jvm(), 0.9, 0.999, 1e-3, 1e-8);
            cl.adamStep(p.cl(), g.cl(), m.cl(), v.cl(), 0.9, 0.999, 1e-3, 1e-8);
        }
        t.assertClose("adamStep p", p, 1e-6);
        t.assertClose("adamStep m", m, 1e-7);
        t.assertClose("adamStep v", v, 1e-7);
    }

    // ---- edges ---------------------------------------------------------------------------------------------

    @Test
    void emptyTensorsAreNoOps() {
        Twins t = twins(21);
        Twins.Twin x = t.zeros(DType.FLOAT32, 0, 5);
        Twins.Twin y = t.zeros(DType.FLOAT32, 0, 5);
        cl.unary(UnaryOp.EXP, x.cl(), y.cl());
        cl.binary(BinaryOp.ADD, x.cl(), x.cl(), y.cl());
        cl.fill(y.cl(), 3);
        cl.copy(x.cl(), y.cl());
        cl.softmax(x.cl(), y.cl(), false);
        assertEquals(0, cl.readFloats(y.cl()).length);
        Twins.Twin s = t.zeros(DType.FLOAT32, 5);
        cl.reduce(ReduceOp.SUM, x.cl(), 0, s.cl());
        jvm.reduce(ReduceOp.SUM, x.jvm(), 0, s.jvm());
        t.assertEqual("reduce SUM over 0 rows", s);
    }

    @Test
    void foreignStoragesAreRefusedByName() {
        var jvmStorage = jvm.allocate(DType.FLOAT32, 4);
        var e = assertThrows(IllegalArgumentException.class,
                () -> cl.fill(View.contiguous(jvmStorage, new int[] {4}), 1));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("does not belong to the "),
                e.getMessage());
    }

    private static int[] remove(int[] shape, int dim) {
        int[] out = new int[shape.length - 1];
        for (int d = 0, k = 0; d < shape.length; d++) {
            if (d != dim) {
                out[k++] = shape[d];
            }
        }
        return out;
    }
}
