package org.reprolab.method.pvrnn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.optim.Adam;

/**
 * Online recognition and prediction by error regression: with the weights frozen, the adaptive vectors of a sliding
 * window of the most recent W observations are re-optimised (Adam) on the windowed, meta-prior-weighted lower bound;
 * the future is then predicted by running the prior (z = μ_p) from the state reached at the end of the window. The
 * window slides by {@code stride} steps; its vectors start from the previous window's (shifted) and zeros for the new
 * steps, and the state entering it is the one obtained by running the model with the current vectors from the start.
 */
final class ErrorRegression {

    /** Window W, Adam iterations and rate per window, prediction horizon and how far the window slides at a time. */
    record Settings(int window, int iterations, double lr, int horizon, int stride) {

        Settings {
            if (window < 1 || iterations < 1 || horizon < 1 || stride < 1 || !(lr > 0)) {
                throw new IllegalArgumentException("error regression needs window, iterations, horizon, stride ≥ 1 and lr > 0");
            }
        }
    }

    /**
     * The predictions [evalTime][sequence][horizon][2]; per window the deterministic window loss (z = μ_q) before
     * and after its iterations; the largest |gradient| that reached the adaptive vectors; whether any weight received a
     * gradient.
     */
    record Outcome(double[][][][] predictions, List<double[]> windowLosses, double maxVectorGradient, boolean weightsTouched) {
    }

    private ErrorRegression() {
    }

    /**
     * Runs error regression over the observations {@code data} [T, batch, 2] and predicts {@code horizon} steps after
     * every time in {@code evalTimes} (numbers of observed steps; each one is also a window end).
     */
    static Outcome run(PvRnn net, double w, Tensor data, int[] evalTimes, Settings s, RandomGenerator noise) {
        int batch = data.size(1);
        List<Integer> ends = windowEnds(evalTimes, s);
        AdaptiveVectors vectors = new AdaptiveVectors(batch, data.size(0), net.sizes());
        double[][][][] predictions = new double[evalTimes.length][][][];
        List<double[]> losses = new ArrayList<>();
        double maxGradient = 0;
        List<Tensor> weights = net.parameters();
        net.zeroGrad();
        weights.forEach(p -> p.requiresGrad(false));
        try {
            for (int end : ends) {
                int from = Math.max(0, end - s.window());
                NetState entering;
                try (var ignored = Autograd.noGrad()) {
                    entering = net.rollout(NetState.zeros(net, batch), 0, from, vectors.source(null)).end();
                }
                Tensor target = data.narrow(0, from, end - from);
                List<Tensor> window = vectors.window(from, end);
                Adam adam = new Adam(window, s.lr());
                double before = windowLoss(net, w, entering, from, target, vectors, null).item();
                for (int it = 0; it < s.iterations(); it++) {
                    adam.zeroGrad();
                    windowLoss(net, w, entering, from, target, vectors, noise).backward();
                    for (Tensor a : window) {
                        maxGradient = Math.max(maxGradient, a.grad().abs().max().item());
                    }
                    adam.step();
                }
                double after;
                NetState atEnd;
                try (var ignored = Autograd.noGrad()) {
                    after = windowLoss(net, w, entering, from, target, vectors, null).item();
                    atEnd = net.rollout(entering, from, end - from, vectors.source(null)).end();
                }
                losses.add(new double[] {before, after});
                for (int e = 0; e < evalTimes.length; e++) {
                    if (evalTimes[e] == end) {
                        predictions[e] = predictFromState(net, atEnd, end, s.horizon());
                    }
                }
            }
        } finally {
            weights.forEach(p -> p.requiresGrad(true));
        }
        boolean touched = weights.stream().anyMatch(p -> p.grad() != null && p.grad().abs().max().item() > 0);
        return new Outcome(predictions, losses, maxGradient, touched);
    }

    /** The windowed loss summed over sequences (so that each sequence's vectors are optimised independently). */
    static Tensor windowLoss(PvRnn net, double w, NetState entering, int from, Tensor target, AdaptiveVectors vectors,
                             RandomGenerator noise) {
        Rollout r = net.rollout(entering, from, target.size(0), vectors.source(noise));
        Tensor loss = r.reconstruction(target);
        for (int l = 0; l < net.layerCount(); l++) {
            loss = loss.add(r.kl(l).mul(w));
        }
        return loss.sum();
    }

    /** Runs the prior mean for {@code horizon} steps from {@code state} at absolute step {@code t}: [batch][h][2]. */
    static double[][][] predictFromState(PvRnn net, NetState state, int t, int horizon) {
        try (var ignored = Autograd.noGrad()) {
            return net.rollout(state, t, horizon, LatentSource.priorMean()).outputArrays();
        }
    }

    /** Every stride-th step from W up to the last evaluation time, plus the evaluation times, in order. */
    static List<Integer> windowEnds(int[] evalTimes, Settings s) {
        java.util.TreeSet<Integer> ends = new java.util.TreeSet<>();
        int last = java.util.Arrays.stream(evalTimes).max().orElseThrow();
        for (int e = Math.min(s.window(), last); e <= last; e += s.stride()) {
            ends.add(e);
        }
        for (int e : evalTimes) {
            ends.add(e);
        }
        return new ArrayList<>(ends);
    }
}
