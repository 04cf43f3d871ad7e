package org.reprolab.tensor.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GemmTest {

    private static ForkJoinPool pool2;
    private static ForkJoinPool otherPool2;
    private static ForkJoinPool pool3;

    @BeforeAll
    static void pools() {
        pool2 = new ForkJoinPool(2);
        otherPool2 = new ForkJoinPool(2);
        pool3 = new ForkJoinPool(3);
    }

    @AfterAll
    static void shutdown() {
        pool2.shutdown();
        otherPool2.shutdown();
        pool3.shutdown();
    }

    /** One problem: op(A) is m x k, op(B) k x n, stored with offsets and row strides (possibly wider than needed). */
    private record Problem(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
                           float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {

        static Problem random(Random r, boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
                              boolean padded) {
            int aRows = transA ? k : m, aCols = transA ? m : k;
            int bRows = transB ? n : k, bCols = transB ? k : n;
            int lda = aCols + (padded ? r.nextInt(5) : 0), ldb = bCols + (padded ? r.nextInt(5) : 0);
            int ldc = n + (padded ? r.nextInt(5) : 0);
            int aOff = padded ? r.nextInt(7) : 0, bOff = padded ? r.nextInt(7) : 0, cOff = padded ? r.nextInt(7) : 0;
            float[] a = fill(r, aOff + (aRows - 1) * lda + aCols + (padded ? 3 : 0));
            float[] b = fill(r, bOff + (bRows - 1) * ldb + bCols + (padded ? 3 : 0));
            float[] c = fill(r, cOff + (m - 1) * ldc + n + (padded ? 3 : 0));
            return new Problem(transA, transB, m, n, k, alpha, beta, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        }

        float opA(int i, int p) {
            return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        }

        float opB(int p, int j) {
            return transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
        }

        float[] run(ForkJoinPool pool) {
            float[] out = c.clone();
            Gemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, out, cOff, ldc, pool);
            return out;
        }

        /** Checks out against a double-precision reference; elements outside the m x n window must be untouched. */
        void check(float[] out) {
            boolean[] inside = new boolean[c.length];
            double tolerance = 1e-5 * Math.sqrt(k) + 1e-6;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0, magnitude = 0;
                    for (int p = 0; p < k; p++) {
                        double x = (double) opA(i, p) * opB(p, j);
                        sum += x;
                        magnitude += Math.abs(x);
                    }
                    int o = cOff + i * ldc + j;
                    inside[o] = true;
                    double old = beta == 0f ? 0 : (double) beta * c[o];
                    double expected = alpha * sum + old;
                    double scale = Math.abs(alpha) * magnitude + Math.abs(old) + 1e-30;
                    if (!(Math.abs(out[o] - expected) <= tolerance * scale)) {
                        fail(this + " at (" + i + ", " + j + "): " + out[o] + " expected " + expected + " (scale " + scale + ")");
                    }
                }
            }
            for (int o = 0; o < c.length; o++) {
                if (!inside[o] && Float.floatToRawIntBits(out[o]) != Float.floatToRawIntBits(c[o])) {
                    fail(this + ": wrote outside C at " + o);
                }
            }
        }

        @Override
        public String toString() {
            return (transA ? "T" : "N") + (transB ? "T" : "N") + " m=" + m + " n=" + n + " k=" + k + " alpha=" + alpha
                    + " beta=" + beta + " lda=" + lda + " ldb=" + ldb + " ldc=" + ldc + " offsets " + aOff + "/" + bOff + "/" + cOff;
        }
    }

    private static float[] fill(Random r, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) x[i] = r.nextFloat() * 2 - 1;
        return x;
    }

    private static final float[][] ALPHA_BETA = {{1f, 0f}, {1f, 1f}, {-0.75f, 0.5f}, {2f, 0f}, {0.5f, -1f}};

    @Test
    void edgeShapesAllTransposes() {
        Random r = new Random(1);
        // Around the micro-tile (8 x 32), the KC block (256) and the small / row / direct-B paths; primes.
        int[] dims = {1, 2, 3, 7, 8, 9, 17, 31, 32, 33, 65, 257};
        int cases = 0;
        for (int mi = 0; mi < dims.length; mi++) {
            for (int ni = 0; ni < dims.length; ni++) {
                int m = dims[mi], n = dims[ni], k = dims[(mi * 5 + ni * 3) % dims.length];
                for (int t = 0; t < 4; t++) {
                    float[] ab = ALPHA_BETA[(mi + ni + t) % ALPHA_BETA.length];
                    Problem p = Problem.random(r, (t & 1) != 0, (t & 2) != 0, m, n, k, ab[0], ab[1], cases % 2 == 0);
                    p.check(p.run(cases % 3 == 0 ? null : pool2));
                    cases++;
                }
            }
        }
    }

    @Test
    void randomShapesAllTransposes() {
        Random r = new Random(2);
        for (int it = 0; it < 160; it++) {
            int m = 1 + r.nextInt(300), n = 1 + r.nextInt(300), k = 1 + r.nextInt(300);
            if (it % 5 == 0) m = 1 + r.nextInt(30); // few rows: row path / unpacked B
            if (it % 7 == 0) n = 1 + r.nextInt(12);
            float[] ab = ALPHA_BETA[it % ALPHA_BETA.length];
            Problem p = Problem.random(r, r.nextBoolean(), r.nextBoolean(), m, n, k, ab[0], ab[1], r.nextBoolean());
            p.check(p.run(it % 2 == 0 ? null : pool2));
        }
    }

    @Test
    void largeAndOddShapes() {
        Random r = new Random(3);
        int[][] shapes = {
            {1, 512, 784}, {2, 300, 600}, {24, 512, 784}, {65, 130, 520}, {128, 256, 300}, // MLP-like
            {2704, 32, 9}, {2704, 9, 32}, {9, 32, 2704}, // im2col-like, tall-skinny and long k
            {9, 4200, 5}, {200, 4300, 3}, // wider than one NC panel
            {300, 200, 300}, {601, 37, 257}};
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                Problem p = Problem.random(r, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], 1f, t == 3 ? 0.5f : 0f, t == 2);
                p.check(p.run(pool2));
            }
        }
    }

    @Test
    void betaZeroIgnoresNaNInC() {
        Random r = new Random(4);
        for (int[] s : new int[][] {{5, 6, 7}, {40, 70, 300}, {1, 100, 50}, {300, 40, 20}}) {
            for (int t = 0; t < 4; t++) {
                Problem p = Problem.random(r, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], 1.5f, 0f, false);
                java.util.Arrays.fill(p.c, Float.NaN);
                float[] out = p.run(pool2);
                for (float x : out) {
                    if (Float.isNaN(x)) fail("NaN leaked from C into " + p);
                }
                p.check(out);
            }
        }
    }

    @Test
    void zeroKAndZeroAlphaScaleC() {
        float[] c = {1, 2, 3, 4, 5, 6};
        Gemm.sgemm(false, false, 2, 3, 0, 1f, new float[0], 0, 1, new float[0], 0, 3, 2f, c, 0, 3, null);
        assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12}, c);
        float[] nan = {Float.NaN, Float.NaN};
        Gemm.sgemm(false, false, 1, 2, 1, 0f, new float[] {1}, 0, 1, new float[] {1, 1}, 0, 2, 0f, nan, 0, 2, null);
        assertArrayEquals(new float[] {0, 0}, nan);
        Gemm.sgemm(false, false, 0, 3, 4, 1f, new float[0], 0, 4, new float[12], 0, 3, 0f, new float[0], 0, 3, null);
    }

    @Test
    void rejectsArraysTooShort() {
        assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.sgemm(false, false, 4, 4, 4, 1f, new float[15], 0, 4, new float[16], 0, 4, 0f, new float[16], 0, 4, null));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.sgemm(true, false, 4, 4, 4, 1f, new float[16], 1, 4, new float[16], 0, 4, 0f, new float[16], 0, 4, null));
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 4, 4, 4, 1f, new float[16], 0, 3, new float[16], 0, 4, 0f, new float[16], 0, 4, null));
    }

    @Test
    void batchedWithBroadcastStrides() {
        Random r = new Random(5);
        int[][] shapes = {{3, 5, 7}, {33, 40, 20}, {64, 64, 64}, {1, 100, 30}, {130, 140, 150}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                int batch = 5;
                boolean broadcastA = t == 1, broadcastB = t == 2;
                int aSize = m * k, bSize = k * n, cSize = m * n;
                int lda = ta ? m : k, ldb = tb ? k : n;
                int aOff = 3, bOff = 1, cOff = 2;
                long strideA = broadcastA ? 0 : aSize + 4, strideB = broadcastB ? 0 : bSize + 1, strideC = cSize + 2;
                float[] a = fill(r, aOff + (int) strideA * (batch - 1) + aSize);
                float[] b = fill(r, bOff + (int) strideB * (batch - 1) + bSize);
                float[] c = fill(r, cOff + (int) strideC * (batch - 1) + cSize);
                float alpha = 0.5f, beta = t == 3 ? 0f : 1f;
                for (ForkJoinPool pool : new ForkJoinPool[] {null, pool2}) {
                    float[] out = c.clone();
                    Gemm.sgemmBatched(ta, tb, batch, m, n, k, alpha, a, aOff, strideA, lda, b, bOff, strideB, ldb,
                            beta, out, cOff, strideC, n, pool);
                    for (int i = 0; i < batch; i++) {
                        float[] expected = c.clone();
                        Gemm.sgemm(ta, tb, m, n, k, alpha, a, aOff + (int) strideA * i, lda, b, bOff + (int) strideB * i, ldb,
                                beta, expected, cOff + (int) strideC * i, n, null);
                        for (int e = 0; e < cSize; e++) {
                            int o = cOff + (int) strideC * i + e;
                            assertEquals(Float.floatToRawIntBits(expected[o]), Float.floatToRawIntBits(out[o]),
                                    "batch " + i + " element " + e + " of " + m + "x" + n + "x" + k + " t=" + t);
                        }
                        // and the single products themselves are right
                        new Problem(ta, tb, m, n, k, alpha, beta, a, aOff + (int) strideA * i, lda, b,
                                bOff + (int) strideB * i, ldb, c, cOff + (int) strideC * i, n).check(expected);
                    }
                }
            }
        }
    }

    @Test
    void deterministicAcrossRunsAndPools() {
        Random r = new Random(6);
        List<Problem> problems = new ArrayList<>();
        int[][] shapes = {{300, 280, 270}, {1, 700, 500}, {20, 600, 300}, {500, 40, 300}, {3, 200, 100}};
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                problems.add(Problem.random(r, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], 1f, 0.5f, t % 2 == 0));
            }
        }
        for (Problem p : problems) {
            float[] first = p.run(pool2);
            for (int rep = 0; rep < 3; rep++) {
                assertBitIdentical(first, p.run(pool2), p + " rerun");
            }
            assertBitIdentical(first, p.run(otherPool2), p + " other pool of the same size");
            // Stronger than required: per-element order does not depend on the split at all.
            assertBitIdentical(first, p.run(null), p + " single thread");
            assertBitIdentical(first, p.run(pool3), p + " three threads");
        }
    }

    @Test
    void splitAlongKGivesTheSameBitsOnAnyThreadCount() {
        Random r = new Random(7);
        int[][] shapes = {{9, 32, 43264 / 4}, {5, 3, 5000}, {40, 30, 4096}};
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                Problem p = Problem.random(r, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], 0.5f, t == 1 ? 1f : 0f, t == 2);
                float[] first = p.run(pool2);
                p.check(first);
                assertBitIdentical(first, p.run(pool2), p + " rerun");
                assertBitIdentical(first, p.run(otherPool2), p + " other pool of the same size");
                assertBitIdentical(first, p.run(pool3), p + " three threads");
                assertBitIdentical(first, p.run(null), p + " one thread");
            }
        }
    }

    private static void assertBitIdentical(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                fail(what + ": differs at " + i + ": " + expected[i] + " vs " + actual[i]);
            }
        }
    }
}
