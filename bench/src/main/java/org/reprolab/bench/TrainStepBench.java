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
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.jvm.JvmBackend;

/** One Adam training step of each reference model (steps/s), on 1 and 2 threads. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class TrainStepBench {
    @Param({"mlp", "cnn", "lm"})
    public String model;

    @Param({"1", "2"})
    public int threads;

    private JvmBackend backend;
    private TrainingStep step;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        backend = new JvmBackend(threads);
        step = Backends.using(backend, () -> new TrainingStep(model, 1));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }

    @Benchmark
    public double trainingStep() throws Exception {
        return Backends.using(backend, step::run);
    }
}
