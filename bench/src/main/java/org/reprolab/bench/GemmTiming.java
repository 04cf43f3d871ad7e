package org.reprolab.bench;

import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import org.reprolab.tensor.jvm.Gemm;

/**
 * Best-of-N timing of square sgemm (C = A * B, float32) for the comparison script: prints one line per size,
 * {@code size gflops_1thread gflops_2threads}. Arguments: repetitions, then the sizes (default 256 512 1024 2048).
 */
public final class GemmTiming {

    private GemmTiming() {}

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] sizes = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {256, 512, 1024, 2048};
        String trans = System.getProperty("trans", "NN");
        boolean transA = trans.charAt(0) == 'T', transB = trans.charAt(1) == 'T';
        ForkJoinPool pool = new ForkJoinPool(2);
        Random random = new Random(42);
        warmUp(pool, transA, transB);
        for (int n : sizes) {
            float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
            for (int i = 0; i < a.length; i++) a[i] = random.nextFloat() - 0.5f;
            for (int i = 0; i < b.length; i++) b[i] = random.nextFloat() - 0.5f;
            double[] gflops = new double[2];
            int r = n >= 2048 ? Math.max(2, reps / 3) : reps;
            // Warm up (JIT) with a few calls first, then best of r, the two thread counts alternating.
            for (int w = 0; w < 3; w++) {
                Gemm.sgemm(transA, transB, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n, null);
                Gemm.sgemm(transA, transB, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n, pool);
            }
            long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
            for (int i = 0; i < r; i++) {
                for (int t = 0; t < 2; t++) {
                    long t0 = System.nanoTime();
                    Gemm.sgemm(transA, transB, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n, t == 0 ? null : pool);
                    best[t] = Math.min(best[t], System.nanoTime() - t0);
                }
            }
            for (int t = 0; t < 2; t++) gflops[t] = 2.0 * n * n * n / best[t];
            System.out.println(String.format(Locale.ROOT, "%d %.1f %.1f", n, gflops[0], gflops[1]));
        }
        pool.shutdown();
    }

    /** About 3 s of 128..384-sized products on both thread counts, so that C2 has compiled the kernels. */
    private static void warmUp(ForkJoinPool pool, boolean transA, boolean transB) {
        int n = 384;
        float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
        java.util.Arrays.fill(a, 0.5f);
        java.util.Arrays.fill(b, 0.25f);
        long end = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; System.nanoTime() < end; i++) {
            int s = 128 + 128 * (i % 3);
            Gemm.sgemm(transA, transB, s, s, s, 1f, a, 0, s, b, 0, s, 0f, c, 0, s, i % 2 == 0 ? null : pool);
        }
    }
}
