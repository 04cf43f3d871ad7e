package org.reprolab.bench;

import java.util.Locale;
import org.reprolab.backend.opencl.OpenClProvider;
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.Backend;

/**
 * The OpenCL backend next to the JVM backend in one process: square float32 GEMM (GFLOP/s, the product and a
 * one-element read that waits for it) and training steps per second of the reference models (each step ends
 * with loss.item(), which waits for the device). Prints "gemm &lt;n&gt; jvm &lt;GFLOP/s&gt; opencl &lt;GFLOP/s&gt;" and
 * "train &lt;model&gt; jvm &lt;steps/s&gt; opencl &lt;steps/s&gt;". Usage: OpenClTiming [seconds per window] [sizes…];
 * the system property {@code models} (default mlp,cnn,lm) picks the models, {@code device} the OpenCL device.
 */
public final class OpenClTiming {
    private OpenClTiming() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        int[] sizes = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt)
                .toArray() : new int[] {256, 512, 1024, 2048};
        String[] models = System.getProperty("models", "mlp,cnn,lm").split(",");
        try (OpenClProvider provider = new OpenClProvider()) {
            if (!provider.available()) {
                System.out.println("opencl unavailable: " + provider.unavailableReason());
                return;
            }
            Backend cl = provider.open(Integer.getInteger("device", 0));
            Backend jvm = Backends.jvm();
            System.out.println("# opencl: " + cl.description());
            System.out.println("# jvm: " + jvm.description());
            for (int n : sizes) {
                System.out.println(String.format(Locale.ROOT, "gemm %d jvm %.1f opencl %.1f", n,
                        gemmGflops(jvm, n, seconds), gemmGflops(cl, n, seconds)));
            }
            for (String model : models) {
                if (!model.isBlank()) {
                    System.out.println(String.format(Locale.ROOT, "train %s jvm %.2f opencl %.2f", model,
                            stepsPerSecond(jvm, model, seconds), stepsPerSecond(cl, model, seconds)));
                }
            }
        }
    }

    /** Best of the timed products within about {@code seconds}, after two warm-up products. */
    private static double gemmGflops(Backend backend, int n, double seconds) throws Exception {
        return Backends.using(backend, () -> {
            Generator gen = new Generator(42);
            Tensor a = gen.uniform(-0.5, 0.5, n, n);
            Tensor b = gen.uniform(-0.5, 0.5, n, n);
            for (int w = 0; w < 2; w++) {
                a.matmul(b).reshape(-1).narrow(0, 0, 1).item();
            }
            long best = Long.MAX_VALUE;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            int reps = 0;
            while (reps < 3 || System.nanoTime() < end) {
                long t0 = System.nanoTime();
                a.matmul(b).reshape(-1).narrow(0, 0, 1).item();
                best = Math.min(best, System.nanoTime() - t0);
                reps++;
            }
            return 2.0 * n * n * n / best;
        });
    }

    /** Best of three windows of {@code seconds}, after one window of warm-up. */
    private static double stepsPerSecond(Backend backend, String model, double seconds) throws Exception {
        return Backends.using(backend, () -> {
            TrainingStep step = new TrainingStep(model, 1);
            long warmupEnd = System.nanoTime() + (long) (seconds * 1e9);
            do {
                step.run();
            } while (System.nanoTime() < warmupEnd);
            double best = 0;
            for (int window = 0; window < 3; window++) {
                int steps = 0;
                long start = System.nanoTime();
                long now;
                do {
                    step.run();
                    steps++;
                    now = System.nanoTime();
                } while (now < start + (long) (seconds * 1e9));
                best = Math.max(best, steps / ((now - start) / 1e9));
            }
            return best;
        });
    }
}
