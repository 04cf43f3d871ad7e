package org.reprolab.bench;

import java.util.concurrent.TimeUnit;
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
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.Conv;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.jvm.JvmBackend;
import org.reprolab.tensor.nn.Functional;

/**
 * Forward kernels at the reference models' shapes: conv2d (CNN's second layer, batch 64), softmax over
 * attention scores (32·4 × 64 × 64) and layer norm over the LM's activations (2048 × 128).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class OpsBench {
    @Param({"1", "2"})
    public int threads;

    private JvmBackend backend;
    private Tensor image;
    private Tensor kernel;
    private Tensor scores;
    private Tensor activations;
    private Tensor gamma;
    private Tensor beta;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        backend = new JvmBackend(threads);
        Backends.using(backend, () -> {
            Generator gen = new Generator(1);
            image = gen.randn(64, 32, 14, 14);
            kernel = gen.randn(64, 32, 3, 3);
            scores = gen.randn(128, 64, 64);
            activations = gen.randn(2048, 128);
            gamma = Tensor.ones(128);
            beta = Tensor.zeros(128);
            return null;
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }

    @Benchmark
    public Tensor conv2d() throws Exception {
        return forward(() -> Conv.conv2d(image, kernel, null, 1, 1));
    }

    @Benchmark
    public Tensor softmax() throws Exception {
        return forward(() -> scores.softmax(-1));
    }

    @Benchmark
    public Tensor layerNorm() throws Exception {
        return forward(() -> Functional.layerNorm(activations, 1, gamma, beta, 1e-5));
    }

    private Tensor forward(java.util.concurrent.Callable<Tensor> op) throws Exception {
        return Backends.using(backend, () -> {
            try (var ignored = Autograd.noGrad()) {
                return op.call();
            }
        });
    }
}
