package org.reprolab.bench;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.reprolab.tensor.jvm.Gemm;

/**
 * Square single-precision GEMM, C = A * B (all four transpose combinations selectable), n = 256 ... 2048 on 1 and
 * 2 threads. Besides ops/s (calls per second) JMH prints the secondary metric {@code sgemm:gflop}, whose "ops/s"
 * are GFLOP/s (2*n^3 flops per call). Run: {@code java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar GemmBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBench {

    @Param({"256", "512", "1024", "2048"})
    public int size;

    @Param({"1", "2"})
    public int threads;

    /** NN, NT, TN or TT: whether op(A) / op(B) is transposed. */
    @Param({"NN"})
    public String trans;

    private float[] a, b, c;
    private ForkJoinPool pool;
    private boolean transA, transB;

    /** Counts GFLOP done; JMH divides by the measured time, which gives GFLOP/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        public double gflop;

        @Setup(Level.Iteration)
        public void reset() {
            gflop = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        a = new float[size * size];
        b = new float[size * size];
        c = new float[size * size];
        for (int i = 0; i < a.length; i++) a[i] = random.nextFloat() - 0.5f;
        for (int i = 0; i < b.length; i++) b[i] = random.nextFloat() - 0.5f;
        pool = threads > 1 ? new ForkJoinPool(threads) : null;
        transA = trans.charAt(0) == 'T';
        transB = trans.charAt(1) == 'T';
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) pool.shutdown();
    }

    @Benchmark
    public void sgemm(Flops flops, Blackhole bh) {
        Gemm.sgemm(transA, transB, size, size, size, 1f, a, 0, size, b, 0, size, 0f, c, 0, size, pool);
        flops.gflop += 2e-9 * size * size * size;
        bh.consume(c);
    }
}
