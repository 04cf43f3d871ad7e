package org.reprolab.bench;

import java.util.Locale;
import org.reprolab.backend.cuda.CudaProvider;
import org.reprolab.backend.opencl.OpenClProvider;
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.BackendProvider;

/**
 * An accelerator backend next to the JVM backend in one process: square float32 GEMM (GFLOP/s; a window of
 * back-to-back products ended by a one-element read that waits for them) and training steps per second of the
 * reference models (each step ends with loss.item(), which waits for the device). Prints
 * "gemm &lt;n&gt; jvm &lt;GFLOP/s&gt; &lt;kind&gt; &lt;GFLOP/s&gt;" and "train &lt;model&gt; jvm &lt;steps/s&gt; &lt;kind&gt; &lt;steps/s&gt;".
 * Usage: DeviceTiming &lt;opencl|cuda|cuda-tf32|cuda-bf16&gt; [seconds per window] [sizes…]; system properties:
 * {@code models} (default mlp,cnn,lm; empty for none), {@code device} (the device index), {@code jvmMax} (the
 * largest GEMM size also timed on the JVM, default 2048).
 */
public final class DeviceTiming {
    private DeviceTiming() {
    }

    static BackendProvider provider(String kind) {
        return switch (kind) {
            case "opencl" -> new OpenClProvider();
            case "cuda" -> new CudaProvider.Fp32();
            case "cuda-tf32" -> new CudaProvider.Tf32();
            case "cuda-bf16" -> new CudaProvider.Bf16();
            default -> throw new IllegalArgumentException("unknown backend kind " + kind
                    + " (opencl, cuda, cuda-tf32, cuda-bf16)");
        };
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "opencl";
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        int[] sizes = args.length > 2 ? java.util.Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt)
                .toArray() : new int[] {256, 512, 1024, 2048};
        String[] models = System.getProperty("models", "mlp,cnn,lm").split(",");
        int jvmMax = Integer.getInteger("jvmMax", 2048);
        BackendProvider provider = provider(kind);
        try {
            if (!provider.available()) {
                System.out.println(kind + " unavailable: " + provider.unavailableReason());
                return;
            }
            Backend device = provider.open(Integer.getInteger("device", 0));
            Backend jvm = Backends.jvm();
            System.out.println("# " + kind + ": " + device.description());
            System.out.println("# jvm: " + jvm.description());
            for (int n : sizes) {
                String reference = n <= jvmMax ? String.format(Locale.ROOT, "%.1f", gemmGflops(jvm, n, seconds)) : "-";
                System.out.println(String.format(Locale.ROOT, "gemm %d jvm %s %s %.1f", n, reference, kind,
                        gemmGflops(device, n, seconds)));
            }
            for (String model : models) {
                if (!model.isBlank()) {
                    System.out.println(String.format(Locale.ROOT, "train %s jvm %.2f %s %.2f", model,
                            stepsPerSecond(jvm, model, seconds), kind, stepsPerSecond(device, model, seconds)));
                }
            }
        } finally {
            if (provider instanceof AutoCloseable c) {
                c.close();
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
            // products per window: enough that the closing read is a small part of the window
            long t0 = System.nanoTime();
            a.matmul(b).reshape(-1).narrow(0, 0, 1).item();
            double single = Math.max(System.nanoTime() - t0, 1);
            int perWindow = (int) Math.max(1, Math.min(50, 0.2e9 / single));
            double best = Double.MAX_VALUE;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            int windows = 0;
            while (windows < 3 || System.nanoTime() < end) {
                Tensor last = null;
                long start = System.nanoTime();
                for (int r = 0; r < perWindow; r++) {
                    last = a.matmul(b);
                }
                last.reshape(-1).narrow(0, 0, 1).item();
                best = Math.min(best, (System.nanoTime() - start) / (double) perWindow);
                windows++;
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
