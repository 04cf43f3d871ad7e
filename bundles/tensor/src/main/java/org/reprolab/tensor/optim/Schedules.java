package org.reprolab.tensor.optim;

/**
 * The usual learning-rate schedules, as pure functions of (base lr, step); compose them with
 * {@link Schedule#then}, e.g. {@code Schedules.warmupCosine(500, 10_000, 1e-5)} is
 * {@code linearWarmup(500).then(500, cosine(9_500, 1e-5))}.
 */
public final class Schedules {
    private Schedules() {
    }

    /** The base lr throughout. */
    public static Schedule constant() {
        return (base, step) -> base;
    }

    /** base · γ^⌊step / stepSize⌋ (PyTorch's StepLR). */
    public static Schedule stepDecay(long stepSize, double gamma) {
        positive("stepSize", stepSize);
        return (base, step) -> base * Math.pow(gamma, Math.floorDiv(step, stepSize));
    }

    /**
     * Cosine annealing from the base lr at step 0 to minLr at step {@code steps} and after (Loshchilov &amp;
     * Hutter 2017, SGDR eq. 5 without restarts): minLr + (base − minLr)·(1 + cos(π·t/steps))/2.
     */
    public static Schedule cosine(long steps, double minLr) {
        positive("steps", steps);
        return (base, step) -> cosineBetween(base, minLr, Math.min(step, steps) / (double) steps);
    }

    /** Linear warm-up: base·(step + 1)/steps for step &lt; steps (so the first update already moves), then base. */
    public static Schedule linearWarmup(long steps) {
        positive("steps", steps);
        return (base, step) -> step < steps ? base * (step + 1) / steps : base;
    }

    /** Linear warm-up over {@code warmup} steps, then cosine annealing to minLr at step {@code total}. */
    public static Schedule warmupCosine(long warmup, long total, double minLr) {
        if (total <= warmup) {
            throw new IllegalArgumentException("total steps " + total + " must exceed warm-up steps " + warmup);
        }
        return linearWarmup(warmup).then(warmup, cosine(total - warmup, minLr));
    }

    /**
     * The 1cycle policy (Smith &amp; Topin 2019) as PyTorch's OneCycleLR with cosine annealing, taking the base lr
     * as the peak: from base/divFactor up to base over the first pctStart·total steps, then down to
     * base/(divFactor·finalDivFactor) at step total − 1. Momentum is not cycled. PyTorch's defaults are
     * pctStart 0.3, divFactor 25, finalDivFactor 1e4.
     */
    public static Schedule oneCycle(long total, double pctStart, double divFactor, double finalDivFactor) {
        positive("total", total);
        if (!(pctStart > 0 && pctStart < 1)) {
            throw new IllegalArgumentException("pctStart must be in (0, 1), got " + pctStart);
        }
        double peakStep = pctStart * total - 1;
        double endStep = total - 1;
        return (base, step) -> {
            double initial = base / divFactor;
            double min = initial / finalDivFactor;
            if (step <= peakStep) {
                return cosineBetween(initial, base, peakStep <= 0 ? 1 : step / peakStep);
            }
            return cosineBetween(base, min, Math.min(1, (step - peakStep) / (endStep - peakStep)));
        };
    }

    /** From start (fraction 0) to end (fraction 1) along half a cosine. */
    private static double cosineBetween(double start, double end, double fraction) {
        return end + (start - end) * (1 + Math.cos(Math.PI * fraction)) / 2;
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
