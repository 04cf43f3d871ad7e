package org.reprolab.method.testerlearner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The learner: projected SGD on the unit sphere minimising the smoothed sigmoid surrogate L_σ (the paper's variant
 * of Diakonikolas–Kontonis–Tzamos–Zarifis' non-convex SGD). Each step draws a mini-batch with replacement, moves
 * against the tangent part g − ⟨g, w⟩w of the batch gradient and projects back to the sphere. Several random
 * restarts give a list of candidates; the one with the lowest training error is the output, and the tester is run
 * on it. The learner never sees w*.
 */
final class ProjectedSgd {

    /**
     * @param sigma      smoothing σ of the surrogate
     * @param batch      mini-batch size
     * @param stepSize   constant step size
     * @param steps      steps per restart
     * @param restarts   random restarts (candidates)
     * @param traceEvery the iterate is recorded every this many steps (for the angle-vs-iteration plot)
     */
    record Settings(double sigma, int batch, double stepSize, int steps, int restarts, int traceEvery) {
        Settings {
            positive("batch", batch);
            positive("steps", steps);
            positive("restarts", restarts);
            positive("traceEvery", traceEvery);
            if (!(stepSize > 0)) {
                throw new IllegalArgumentException("step size " + stepSize + " must be positive");
            }
        }

        private static void positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " = " + value + " must be at least 1");
            }
        }
    }

    /**
     * One restart's final iterate.
     *
     * @param w                 the final unit vector
     * @param trainingError     its 0-1 error on the training sample
     * @param traceSteps        the steps 0, traceEvery, 2·traceEvery, …, steps at which the iterate was recorded
     * @param trace             the iterates at those steps
     * @param maxNormDeviation  max |‖w_t‖ − 1| over every iterate of this restart
     */
    record Candidate(double[] w, double trainingError, double[] traceSteps, List<double[]> trace, double maxNormDeviation) {
    }

    /** The candidate list and the chosen candidate (lowest training error; the earliest restart on ties). */
    record Learned(Candidate chosen, List<Candidate> candidates) {
        double[] w() {
            return chosen.w();
        }
    }

    private static final int CHECK_EVERY = 100;

    private final Settings settings;
    private final SmoothedSigmoidLoss loss;

    ProjectedSgd(Settings settings) {
        this.settings = settings;
        this.loss = new SmoothedSigmoidLoss(settings.sigma());
    }

    /** Runs every restart on the sample and keeps the best candidate. {@code checkpoint} runs every 100 steps. */
    Learned fit(LabelledSample sample, RandomGenerator rng, Runnable checkpoint) {
        List<Candidate> candidates = new ArrayList<>();
        for (int r = 0; r < settings.restarts(); r++) {
            candidates.add(restart(sample, rng, checkpoint));
        }
        Candidate best = candidates.stream().min(Comparator.comparingDouble(Candidate::trainingError)).orElseThrow();
        return new Learned(best, List.copyOf(candidates));
    }

    private Candidate restart(LabelledSample sample, RandomGenerator rng, Runnable checkpoint) {
        int d = sample.d();
        double[] w = Vectors.randomUnit(d, rng);
        double[] g = new double[d];
        List<double[]> trace = new ArrayList<>();
        List<Double> traceSteps = new ArrayList<>();
        trace.add(w.clone());
        traceSteps.add(0.0);
        double maxNormDeviation = Math.abs(Vectors.norm(w) - 1);
        for (int step = 1; step <= settings.steps(); step++) {
            Arrays.fill(g, 0);
            for (int b = 0; b < settings.batch(); b++) {
                loss.addPointGradient(sample, rng.nextInt(sample.n()), w, g);
            }
            double[] t = SmoothedSigmoidLoss.tangent(g, w);
            double rate = settings.stepSize() / settings.batch();
            for (int j = 0; j < d; j++) {
                w[j] -= rate * t[j];
            }
            Vectors.normalise(w);
            maxNormDeviation = Math.max(maxNormDeviation, Math.abs(Vectors.norm(w) - 1));
            if (step % settings.traceEvery() == 0 || step == settings.steps()) {
                trace.add(w.clone());
                traceSteps.add((double) step);
            }
            if (step % CHECK_EVERY == 0) {
                checkpoint.run();
            }
        }
        return new Candidate(w, sample.errorOf(w), traceSteps.stream().mapToDouble(Double::doubleValue).toArray(),
                List.copyOf(trace), maxNormDeviation);
    }
}
