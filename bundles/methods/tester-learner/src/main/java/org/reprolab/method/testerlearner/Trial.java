package org.reprolab.method.testerlearner;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One run of the tester-learner on one distribution: fresh training and test samples, the learner, both testers, and
 * what the study measures around them (test error, opt, the angle to w* along PSGD, band-mass ratios).
 */
final class Trial {

    /** Band half-widths at which the band-mass ratio P̂/P_Gauss along the learned w is plotted. */
    static final double[] PLOT_WIDTHS = {0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6};

    /**
     * The random streams of one trial, drawn from the run's named streams before the trials run in parallel.
     *
     * @param train   draws the training sample
     * @param test    draws the test sample
     * @param learner draws the restarts' starting points and the mini-batches
     */
    record Streams(RandomGenerator train, RandomGenerator test, RandomGenerator learner) {
    }

    /**
     * What one trial produced.
     *
     * @param setting          the distribution
     * @param run              the trial's index within its setting
     * @param w                the learner's output (the chosen candidate)
     * @param trainingError    its error on the training sample
     * @param testError        its error on the fresh test sample
     * @param opt              the best grid halfspace on the test sample
     * @param tester           the paper's tester on (training sample, w)
     * @param labelOblivious   the baseline tester on the training sample
     * @param traceSteps       the PSGD steps at which the chosen restart's iterate was recorded
     * @param angleTrace       angle(w_t, w*) in degrees at those steps
     * @param bandMassRatios   P̂(|⟨w, x⟩| ≤ s)/P(|Z| ≤ s) on the training sample at {@link #PLOT_WIDTHS}
     * @param maxNormDeviation max |‖w_t‖ − 1| over every iterate of every restart
     */
    record Outcome(Setting setting, int run, double[] w, double trainingError, double testError, OptimalHalfspace opt,
                   TestReport tester, TestReport labelOblivious, double[] traceSteps, double[] angleTrace, double[] bandMassRatios,
                   double maxNormDeviation) {

        boolean accepted() {
            return tester.accepted();
        }

        /** err − opt on the test sample. */
        double excessError() {
            return testError - opt.error();
        }

        double finalAngleDegrees() {
            return angleTrace[angleTrace.length - 1];
        }
    }

    private Trial() {
    }

    /** Draws the data, learns, tests and measures. {@code checkpoint} runs regularly during learning. */
    static Outcome run(Setting setting, int run, int d, int n, int testN, ProjectedSgd.Settings learnerSettings,
                       Streams streams, Runnable checkpoint) {
        LabelledSample train = setting.draw(n, d, streams.train());
        ProjectedSgd.Learned learned = new ProjectedSgd(learnerSettings).fit(train, streams.learner(), checkpoint);
        double[] w = learned.w();
        TestReport tester = new Tester(learnerSettings.sigma()).test(train, w);
        TestReport labelOblivious = LabelObliviousTester.test(train);
        checkpoint.run();

        LabelledSample test = setting.draw(testN, d, streams.test());
        OptimalHalfspace opt = OptimalHalfspace.search(test);
        double[] target = Vectors.basis(d, 0);
        List<double[]> trace = learned.chosen().trace();
        double[] angles = new double[trace.size()];
        for (int t = 0; t < angles.length; t++) {
            angles[t] = Vectors.angleDegrees(trace.get(t), target);
        }
        double[] ratios = new double[PLOT_WIDTHS.length];
        for (int k = 0; k < ratios.length; k++) {
            ratios[k] = Moments.bandMass(train, w, PLOT_WIDTHS[k]) / GaussianBand.mass(PLOT_WIDTHS[k]);
        }
        double maxNormDeviation = learned.candidates().stream().mapToDouble(ProjectedSgd.Candidate::maxNormDeviation)
                .max().orElseThrow();
        return new Outcome(setting, run, w, learned.chosen().trainingError(), test.errorOf(w), opt, tester, labelOblivious,
                learned.chosen().traceSteps(), angles, ratios, maxNormDeviation);
    }
}
