package org.reprolab.tensor.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision GEMM for the JVM backend: {@code C = alpha * op(A) * op(B) + beta * C} on row-major float
 * arrays, written with the Vector API in the BLIS/GotoBLAS structure.
 *
 * <p>Blocked path (the default): the columns of op(B) are cut into {@code NC}-wide panels and its rows into
 * {@code KC}-deep blocks; each {@code KC x NC} block of op(B) is packed into {@code NR}-wide slivers (zero padded),
 * each {@code MC x KC} block of op(A) into {@code MR}-tall slivers, and an {@code MR x NR} register-blocked
 * micro-kernel (8 x 32 with 512-bit vectors: 16 accumulators, two B vectors, one broadcast of A per row, fused
 * multiply-add) runs over them, B sliver resident in L1, A block in L2. Transposes are handled in the packing (the
 * transposing packs use in-register 8 x 16 / 16 x 16 transposes). Operands that would be used only a few times are
 * not packed: with at most {@link #DIRECT_B_ROWS} rows op(B) = B is read in place, with at most
 * {@link #DIRECT_A_COLUMNS} columns op(A) = A is. Edge columns use masked kernels; edge rows go through a scratch
 * tile. Tiny products ({@code m*n*k < SMALL}) and products with fewer than {@link #ROW_PATH_ROWS} rows take
 * unpacked row-by-row or dot-product paths.
 *
 * <p>Threads: with a pool and at least {@link #PARALLEL_MIN} multiply-adds the product is split into one
 * contiguous range of rows or columns per thread (a fixed function of the shape and the pool's parallelism); a
 * small C with a long k ({@code m*n <= SPLIT_K_MAX_MN}, {@code k > SPLIT_K_MIN_K}) is split along k instead.
 *
 * <p>Determinism: every element of C is accumulated in one fixed order, whatever thread computes it and however
 * the work is split: blocked, {@code p = 0, 1, ..., k-1} by fused multiply-adds inside each {@code KC} block, then
 * {@code C = alpha*acc + beta*C} for the first block and {@code C = alpha*acc + C} for the next ones (the path is
 * chosen from the whole product's shape, never per task). Results are therefore bit-identical run to run, across
 * pools, and across thread counts (the split along k included: its chunks depend on k alone).
 *
 * <p>{@code beta == 0} overwrites C without reading it, so NaN or garbage in C does not propagate.
 * Packing buffers are per thread (a {@link ThreadLocal}): 200 KB for A plus the B panel, grown on demand up to
 * 4 MB, held for the life of the thread.
 */
public final class Gemm {

    private Gemm() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    /** Eight floats (one MR-row column of an A sliver). */
    private static final VectorSpecies<Float> S8 = FloatVector.SPECIES_256;
    /** Micro-tile: MR rows of op(A) by NR columns of op(B) (two vectors). */
    static final int MR = 8;
    static final int NR = 2 * VL;
    /** Cache blocking: KC deep (B sliver KC x NR stays in L1), MC x KC of A in L2, KC x NC of B in L3. */
    static final int KC = 256;
    static final int MC = 192;
    static final int NC = 4096;
    /** Below this many multiply-adds (m*n*k) the unpacked path is used. */
    static final long SMALL = 1L << 15;
    /** Below this many multiply-adds the product is not split across the pool. */
    static final long PARALLEL_MIN = 1L << 22;
    /** Products with C at most this big and k longer than SPLIT_K_MIN_K are split along k (see splitK). */
    static final long SPLIT_K_MAX_MN = 64 * 64;
    static final int SPLIT_K_MIN_K = 4096;
    /** With at most this many rows of op(A) and op(B) not transposed, op(B) is read in place (not packed). */
    static final int DIRECT_B_ROWS = 8 * MR;
    /** With at most this many columns of op(B) (per task) and op(A) not transposed, A is read in place. */
    static final int DIRECT_A_COLUMNS = 2 * NR;
    /** With fewer rows than this the row-by-row path (op(B) not transposed) or the dot-product path is used. */
    static final int ROW_PATH_ROWS = 4;
    private static final int BLOCKED = 0, ROWS = 1, DOTS = 2;

    private static final class Buffers {
        final float[] a = new float[MC * KC];
        /** Packed op(B) panel, grown on demand up to KC x NC (4 MB) as wide tasks need it. */
        float[] b = new float[0];

        final float[] edge = new float[KC * NR];
        final float[] edgeA = new float[MR * KC];
        final float[] tile = new float[MR * NR];

        float[] b(int size) {
            if (b.length < size) b = new float[size];
            return b;
        }
    }

    /**
     * Index vectors for two-vector permutes (idx.selectFrom(x, y): index l < VL takes x[l], VL + l takes y[l]):
     * LOh / HIh interleave the low / high h-lane halves of each 2h-lane group of x and y.
     */
    private static final FloatVector LO1 = interleave(1, false), HI1 = interleave(1, true);
    private static final FloatVector LO2 = interleave(2, false), HI2 = interleave(2, true);
    private static final FloatVector LO4 = interleave(4, false), HI4 = interleave(4, true);
    private static final FloatVector LO8 = interleave(8, false), HI8 = interleave(8, true);

    private static FloatVector interleave(int h, boolean high) {
        float[] idx = new float[VL];
        for (int l = 0; l < VL; l++) {
            int g = l / (2 * h) * 2 * h, o = l % (2 * h), shift = high ? h : 0;
            idx[l] = o < h ? g + o + shift : VL + g + o - h + shift;
        }
        return FloatVector.fromArray(S, idx, 0);
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
    /** Small scratch for the unpacked paths, so that threads that only ever run those allocate no packing panels. */
    private static final class Small {
        float[] row = new float[0];
        float[] tmpB = new float[0];
        final float[] lanes = new float[VL];
        float[] row(int n) { if (row.length < n) row = new float[Math.max(n, 64)]; return row; }
        float[] tmpB(int n) { if (tmpB.length < n) tmpB = new float[n]; return tmpB; }
    }
    private static final ThreadLocal<Small> SMALL_BUFFERS = ThreadLocal.withInitial(Small::new);

    /** C = alpha * op(A) * op(B) + beta * C; row-major; op(X) = X or X^T; lda/ldb/ldc are row strides. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc, ForkJoinPool pool) {
        if (m < 0 || n < 0 || k < 0) throw new IllegalArgumentException("negative size " + m + "x" + n + "x" + k);
        if (m == 0 || n == 0) return;
        checkMatrix("C", c, cOff, m, n, ldc);
        if (k == 0 || alpha == 0f) {
            scaleC(m, n, beta, c, cOff, ldc);
            return;
        }
        checkMatrix("A", a, aOff, transA ? k : m, transA ? m : k, lda);
        checkMatrix("B", b, bOff, transB ? n : k, transB ? k : n, ldb);
        long work = (long) m * n * k;
        // The path is chosen from the whole product, never per task, so that splitting cannot change the arithmetic.
        int path = work < SMALL ? ROWS : m >= ROW_PATH_ROWS ? BLOCKED : transB ? DOTS : ROWS;
        Job job = new Job(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, path);
        int threads = pool == null || work < PARALLEL_MIN ? 1 : pool.getParallelism();
        // Decided by the shape alone, before the thread count, so that one thread sums the same k-chunks in the
        // same order as many do.
        if (path == BLOCKED && (long) m * n <= SPLIT_K_MAX_MN && k > SPLIT_K_MIN_K) {
            splitK(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                    threads <= 1 ? null : pool);
            return;
        }
        if (threads <= 1) {
            job.run(0, m, 0, n);
            return;
        }
        // Fixed split into one contiguous range per thread, along N or along M. Along N every task packs all of
        // op(A) (per KC block), along M every task packs all of op(B): pick the cheaper duplicate (a transposing pack
        // costs about three plain copies). Boundaries depend only on the shape and the thread count, and the
        // per-element arithmetic does not depend on them at all.
        boolean splitN;
        if (path == BLOCKED) {
            splitN = (long) m * (transA ? 1 : 3) <= (long) n * (transB ? 3 : 1);
        } else {
            splitN = n >= m;
        }
        if (splitN && ceilDiv(n, NR) < threads && ceilDiv(m, MR) > ceilDiv(n, NR)) splitN = false;
        if (!splitN && ceilDiv(m, MR) < threads && ceilDiv(n, NR) > ceilDiv(m, MR)) splitN = true;
        List<RecursiveAction> tasks = new ArrayList<>(threads);
        if (splitN) {
            int slivers = ceilDiv(n, NR);
            int parts = Math.min(threads, slivers);
            for (int t = 0; t < parts; t++) {
                int j0 = (int) ((long) slivers * t / parts) * NR;
                int j1 = Math.min(n, (int) ((long) slivers * (t + 1) / parts) * NR);
                tasks.add(action(() -> job.run(0, m, j0, j1)));
            }
        } else {
            int slivers = ceilDiv(m, MR);
            int parts = Math.min(threads, slivers);
            for (int t = 0; t < parts; t++) {
                int i0 = (int) ((long) slivers * t / parts) * MR;
                int i1 = Math.min(m, (int) ((long) slivers * (t + 1) / parts) * MR);
                tasks.add(action(() -> job.run(i0, i1, 0, n)));
            }
        }
        runAll(pool, tasks);
    }

    /**
     * Small C, long k (e.g. a convolution's weight gradient, 9 x 32 x 43264): the product is summed over fixed
     * chunks of SPLIT_K_MIN_K along k, each into its own partial C (in parallel when a pool is given), and the
     * partials are added in chunk order. The chunks depend only on k, so the result is the same bits for every
     * thread count, one included.
     */
    private static void splitK(boolean transA, boolean transB, int m, int n, int k, float alpha,
                               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                               float beta, float[] c, int cOff, int ldc, ForkJoinPool pool) {
        int parts = ceilDiv(k, SPLIT_K_MIN_K);
        float[][] partial = new float[parts][m * n];
        List<RecursiveAction> tasks = new ArrayList<>(parts);
        for (int t = 0; t < parts; t++) {
            int k0 = t * SPLIT_K_MIN_K, k1 = Math.min(k, k0 + SPLIT_K_MIN_K);
            float[] out = partial[t];
            int ao = transA ? aOff + k0 * lda : aOff + k0;
            int bo = transB ? bOff + k0 : bOff + k0 * ldb;
            tasks.add(action(() -> sgemm(transA, transB, m, n, k1 - k0, 1f, a, ao, lda, b, bo, ldb, 0f, out, 0, n, null)));
        }
        runAll(pool, tasks);
        for (int i = 0; i < m; i++) {
            int o = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                float sum = partial[0][i * n + j];
                for (int t = 1; t < parts; t++) sum += partial[t][i * n + j];
                float v = sum * alpha;
                c[o + j] = beta == 0f ? v : v + c[o + j] * beta;
            }
        }
    }

    /** Batched: batch independent GEMMs with element strides between consecutive matrices (stride 0 = broadcast). */
    public static void sgemmBatched(boolean transA, boolean transB, int batch, int m, int n, int k, float alpha,
                                    float[] a, int aOff, long strideA, int lda, float[] b, int bOff, long strideB, int ldb,
                                    float beta, float[] c, int cOff, long strideC, int ldc, ForkJoinPool pool) {
        if (batch < 0) throw new IllegalArgumentException("negative batch " + batch);
        if (batch == 0 || m == 0 || n == 0) return;
        long work = (long) m * n * k;
        int threads = pool == null ? 1 : pool.getParallelism();
        // A product big enough to use the pool by itself runs one after another, each split inside; a batch too
        // small to be worth the pool runs on the calling thread; otherwise the batch is split into fixed contiguous
        // ranges, one per thread. strideC == 0 (all results into one C) is inherently sequential, in batch order.
        if (threads <= 1 || batch == 1 || work >= PARALLEL_MIN || work * batch < PARALLEL_MIN || strideC == 0) {
            for (int i = 0; i < batch; i++) {
                sgemm(transA, transB, m, n, k, alpha, a, offset(aOff, strideA, i), lda, b, offset(bOff, strideB, i), ldb,
                        beta, c, offset(cOff, strideC, i), ldc, pool);
            }
            return;
        }
        int parts = Math.min(threads, batch);
        List<RecursiveAction> tasks = new ArrayList<>(parts);
        for (int t = 0; t < parts; t++) {
            int b0 = (int) ((long) batch * t / parts), b1 = (int) ((long) batch * (t + 1) / parts);
            tasks.add(action(() -> {
                for (int i = b0; i < b1; i++) {
                    sgemm(transA, transB, m, n, k, alpha, a, offset(aOff, strideA, i), lda, b, offset(bOff, strideB, i), ldb,
                            beta, c, offset(cOff, strideC, i), ldc, null);
                }
            }));
        }
        runAll(pool, tasks);
    }

    private static int offset(int off, long stride, int i) {
        return Math.toIntExact(off + stride * i);
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    private static RecursiveAction action(Runnable r) {
        return new RecursiveAction() {
            @Override
            protected void compute() {
                r.run();
            }
        };
    }

    /**
     * Runs the tasks on the pool. From outside the pool the calling thread takes the first task itself and submits
     * the others (one fewer worker to wake, and the caller is busy rather than parked while they run).
     */
    private static void runAll(ForkJoinPool pool, List<RecursiveAction> tasks) {
        if (pool == null) {
            tasks.forEach(RecursiveAction::invoke);
            return;
        }
        if (ForkJoinTask.getPool() == pool) {
            ForkJoinTask.invokeAll(tasks);
            return;
        }
        for (int t = 1; t < tasks.size(); t++) pool.execute(tasks.get(t));
        Throwable failure = null;
        try {
            tasks.get(0).invoke();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (int t = 1; t < tasks.size(); t++) {
            try {
                tasks.get(t).join();
            } catch (RuntimeException | Error e) {
                if (failure == null) failure = e; else failure.addSuppressed(e);
            }
        }
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error e) throw e;
    }

    private static void checkMatrix(String name, float[] x, int off, int rows, int cols, int ld) {
        if (x == null) throw new NullPointerException(name);
        if (ld < cols || ld < 1) throw new IllegalArgumentException("ld" + name.toLowerCase() + " " + ld + " < " + cols + " columns");
        long last = off + (long) (rows - 1) * ld + cols - 1;
        if (off < 0 || last >= x.length) {
            throw new IndexOutOfBoundsException(name + ": " + rows + "x" + cols + " with stride " + ld + " at " + off
                    + " needs " + (last + 1) + " elements, array has " + x.length);
        }
    }

    private static void scaleC(int m, int n, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int o = cOff + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, o, o + n, 0f);
            } else if (beta != 1f) {
                for (int j = 0; j < n; j++) c[o + j] *= beta;
            }
        }
    }

    /** One product; run(i0, i1, j0, j1) computes C[i0:i1, j0:j1] completely. */
    private record Job(boolean transA, boolean transB, int m, int n, int k, float alpha,
                       float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float beta, float[] c, int cOff, int ldc, int path) {

        void run(int i0, int i1, int j0, int j1) {
            switch (path) {
                case ROWS -> unpacked(i0, i1, j0, j1);
                case DOTS -> dots(i0, i1, j0, j1);
                default -> blocked(i0, i1, j0, j1);
            }
        }

        /**
         * Few rows, op(B) = B^T stored n x k: each C element is a dot product of two contiguous rows,
         * accumulated in VL lanes (lane l takes p = l, l + VL, ...), the lanes summed in order, then the tail.
         */
        void dots(int i0, int i1, int j0, int j1) {
            Small buf = SMALL_BUFFERS.get();
            float[] lanes = buf.lanes;
            int kv = k - k % VL;
            for (int i = i0; i < i1; i++) {
                float[] ar;
                int ao;
                if (transA) {
                    ar = buf.row(k);
                    for (int p = 0; p < k; p++) ar[p] = a[aOff + p * lda + i];
                    ao = 0;
                } else {
                    ar = a;
                    ao = aOff + i * lda;
                }
                int co = cOff + i * ldc;
                int j = j0;
                for (; j + 3 < j1; j += 4) {
                    int b0 = bOff + j * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
                    FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
                    for (int p = 0; p < kv; p += VL) {
                        FloatVector x = FloatVector.fromArray(S, ar, ao + p);
                        s0 = x.fma(FloatVector.fromArray(S, b, b0 + p), s0);
                        s1 = x.fma(FloatVector.fromArray(S, b, b1 + p), s1);
                        s2 = x.fma(FloatVector.fromArray(S, b, b2 + p), s2);
                        s3 = x.fma(FloatVector.fromArray(S, b, b3 + p), s3);
                    }
                    storeDot(s0, lanes, ar, ao, b0, kv, c, co + j);
                    storeDot(s1, lanes, ar, ao, b1, kv, c, co + j + 1);
                    storeDot(s2, lanes, ar, ao, b2, kv, c, co + j + 2);
                    storeDot(s3, lanes, ar, ao, b3, kv, c, co + j + 3);
                }
                for (; j < j1; j++) {
                    int b0 = bOff + j * ldb;
                    FloatVector s0 = FloatVector.zero(S);
                    for (int p = 0; p < kv; p += VL) {
                        s0 = FloatVector.fromArray(S, ar, ao + p).fma(FloatVector.fromArray(S, b, b0 + p), s0);
                    }
                    storeDot(s0, lanes, ar, ao, b0, kv, c, co + j);
                }
            }
        }

        private void storeDot(FloatVector s, float[] lanes, float[] ar, int ao, int bo, int kv, float[] c, int o) {
            s.intoArray(lanes, 0);
            float sum = 0f;
            for (int l = 0; l < VL; l++) sum += lanes[l];
            for (int p = kv; p < k; p++) sum = Math.fma(ar[ao + p], b[bo + p], sum);
            float v = sum * alpha;
            c[o] = beta == 0f ? v : v + c[o] * beta;
        }

        /** Row by row: acc[j] = fma(A(i,p), B(p,j), acc[j]) for p in order, then the C update. */
        void unpacked(int i0, int i1, int j0, int j1) {
            Small buf = SMALL_BUFFERS.get();
            int nn = j1 - j0;
            float[] bs;
            int bo, ldbs;
            if (transB) {
                bs = buf.tmpB(k * nn);
                for (int p = 0; p < k; p++) {
                    for (int j = 0; j < nn; j++) bs[p * nn + j] = b[bOff + (j0 + j) * ldb + p];
                }
                bo = 0;
                ldbs = nn;
            } else {
                bs = b;
                bo = bOff + j0;
                ldbs = ldb;
            }
            float[] acc = buf.row(nn);
            int vecEnd = nn - nn % VL;
            for (int i = i0; i < i1; i++) {
                java.util.Arrays.fill(acc, 0, nn, 0f);
                int ai = transA ? aOff + i : aOff + i * lda;
                int as = transA ? lda : 1;
                int p = 0;
                for (; p + 3 < k; p += 4) {
                    float x0 = a[ai + p * as], x1 = a[ai + (p + 1) * as], x2 = a[ai + (p + 2) * as], x3 = a[ai + (p + 3) * as];
                    FloatVector v0 = FloatVector.broadcast(S, x0), v1 = FloatVector.broadcast(S, x1);
                    FloatVector v2 = FloatVector.broadcast(S, x2), v3 = FloatVector.broadcast(S, x3);
                    int r0 = bo + p * ldbs, r1 = r0 + ldbs, r2 = r1 + ldbs, r3 = r2 + ldbs;
                    int j = 0;
                    for (; j < vecEnd; j += VL) {
                        FloatVector s = FloatVector.fromArray(S, acc, j);
                        s = v0.fma(FloatVector.fromArray(S, bs, r0 + j), s);
                        s = v1.fma(FloatVector.fromArray(S, bs, r1 + j), s);
                        s = v2.fma(FloatVector.fromArray(S, bs, r2 + j), s);
                        s = v3.fma(FloatVector.fromArray(S, bs, r3 + j), s);
                        s.intoArray(acc, j);
                    }
                    for (; j < nn; j++) {
                        float s = acc[j];
                        s = Math.fma(x0, bs[r0 + j], s);
                        s = Math.fma(x1, bs[r1 + j], s);
                        s = Math.fma(x2, bs[r2 + j], s);
                        s = Math.fma(x3, bs[r3 + j], s);
                        acc[j] = s;
                    }
                }
                for (; p < k; p++) {
                    float x0 = a[ai + p * as];
                    FloatVector v0 = FloatVector.broadcast(S, x0);
                    int r0 = bo + p * ldbs;
                    int j = 0;
                    for (; j < vecEnd; j += VL) {
                        v0.fma(FloatVector.fromArray(S, bs, r0 + j), FloatVector.fromArray(S, acc, j)).intoArray(acc, j);
                    }
                    for (; j < nn; j++) acc[j] = Math.fma(x0, bs[r0 + j], acc[j]);
                }
                int co = cOff + i * ldc + j0;
                for (int j = 0; j < nn; j++) {
                    float v = acc[j] * alpha;
                    c[co + j] = beta == 0f ? v : v + c[co + j] * beta;
                }
            }
        }

        void blocked(int i0, int i1, int j0, int j1) {
            Buffers buf = BUFFERS.get();
            boolean packB = transB || (i1 - i0) > DIRECT_B_ROWS;
            float[] ap = buf.a, bp = packB ? buf.b(Math.min(k, KC) * Math.min(ceilDiv(j1 - j0, NR) * NR, NC)) : null;
            // Few columns: op(A) = A is used by few B slivers, so it is read in place rather than packed.
            boolean directA = !transA && (j1 - j0) <= DIRECT_A_COLUMNS;
            for (int jc = j0; jc < j1; jc += NC) {
                int nc = Math.min(NC, j1 - jc);
                for (int pc = 0; pc < k; pc += KC) {
                    int kc = Math.min(KC, k - pc);
                    boolean first = pc == 0;
                    if (packB) packB(bp, pc, kc, jc, nc);
                    for (int ic = i0; ic < i1; ic += MC) {
                        int mc = Math.min(MC, i1 - ic);
                        if (!directA) packA(ap, ic, mc, pc, kc);
                        for (int jr = 0; jr < nc; jr += NR) {
                            int nr = Math.min(NR, nc - jr);
                            float[] bs;
                            int bo, ldbk;
                            if (packB) {
                                bs = bp;
                                bo = (jr / NR) * kc * NR;
                                ldbk = NR;
                            } else if (nr == NR) {
                                bs = b;
                                bo = bOff + pc * ldb + jc + jr;
                                ldbk = ldb;
                            } else {
                                bs = buf.edge;
                                packBSliver(bs, 0, pc, kc, jc + jr, nr);
                                bo = 0;
                                ldbk = NR;
                            }
                            // Edge columns: masked kernels (one vector when nr <= VL); arithmetic per element unchanged.
                            VectorMask<Float> mk = nr == NR ? null : S.indexInRange(0, nr > VL ? nr - VL : nr);
                            for (int ir = 0; ir < mc; ir += MR) {
                                int mr = Math.min(MR, mc - ir);
                                int co = cOff + (ic + ir) * ldc + jc + jr;
                                if (mr == MR) {
                                    if (directA) {
                                        int ao = aOff + (ic + ir) * lda + pc;
                                        if (nr == NR) kernel8a(kc, a, ao, lda, bs, bo, ldbk, c, co, ldc, alpha, beta, first);
                                        else if (nr > VL) kernel8am(kc, a, ao, lda, bs, bo, ldbk, c, co, ldc, alpha, beta, first, mk);
                                        else kernel8ah(kc, a, ao, lda, bs, bo, ldbk, c, co, ldc, alpha, beta, first, mk);
                                    } else {
                                        int ao = ir * kc;
                                        if (nr == NR) kernel8(kc, ap, ao, bs, bo, ldbk, c, co, ldc, alpha, beta, first);
                                        else if (nr > VL) kernel8m(kc, ap, ao, bs, bo, ldbk, c, co, ldc, alpha, beta, first, mk);
                                        else kernel8h(kc, ap, ao, bs, bo, ldbk, c, co, ldc, alpha, beta, first, mk);
                                    }
                                } else {
                                    // Edge rows: the full tile into scratch (A zero padded), then the valid part.
                                    float[] as = ap;
                                    int ao = ir * kc;
                                    if (directA) {
                                        as = buf.edgeA;
                                        ao = 0;
                                        packA(as, ic + ir, mr, pc, kc);
                                    }
                                    float[] tile = buf.tile;
                                    kernel8(kc, as, ao, bs, bo, ldbk, tile, 0, NR, 1f, 0f, true);
                                    for (int r = 0; r < mr; r++) {
                                        int o = co + r * ldc;
                                        for (int j = 0; j < nr; j++) {
                                            float v = tile[r * NR + j] * alpha;
                                            c[o + j] = first ? (beta == 0f ? v : v + c[o + j] * beta) : v + c[o + j];
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        /** Packs op(A)[ic:ic+mc, pc:pc+kc] into MR-row slivers: sliver s, element (r, p) at s*MR*kc + p*MR + r. */
        void packA(float[] ap, int ic, int mc, int pc, int kc) {
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int base = ir * kc;
                if (transA) {
                    // op(A)(i, p) = a[aOff + p*lda + i]: MR contiguous floats per p.
                    int src = aOff + pc * lda + ic + ir;
                    if (mr == MR) {
                        for (int p = 0; p < kc; p++) {
                            FloatVector.fromArray(S8, a, src + p * lda).intoArray(ap, base + p * MR);
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            int d = base + p * MR, s = src + p * lda;
                            for (int r = 0; r < mr; r++) ap[d + r] = a[s + r];
                            for (int r = mr; r < MR; r++) ap[d + r] = 0f;
                        }
                    }
                } else {
                    // op(A)(i, p) = a[aOff + i*lda + p]: row r is contiguous in p. Full slivers go 16 columns at a
                    // time through an in-register 8 x 16 transpose; the rest element by element.
                    int s0 = aOff + (ic + ir) * lda + pc;
                    int p0 = mr == MR && VL == 16 ? transposePack8(ap, base, s0, kc) : 0;
                    for (int r = 0; r < mr; r++) {
                        int s = s0 + r * lda;
                        for (int p = p0; p < kc; p++) ap[base + p * MR + r] = a[s + p];
                    }
                    for (int r = mr; r < MR; r++) {
                        for (int p = 0; p < kc; p++) ap[base + p * MR + r] = 0f;
                    }
                }
            }
        }

        /**
         * Packs 8 rows of A (row r at a[s0 + r*lda + p]) for p < kc rounded down to 16 into ap[base + p*8 + r]:
         * three rounds of two-vector permutes transpose each 8 x 8 half, a fourth pairs rows into the sliver layout.
         * Returns the number of columns done. Needs VL == 16 and MR == 8.
         */
        private int transposePack8(float[] ap, int base, int s0, int kc) {
            int p = 0;
            for (; p + 16 <= kc; p += 16) {
                int so = s0 + p;
                FloatVector v0 = FloatVector.fromArray(S, a, so), v1 = FloatVector.fromArray(S, a, so + lda);
                FloatVector v2 = FloatVector.fromArray(S, a, so + 2 * lda), v3 = FloatVector.fromArray(S, a, so + 3 * lda);
                FloatVector v4 = FloatVector.fromArray(S, a, so + 4 * lda), v5 = FloatVector.fromArray(S, a, so + 5 * lda);
                FloatVector v6 = FloatVector.fromArray(S, a, so + 6 * lda), v7 = FloatVector.fromArray(S, a, so + 7 * lda);
                FloatVector t0 = LO4.selectFrom(v0, v4), t4 = HI4.selectFrom(v0, v4);
                FloatVector t1 = LO4.selectFrom(v1, v5), t5 = HI4.selectFrom(v1, v5);
                FloatVector t2 = LO4.selectFrom(v2, v6), t6 = HI4.selectFrom(v2, v6);
                FloatVector t3 = LO4.selectFrom(v3, v7), t7 = HI4.selectFrom(v3, v7);
                FloatVector u0 = LO2.selectFrom(t0, t2), u2 = HI2.selectFrom(t0, t2);
                FloatVector u1 = LO2.selectFrom(t1, t3), u3 = HI2.selectFrom(t1, t3);
                FloatVector u4 = LO2.selectFrom(t4, t6), u6 = HI2.selectFrom(t4, t6);
                FloatVector u5 = LO2.selectFrom(t5, t7), u7 = HI2.selectFrom(t5, t7);
                FloatVector w0 = LO1.selectFrom(u0, u1), w1 = HI1.selectFrom(u0, u1);
                FloatVector w2 = LO1.selectFrom(u2, u3), w3 = HI1.selectFrom(u2, u3);
                FloatVector w4 = LO1.selectFrom(u4, u5), w5 = HI1.selectFrom(u4, u5);
                FloatVector w6 = LO1.selectFrom(u6, u7), w7 = HI1.selectFrom(u6, u7);
                // w_i: lanes 0-7 = A[0..7][p+i], lanes 8-15 = A[0..7][p+8+i].
                int d = base + p * MR;
                LO8.selectFrom(w0, w1).intoArray(ap, d);
                HI8.selectFrom(w0, w1).intoArray(ap, d + 64);
                LO8.selectFrom(w2, w3).intoArray(ap, d + 16);
                HI8.selectFrom(w2, w3).intoArray(ap, d + 80);
                LO8.selectFrom(w4, w5).intoArray(ap, d + 32);
                HI8.selectFrom(w4, w5).intoArray(ap, d + 96);
                LO8.selectFrom(w6, w7).intoArray(ap, d + 48);
                HI8.selectFrom(w6, w7).intoArray(ap, d + 112);
            }
            return p;
        }

        /**
         * Packs 16 columns of op(B) = B^T (column jj at b[s0 + jj*ldb + p]) for p < kc rounded down to 16 into
         * bp[d0 + p*NR + jj]: an in-register 16 x 16 transpose in four rounds of two-vector permutes. Returns the
         * number of rows of op(B) done. Needs VL == 16.
         */
        private int transposePack16(float[] bp, int d0, int s0, int kc) {
            int p = 0;
            for (; p + 16 <= kc; p += 16) {
                int so = s0 + p;
                FloatVector v0 = FloatVector.fromArray(S, b, so);
                FloatVector v1 = FloatVector.fromArray(S, b, so + ldb);
                FloatVector v2 = FloatVector.fromArray(S, b, so + 2 * ldb);
                FloatVector v3 = FloatVector.fromArray(S, b, so + 3 * ldb);
                FloatVector v4 = FloatVector.fromArray(S, b, so + 4 * ldb);
                FloatVector v5 = FloatVector.fromArray(S, b, so + 5 * ldb);
                FloatVector v6 = FloatVector.fromArray(S, b, so + 6 * ldb);
                FloatVector v7 = FloatVector.fromArray(S, b, so + 7 * ldb);
                FloatVector v8 = FloatVector.fromArray(S, b, so + 8 * ldb);
                FloatVector v9 = FloatVector.fromArray(S, b, so + 9 * ldb);
                FloatVector v10 = FloatVector.fromArray(S, b, so + 10 * ldb);
                FloatVector v11 = FloatVector.fromArray(S, b, so + 11 * ldb);
                FloatVector v12 = FloatVector.fromArray(S, b, so + 12 * ldb);
                FloatVector v13 = FloatVector.fromArray(S, b, so + 13 * ldb);
                FloatVector v14 = FloatVector.fromArray(S, b, so + 14 * ldb);
                FloatVector v15 = FloatVector.fromArray(S, b, so + 15 * ldb);
                FloatVector t0 = LO8.selectFrom(v0, v8), t8 = HI8.selectFrom(v0, v8);
                FloatVector t1 = LO8.selectFrom(v1, v9), t9 = HI8.selectFrom(v1, v9);
                FloatVector t2 = LO8.selectFrom(v2, v10), t10 = HI8.selectFrom(v2, v10);
                FloatVector t3 = LO8.selectFrom(v3, v11), t11 = HI8.selectFrom(v3, v11);
                FloatVector t4 = LO8.selectFrom(v4, v12), t12 = HI8.selectFrom(v4, v12);
                FloatVector t5 = LO8.selectFrom(v5, v13), t13 = HI8.selectFrom(v5, v13);
                FloatVector t6 = LO8.selectFrom(v6, v14), t14 = HI8.selectFrom(v6, v14);
                FloatVector t7 = LO8.selectFrom(v7, v15), t15 = HI8.selectFrom(v7, v15);
                FloatVector u0 = LO4.selectFrom(t0, t4), u4 = HI4.selectFrom(t0, t4);
                FloatVector u1 = LO4.selectFrom(t1, t5), u5 = HI4.selectFrom(t1, t5);
                FloatVector u2 = LO4.selectFrom(t2, t6), u6 = HI4.selectFrom(t2, t6);
                FloatVector u3 = LO4.selectFrom(t3, t7), u7 = HI4.selectFrom(t3, t7);
                FloatVector u8 = LO4.selectFrom(t8, t12), u12 = HI4.selectFrom(t8, t12);
                FloatVector u9 = LO4.selectFrom(t9, t13), u13 = HI4.selectFrom(t9, t13);
                FloatVector u10 = LO4.selectFrom(t10, t14), u14 = HI4.selectFrom(t10, t14);
                FloatVector u11 = LO4.selectFrom(t11, t15), u15 = HI4.selectFrom(t11, t15);
                FloatVector w0 = LO2.selectFrom(u0, u2), w2 = HI2.selectFrom(u0, u2);
                FloatVector w1 = LO2.selectFrom(u1, u3), w3 = HI2.selectFrom(u1, u3);
                FloatVector w4 = LO2.selectFrom(u4, u6), w6 = HI2.selectFrom(u4, u6);
                FloatVector w5 = LO2.selectFrom(u5, u7), w7 = HI2.selectFrom(u5, u7);
                FloatVector w8 = LO2.selectFrom(u8, u10), w10 = HI2.selectFrom(u8, u10);
                FloatVector w9 = LO2.selectFrom(u9, u11), w11 = HI2.selectFrom(u9, u11);
                FloatVector w12 = LO2.selectFrom(u12, u14), w14 = HI2.selectFrom(u12, u14);
                FloatVector w13 = LO2.selectFrom(u13, u15), w15 = HI2.selectFrom(u13, u15);
                FloatVector x0 = LO1.selectFrom(w0, w1), x1 = HI1.selectFrom(w0, w1);
                FloatVector x2 = LO1.selectFrom(w2, w3), x3 = HI1.selectFrom(w2, w3);
                FloatVector x4 = LO1.selectFrom(w4, w5), x5 = HI1.selectFrom(w4, w5);
                FloatVector x6 = LO1.selectFrom(w6, w7), x7 = HI1.selectFrom(w6, w7);
                FloatVector x8 = LO1.selectFrom(w8, w9), x9 = HI1.selectFrom(w8, w9);
                FloatVector x10 = LO1.selectFrom(w10, w11), x11 = HI1.selectFrom(w10, w11);
                FloatVector x12 = LO1.selectFrom(w12, w13), x13 = HI1.selectFrom(w12, w13);
                FloatVector x14 = LO1.selectFrom(w14, w15), x15 = HI1.selectFrom(w14, w15);
                int d = d0 + p * NR;
                x0.intoArray(bp, d);
                x1.intoArray(bp, d + 1 * NR);
                x2.intoArray(bp, d + 2 * NR);
                x3.intoArray(bp, d + 3 * NR);
                x4.intoArray(bp, d + 4 * NR);
                x5.intoArray(bp, d + 5 * NR);
                x6.intoArray(bp, d + 6 * NR);
                x7.intoArray(bp, d + 7 * NR);
                x8.intoArray(bp, d + 8 * NR);
                x9.intoArray(bp, d + 9 * NR);
                x10.intoArray(bp, d + 10 * NR);
                x11.intoArray(bp, d + 11 * NR);
                x12.intoArray(bp, d + 12 * NR);
                x13.intoArray(bp, d + 13 * NR);
                x14.intoArray(bp, d + 14 * NR);
                x15.intoArray(bp, d + 15 * NR);
            }
            return p;
        }

        /** Packs op(B)[pc:pc+kc, jc:jc+nc] into NR-column slivers: sliver t, element (p, j) at t*kc*NR + p*NR + j. */
        void packB(float[] bp, int pc, int kc, int jc, int nc) {
            for (int jr = 0; jr < nc; jr += NR) {
                packBSliver(bp, (jr / NR) * kc * NR, pc, kc, jc + jr, Math.min(NR, nc - jr));
            }
        }

        void packBSliver(float[] bp, int base, int pc, int kc, int j, int nr) {
            if (transB) {
                // op(B)(p, j) = b[bOff + j*ldb + p]: column j of the sliver is contiguous in p. Full slivers go
                // through in-register 16 x 16 transposes, the rest element by element.
                int p0 = 0;
                if (nr == NR && VL == 16) {
                    for (int h = 0; h < NR; h += 16) p0 = transposePack16(bp, base + h, bOff + (j + h) * ldb + pc, kc);
                }
                for (int jj = 0; jj < nr; jj++) {
                    int s = bOff + (j + jj) * ldb + pc;
                    for (int p = p0; p < kc; p++) bp[base + p * NR + jj] = b[s + p];
                }
                for (int jj = nr; jj < NR; jj++) {
                    for (int p = 0; p < kc; p++) bp[base + p * NR + jj] = 0f;
                }
            } else {
                int s = bOff + pc * ldb + j;
                if (nr == NR) {
                    for (int p = 0; p < kc; p++) {
                        int o = s + p * ldb, d = base + p * NR;
                        FloatVector.fromArray(S, b, o).intoArray(bp, d);
                        FloatVector.fromArray(S, b, o + VL).intoArray(bp, d + VL);
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        int o = s + p * ldb, d = base + p * NR;
                        for (int jj = 0; jj < nr; jj++) bp[d + jj] = b[o + jj];
                        for (int jj = nr; jj < NR; jj++) bp[d + jj] = 0f;
                    }
                }
            }
        }
    }

    /** Full 8 x 2 register tile: acc = sum over p of ap[pa + p*8 + r] * b[pb + p*ldbk + col]; then the C update. */
    private static void kernel8(int kc, float[] ap, int pa, float[] b, int pb, int ldbk,
                                float[] c, int co, int ldc, float alpha, float beta, boolean first) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        for (int p = 0; p < kc; p++) {
            int oa = pa + p * 8, ob = pb + p * ldbk;
            FloatVector b0 = FloatVector.fromArray(S, b, ob);
            FloatVector b1 = FloatVector.fromArray(S, b, ob + VL);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[oa]); c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[oa + 1]); c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[oa + 2]); c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[oa + 3]); c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[oa + 4]); c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[oa + 5]); c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[oa + 6]); c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[oa + 7]); c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        if (alpha != 1f) {
            c00 = c00.mul(alpha); c01 = c01.mul(alpha); c10 = c10.mul(alpha); c11 = c11.mul(alpha); c20 = c20.mul(alpha); c21 = c21.mul(alpha); c30 = c30.mul(alpha); c31 = c31.mul(alpha); c40 = c40.mul(alpha); c41 = c41.mul(alpha); c50 = c50.mul(alpha); c51 = c51.mul(alpha); c60 = c60.mul(alpha); c61 = c61.mul(alpha); c70 = c70.mul(alpha); c71 = c71.mul(alpha);
        }
        int o;
        if (!first) {
            o = co; c00.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c01.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 1 * ldc; c10.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c11.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 2 * ldc; c20.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c21.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 3 * ldc; c30.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c31.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 4 * ldc; c40.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c41.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 5 * ldc; c50.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c51.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 6 * ldc; c60.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c61.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 7 * ldc; c70.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c71.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        } else if (beta == 0f) {
            o = co; c00.intoArray(c, o); c01.intoArray(c, o + VL);
            o = co + 1 * ldc; c10.intoArray(c, o); c11.intoArray(c, o + VL);
            o = co + 2 * ldc; c20.intoArray(c, o); c21.intoArray(c, o + VL);
            o = co + 3 * ldc; c30.intoArray(c, o); c31.intoArray(c, o + VL);
            o = co + 4 * ldc; c40.intoArray(c, o); c41.intoArray(c, o + VL);
            o = co + 5 * ldc; c50.intoArray(c, o); c51.intoArray(c, o + VL);
            o = co + 6 * ldc; c60.intoArray(c, o); c61.intoArray(c, o + VL);
            o = co + 7 * ldc; c70.intoArray(c, o); c71.intoArray(c, o + VL);
        } else {
            o = co; c00.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c01.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 1 * ldc; c10.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c11.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 2 * ldc; c20.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c21.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 3 * ldc; c30.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c31.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 4 * ldc; c40.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c41.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 5 * ldc; c50.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c51.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 6 * ldc; c60.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c61.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 7 * ldc; c70.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c71.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
        }
    }


    /** As kernel8, reading op(A) = A in place: element (r, p) at ap[pa + r*lda + p]. */
    private static void kernel8a(int kc, float[] ap, int pa, int lda, float[] b, int pb, int ldbk,
                                float[] c, int co, int ldc, float alpha, float beta, boolean first) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        int l0 = pa + 0 * lda; int l1 = pa + 1 * lda; int l2 = pa + 2 * lda; int l3 = pa + 3 * lda; int l4 = pa + 4 * lda; int l5 = pa + 5 * lda; int l6 = pa + 6 * lda; int l7 = pa + 7 * lda;
        for (int p = 0; p < kc; p++) {
            int ob = pb + p * ldbk;
            FloatVector b0 = FloatVector.fromArray(S, b, ob);
            FloatVector b1 = FloatVector.fromArray(S, b, ob + VL);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[l0 + p]); c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[l1 + p]); c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[l2 + p]); c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[l3 + p]); c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[l4 + p]); c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[l5 + p]); c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[l6 + p]); c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[l7 + p]); c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        if (alpha != 1f) {
            c00 = c00.mul(alpha); c01 = c01.mul(alpha); c10 = c10.mul(alpha); c11 = c11.mul(alpha); c20 = c20.mul(alpha); c21 = c21.mul(alpha); c30 = c30.mul(alpha); c31 = c31.mul(alpha); c40 = c40.mul(alpha); c41 = c41.mul(alpha); c50 = c50.mul(alpha); c51 = c51.mul(alpha); c60 = c60.mul(alpha); c61 = c61.mul(alpha); c70 = c70.mul(alpha); c71 = c71.mul(alpha);
        }
        int o;
        if (!first) {
            o = co; c00.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c01.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 1 * ldc; c10.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c11.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 2 * ldc; c20.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c21.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 3 * ldc; c30.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c31.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 4 * ldc; c40.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c41.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 5 * ldc; c50.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c51.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 6 * ldc; c60.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c61.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
            o = co + 7 * ldc; c70.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c71.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        } else if (beta == 0f) {
            o = co; c00.intoArray(c, o); c01.intoArray(c, o + VL);
            o = co + 1 * ldc; c10.intoArray(c, o); c11.intoArray(c, o + VL);
            o = co + 2 * ldc; c20.intoArray(c, o); c21.intoArray(c, o + VL);
            o = co + 3 * ldc; c30.intoArray(c, o); c31.intoArray(c, o + VL);
            o = co + 4 * ldc; c40.intoArray(c, o); c41.intoArray(c, o + VL);
            o = co + 5 * ldc; c50.intoArray(c, o); c51.intoArray(c, o + VL);
            o = co + 6 * ldc; c60.intoArray(c, o); c61.intoArray(c, o + VL);
            o = co + 7 * ldc; c70.intoArray(c, o); c71.intoArray(c, o + VL);
        } else {
            o = co; c00.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c01.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 1 * ldc; c10.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c11.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 2 * ldc; c20.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c21.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 3 * ldc; c30.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c31.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 4 * ldc; c40.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c41.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 5 * ldc; c50.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c51.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 6 * ldc; c60.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c61.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
            o = co + 7 * ldc; c70.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c71.add(FloatVector.fromArray(S, c, o + VL).mul(beta)).intoArray(c, o + VL);
        }
    }


    /** As kernel8, the second vector of C loaded and stored under mask mk (the valid columns of an edge tile). */
    private static void kernel8m(int kc, float[] ap, int pa, float[] b, int pb, int ldbk,
                                float[] c, int co, int ldc, float alpha, float beta, boolean first, VectorMask<Float> mk) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        for (int p = 0; p < kc; p++) {
            int oa = pa + p * 8, ob = pb + p * ldbk;
            FloatVector b0 = FloatVector.fromArray(S, b, ob);
            FloatVector b1 = FloatVector.fromArray(S, b, ob + VL);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[oa]); c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[oa + 1]); c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[oa + 2]); c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[oa + 3]); c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[oa + 4]); c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[oa + 5]); c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[oa + 6]); c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[oa + 7]); c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        if (alpha != 1f) {
            c00 = c00.mul(alpha); c01 = c01.mul(alpha); c10 = c10.mul(alpha); c11 = c11.mul(alpha); c20 = c20.mul(alpha); c21 = c21.mul(alpha); c30 = c30.mul(alpha); c31 = c31.mul(alpha); c40 = c40.mul(alpha); c41 = c41.mul(alpha); c50 = c50.mul(alpha); c51 = c51.mul(alpha); c60 = c60.mul(alpha); c61 = c61.mul(alpha); c70 = c70.mul(alpha); c71 = c71.mul(alpha);
        }
        int o;
        if (!first) {
            o = co; c00.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c01.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 1 * ldc; c10.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c11.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 2 * ldc; c20.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c21.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 3 * ldc; c30.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c31.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 4 * ldc; c40.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c41.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 5 * ldc; c50.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c51.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 6 * ldc; c60.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c61.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 7 * ldc; c70.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c71.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
        } else if (beta == 0f) {
            o = co; c00.intoArray(c, o); c01.intoArray(c, o + VL, mk);
            o = co + 1 * ldc; c10.intoArray(c, o); c11.intoArray(c, o + VL, mk);
            o = co + 2 * ldc; c20.intoArray(c, o); c21.intoArray(c, o + VL, mk);
            o = co + 3 * ldc; c30.intoArray(c, o); c31.intoArray(c, o + VL, mk);
            o = co + 4 * ldc; c40.intoArray(c, o); c41.intoArray(c, o + VL, mk);
            o = co + 5 * ldc; c50.intoArray(c, o); c51.intoArray(c, o + VL, mk);
            o = co + 6 * ldc; c60.intoArray(c, o); c61.intoArray(c, o + VL, mk);
            o = co + 7 * ldc; c70.intoArray(c, o); c71.intoArray(c, o + VL, mk);
        } else {
            o = co; c00.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c01.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 1 * ldc; c10.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c11.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 2 * ldc; c20.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c21.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 3 * ldc; c30.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c31.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 4 * ldc; c40.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c41.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 5 * ldc; c50.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c51.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 6 * ldc; c60.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c61.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 7 * ldc; c70.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c71.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
        }
    }


    /** As kernel8 on one vector of columns (NR/2), C loaded and stored under mask mk (the valid columns). */
    private static void kernel8h(int kc, float[] ap, int pa, float[] b, int pb, int ldbk,
                                float[] c, int co, int ldc, float alpha, float beta, boolean first, VectorMask<Float> mk) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c10 = z, c20 = z, c30 = z, c40 = z, c50 = z, c60 = z, c70 = z;
        for (int p = 0; p < kc; p++) {
            int oa = pa + p * 8, ob = pb + p * ldbk;
            FloatVector b0 = FloatVector.fromArray(S, b, ob);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[oa]); c00 = x.fma(b0, c00);
            x = FloatVector.broadcast(S, ap[oa + 1]); c10 = x.fma(b0, c10);
            x = FloatVector.broadcast(S, ap[oa + 2]); c20 = x.fma(b0, c20);
            x = FloatVector.broadcast(S, ap[oa + 3]); c30 = x.fma(b0, c30);
            x = FloatVector.broadcast(S, ap[oa + 4]); c40 = x.fma(b0, c40);
            x = FloatVector.broadcast(S, ap[oa + 5]); c50 = x.fma(b0, c50);
            x = FloatVector.broadcast(S, ap[oa + 6]); c60 = x.fma(b0, c60);
            x = FloatVector.broadcast(S, ap[oa + 7]); c70 = x.fma(b0, c70);
        }
        if (alpha != 1f) {
            c00 = c00.mul(alpha); c10 = c10.mul(alpha); c20 = c20.mul(alpha); c30 = c30.mul(alpha); c40 = c40.mul(alpha); c50 = c50.mul(alpha); c60 = c60.mul(alpha); c70 = c70.mul(alpha);
        }
        int o;
        if (!first) {
            o = co; c00.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 1 * ldc; c10.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 2 * ldc; c20.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 3 * ldc; c30.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 4 * ldc; c40.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 5 * ldc; c50.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 6 * ldc; c60.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 7 * ldc; c70.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
        } else if (beta == 0f) {
            o = co; c00.intoArray(c, o, mk);
            o = co + 1 * ldc; c10.intoArray(c, o, mk);
            o = co + 2 * ldc; c20.intoArray(c, o, mk);
            o = co + 3 * ldc; c30.intoArray(c, o, mk);
            o = co + 4 * ldc; c40.intoArray(c, o, mk);
            o = co + 5 * ldc; c50.intoArray(c, o, mk);
            o = co + 6 * ldc; c60.intoArray(c, o, mk);
            o = co + 7 * ldc; c70.intoArray(c, o, mk);
        } else {
            o = co; c00.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 1 * ldc; c10.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 2 * ldc; c20.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 3 * ldc; c30.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 4 * ldc; c40.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 5 * ldc; c50.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 6 * ldc; c60.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 7 * ldc; c70.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
        }
    }


    /** As kernel8m, reading op(A) = A in place (see kernel8a). */
    private static void kernel8am(int kc, float[] ap, int pa, int lda, float[] b, int pb, int ldbk,
                                float[] c, int co, int ldc, float alpha, float beta, boolean first, VectorMask<Float> mk) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        int l0 = pa + 0 * lda; int l1 = pa + 1 * lda; int l2 = pa + 2 * lda; int l3 = pa + 3 * lda; int l4 = pa + 4 * lda; int l5 = pa + 5 * lda; int l6 = pa + 6 * lda; int l7 = pa + 7 * lda;
        for (int p = 0; p < kc; p++) {
            int ob = pb + p * ldbk;
            FloatVector b0 = FloatVector.fromArray(S, b, ob);
            FloatVector b1 = FloatVector.fromArray(S, b, ob + VL);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[l0 + p]); c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[l1 + p]); c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[l2 + p]); c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[l3 + p]); c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[l4 + p]); c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[l5 + p]); c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[l6 + p]); c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[l7 + p]); c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        if (alpha != 1f) {
            c00 = c00.mul(alpha); c01 = c01.mul(alpha); c10 = c10.mul(alpha); c11 = c11.mul(alpha); c20 = c20.mul(alpha); c21 = c21.mul(alpha); c30 = c30.mul(alpha); c31 = c31.mul(alpha); c40 = c40.mul(alpha); c41 = c41.mul(alpha); c50 = c50.mul(alpha); c51 = c51.mul(alpha); c60 = c60.mul(alpha); c61 = c61.mul(alpha); c70 = c70.mul(alpha); c71 = c71.mul(alpha);
        }
        int o;
        if (!first) {
            o = co; c00.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c01.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 1 * ldc; c10.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c11.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 2 * ldc; c20.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c21.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 3 * ldc; c30.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c31.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 4 * ldc; c40.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c41.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 5 * ldc; c50.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c51.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 6 * ldc; c60.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c61.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
            o = co + 7 * ldc; c70.add(FloatVector.fromArray(S, c, o)).intoArray(c, o); c71.add(FloatVector.fromArray(S, c, o + VL, mk)).intoArray(c, o + VL, mk);
        } else if (beta == 0f) {
            o = co; c00.intoArray(c, o); c01.intoArray(c, o + VL, mk);
            o = co + 1 * ldc; c10.intoArray(c, o); c11.intoArray(c, o + VL, mk);
            o = co + 2 * ldc; c20.intoArray(c, o); c21.intoArray(c, o + VL, mk);
            o = co + 3 * ldc; c30.intoArray(c, o); c31.intoArray(c, o + VL, mk);
            o = co + 4 * ldc; c40.intoArray(c, o); c41.intoArray(c, o + VL, mk);
            o = co + 5 * ldc; c50.intoArray(c, o); c51.intoArray(c, o + VL, mk);
            o = co + 6 * ldc; c60.intoArray(c, o); c61.intoArray(c, o + VL, mk);
            o = co + 7 * ldc; c70.intoArray(c, o); c71.intoArray(c, o + VL, mk);
        } else {
            o = co; c00.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c01.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 1 * ldc; c10.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c11.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 2 * ldc; c20.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c21.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 3 * ldc; c30.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c31.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 4 * ldc; c40.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c41.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 5 * ldc; c50.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c51.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 6 * ldc; c60.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c61.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
            o = co + 7 * ldc; c70.add(FloatVector.fromArray(S, c, o).mul(beta)).intoArray(c, o); c71.add(FloatVector.fromArray(S, c, o + VL, mk).mul(beta)).intoArray(c, o + VL, mk);
        }
    }


    /** As kernel8h, reading op(A) = A in place (see kernel8a). */
    private static void kernel8ah(int kc, float[] ap, int pa, int lda, float[] b, int pb, int ldbk,
                                float[] c, int co, int ldc, float alpha, float beta, boolean first, VectorMask<Float> mk) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c10 = z, c20 = z, c30 = z, c40 = z, c50 = z, c60 = z, c70 = z;
        int l0 = pa + 0 * lda; int l1 = pa + 1 * lda; int l2 = pa + 2 * lda; int l3 = pa + 3 * lda; int l4 = pa + 4 * lda; int l5 = pa + 5 * lda; int l6 = pa + 6 * lda; int l7 = pa + 7 * lda;
        for (int p = 0; p < kc; p++) {
            int ob = pb + p * ldbk;
            FloatVector b0 = FloatVector.fromArray(S, b, ob);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[l0 + p]); c00 = x.fma(b0, c00);
            x = FloatVector.broadcast(S, ap[l1 + p]); c10 = x.fma(b0, c10);
            x = FloatVector.broadcast(S, ap[l2 + p]); c20 = x.fma(b0, c20);
            x = FloatVector.broadcast(S, ap[l3 + p]); c30 = x.fma(b0, c30);
            x = FloatVector.broadcast(S, ap[l4 + p]); c40 = x.fma(b0, c40);
            x = FloatVector.broadcast(S, ap[l5 + p]); c50 = x.fma(b0, c50);
            x = FloatVector.broadcast(S, ap[l6 + p]); c60 = x.fma(b0, c60);
            x = FloatVector.broadcast(S, ap[l7 + p]); c70 = x.fma(b0, c70);
        }
        if (alpha != 1f) {
            c00 = c00.mul(alpha); c10 = c10.mul(alpha); c20 = c20.mul(alpha); c30 = c30.mul(alpha); c40 = c40.mul(alpha); c50 = c50.mul(alpha); c60 = c60.mul(alpha); c70 = c70.mul(alpha);
        }
        int o;
        if (!first) {
            o = co; c00.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 1 * ldc; c10.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 2 * ldc; c20.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 3 * ldc; c30.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 4 * ldc; c40.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 5 * ldc; c50.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 6 * ldc; c60.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
            o = co + 7 * ldc; c70.add(FloatVector.fromArray(S, c, o, mk)).intoArray(c, o, mk);
        } else if (beta == 0f) {
            o = co; c00.intoArray(c, o, mk);
            o = co + 1 * ldc; c10.intoArray(c, o, mk);
            o = co + 2 * ldc; c20.intoArray(c, o, mk);
            o = co + 3 * ldc; c30.intoArray(c, o, mk);
            o = co + 4 * ldc; c40.intoArray(c, o, mk);
            o = co + 5 * ldc; c50.intoArray(c, o, mk);
            o = co + 6 * ldc; c60.intoArray(c, o, mk);
            o = co + 7 * ldc; c70.intoArray(c, o, mk);
        } else {
            o = co; c00.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 1 * ldc; c10.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 2 * ldc; c20.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 3 * ldc; c30.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 4 * ldc; c40.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 5 * ldc; c50.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 6 * ldc; c60.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
            o = co + 7 * ldc; c70.add(FloatVector.fromArray(S, c, o, mk).mul(beta)).intoArray(c, o, mk);
        }
    }

}
