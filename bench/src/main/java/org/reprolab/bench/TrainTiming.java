package org.reprolab.bench;

import org.reprolab.tensor.Backends;
import org.reprolab.tensor.jvm.JvmBackend;

/**
 * Training steps per second of the reference models on the JVM backend, printed as bench/torch_train.py prints
 * PyTorch's: "<model> <threads> <steps/s>". Usage: TrainTiming threads [mlp|cnn|lm ...].
 */
public final class TrainTiming {
    private TrainTiming() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        String[] models = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[] {"mlp", "cnn", "lm"};
        JvmBackend backend = new JvmBackend(threads);
        try {
            for (String name : models) {
                double perSecond = Backends.using(backend, () -> stepsPerSecond(name));
                System.out.printf("%s %d %.2f%n", name, threads, perSecond);
            }
        } finally {
            backend.close();
        }
    }

    /** Best rate over three timed windows, after a warm-up long enough for the JIT. */
    private static double stepsPerSecond(String name) {
        TrainingStep step = new TrainingStep(name, 1);
        long warmupEnd = System.nanoTime() + 4_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            step.run();
        }
        double best = 0;
        for (int window = 0; window < 3; window++) {
            int steps = 0;
            long start = System.nanoTime();
            long end = start + 2_000_000_000L;
            long now;
            do {
                step.run();
                steps++;
                now = System.nanoTime();
            } while (now < end);
            best = Math.max(best, steps / ((now - start) / 1e9));
        }
        return best;
    }
}
