package org.reprolab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.Conv;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.jvm.JvmBackend;

/**
 * Times forward + backward of the reference CNN's convolution and pooling layers (batch 64, 1×28×28 → conv
 * 1→32 3×3 → ReLU → maxpool 2 → conv 32→64 3×3 → ReLU → maxpool 2), per layer, then whole SGD steps with
 * its FC head (3136→128→10). A main, not a test: run it by hand, e.g.
 * {@code java --add-modules jdk.incubator.vector -cp … org.reprolab.tensor.ConvTiming [threads] [steps]}.
 * With one thread, times are CPU time of the calling thread, which then does all the work and is not inflated
 * by other processes on a busy machine; with more threads they are wall time.
 */
public final class ConvTiming {
    private ConvTiming() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        cpuTime = threads == 1;
        JvmBackend backend = new JvmBackend(threads);
        try {
            Backends.using(backend, () -> {
                run(backend, steps);
                return null;
            });
        } finally {
            backend.close();
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static boolean cpuTime = true;

    private static long now() {
        return cpuTime ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static void run(Backend backend, int steps) {
        Generator gen = new Generator(1);
        Tensor x = gen.normal(0, 1, 64, 1, 28, 28);
        Tensor w1 = gen.uniform(-1 / 3.0, 1 / 3.0, 32, 1, 3, 3).requiresGrad(true);
        Tensor b1 = gen.uniform(-1 / 3.0, 1 / 3.0, 32).requiresGrad(true);
        double bound = 1 / Math.sqrt(32 * 9);
        Tensor w2 = gen.uniform(-bound, bound, 64, 32, 3, 3).requiresGrad(true);
        Tensor b2 = gen.uniform(-bound, bound, 64).requiresGrad(true);
        Tensor seed = gen.normal(0, 1, 64, 64, 7, 7);
        String[] names = {"conv1+relu", "pool1", "conv2+relu", "pool2"};
        double[] fwd = new double[4];
        double[] total = new double[2];
        for (int s = 0; s < steps; s++) {
            boolean warm = s >= steps / 3;
            long t0 = now();
            Tensor a = Conv.conv2d(x, w1, b1, 1, 1).relu();
            long t1 = now();
            Tensor p = Conv.maxPool2d(a, 2);
            long t2 = now();
            Tensor c = Conv.conv2d(p, w2, b2, 1, 1).relu();
            long t3 = now();
            Tensor y = Conv.maxPool2d(c, 2);
            long t4 = now();
            y.backward(seed);
            long t5 = now();
            for (Tensor t : new Tensor[] {w1, b1, w2, b2}) {
                t.zeroGrad();
            }
            if (warm) {
                long[] ts = {t0, t1, t2, t3, t4};
                for (int k = 0; k < 4; k++) {
                    fwd[k] += (ts[k + 1] - ts[k]) / 1e6;
                }
                total[0] += (t4 - t0) / 1e6;
                total[1] += (t5 - t4) / 1e6;
            }
        }
        int n = steps - steps / 3;
        System.out.println(backend.description() + (cpuTime ? ", CPU time" : ", wall time"));
        for (int k = 0; k < 4; k++) {
            System.out.printf("  forward %-11s %7.2f ms%n", names[k], fwd[k] / n);
        }
        System.out.printf("conv/pool layers: forward %.2f ms, backward %.2f ms, total %.2f ms per step%n",
                total[0] / n, total[1] / n, (total[0] + total[1]) / n);
        trainingSteps(gen, x, w1, b1, w2, b2, steps);
    }

    /** Whole SGD steps of the reference CNN (FC 3136→128→10 head, cross-entropy), as steps per second. */
    private static void trainingSteps(Generator gen, Tensor x, Tensor w1, Tensor b1, Tensor w2, Tensor b2,
                                      int steps) {
        double bound = 1 / Math.sqrt(3136);
        Tensor fc1 = gen.uniform(-bound, bound, 3136, 128).requiresGrad(true);
        Tensor fb1 = gen.uniform(-bound, bound, 128).requiresGrad(true);
        Tensor fc2 = gen.uniform(-1 / Math.sqrt(128), 1 / Math.sqrt(128), 128, 10).requiresGrad(true);
        Tensor fb2 = gen.uniform(-1 / Math.sqrt(128), 1 / Math.sqrt(128), 10).requiresGrad(true);
        Tensor labels = gen.randint(0, 10, 64, 1);
        Tensor[] params = {w1, b1, w2, b2, fc1, fb1, fc2, fb2};
        double elapsed = 0;
        for (int s = 0; s < steps; s++) {
            long t0 = now();
            Tensor a = Conv.maxPool2d(Conv.conv2d(x, w1, b1, 1, 1).relu(), 2);
            Tensor f = Conv.maxPool2d(Conv.conv2d(a, w2, b2, 1, 1).relu(), 2).flatten(1, 3);
            Tensor logits = f.matmul(fc1).add(fb1).relu().matmul(fc2).add(fb2);
            Tensor loss = logits.logSoftmax(1).gather(1, labels).mean().neg();
            loss.backward();
            try (var ignored = Autograd.noGrad()) {
                for (Tensor p : params) {
                    p.addInPlace(p.grad(), -0.01);
                    p.zeroGrad();
                }
            }
            if (s >= steps / 3) {
                elapsed += (now() - t0) / 1e6;
            }
        }
        double perStep = elapsed / (steps - steps / 3);
        System.out.printf("whole training step: %.2f ms, %.1f steps/s%n", perStep, 1000 / perStep);
    }
}
