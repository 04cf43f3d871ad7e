package org.reprolab.bench;

import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import org.reprolab.tensor.jvm.Gemm;

/**
 * Best-of-N timing of the GEMM shapes the lab trains with (MLP layers forward and backward, conv via im2col), on a
 * 2-thread pool (-Dthreads=N for another count, 1 = no pool). Arguments: repetitions, then shapes as {@code TRANS:m:n:k} (TRANS = NN, NT, TN or TT). Prints
 * {@code shape gflops} per shape.
 */
public final class GemmShapes {

    private GemmShapes() {}

    public static void main(String[] args) {
        int reps = Integer.parseInt(args[0]);
        int threads = Integer.getInteger("threads", 2);
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        Random random = new Random(42);
        for (int s = 1; s < args.length; s++) {
            String[] f = args[s].split(":");
            boolean transA = f[0].charAt(0) == 'T', transB = f[0].charAt(1) == 'T';
            int m = Integer.parseInt(f[1]), n = Integer.parseInt(f[2]), k = Integer.parseInt(f[3]);
            float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
            for (int i = 0; i < a.length; i++) a[i] = random.nextFloat() - 0.5f;
            for (int i = 0; i < b.length; i++) b[i] = random.nextFloat() - 0.5f;
            int lda = transA ? m : k, ldb = transB ? k : n;
            long flops = 2L * m * n * k;
            // At least ~1 s of warm-up, 3 s for the first shape (C2 on a busy machine is slow, and the
            // Vector API code is very slow until C2 has compiled it), then best of reps (each rep is a batch of calls lasting >= ~1 ms).
            int inner = (int) Math.max(1, Math.min(10_000, 200_000_000L / Math.max(flops, 1)));
            long warmEnd = System.nanoTime() + (s == 1 ? 3_000_000_000L : 1_000_000_000L);
            while (System.nanoTime() < warmEnd) {
                Gemm.sgemm(transA, transB, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n, pool);
            }
            long best = Long.MAX_VALUE;
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < inner; i++) {
                    Gemm.sgemm(transA, transB, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n, pool);
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.println(String.format(Locale.ROOT, "%s %.1f", args[s], (double) flops * inner / best));
        }
        if (pool != null) pool.shutdown();
    }
}
