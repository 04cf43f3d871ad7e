package org.reprolab.method.pvrnn;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.reprolab.tensor.Tensor;

/**
 * Trains one PV-RNN at one meta-prior w on the training sequences and measures everything the claims need: prior σ
 * per layer, posterior vs aligned free-generation error, the transition structure of free and mean-prior generation,
 * twin-trajectory divergence and error-regression prediction on the test sequences.
 */
final class MetaPriorStudy {

    /** The RNG streams of one study, drawn in the run's thread so that parallel training keeps results fixed. */
    record Streams(RandomGenerator init, RandomGenerator training, RandomGenerator generation, RandomGenerator regression) {
    }

    /**
     * What one meta-prior produced.
     *
     * @param sigmaP           time-, unit- and sequence-averaged prior σ per layer along the training posterior
     * @param sigmaOverTime    bottom-layer σ_p per step (averaged over units and training sequences)
     * @param posteriorMse     posterior reconstruction MSE on the training sequences
     * @param alignedFreeMse   MSE of free generation from the same initial latent state
     * @param freeTransitions  transition matrix estimated from free generation
     * @param freeTv           its mean row total-variation distance to P
     * @param freeTemplateMse  mean MSE of free-generation blocks to their nearest template
     * @param meanPriorShares  block share of each primitive in mean-prior generation
     * @param twinLogDistance  mean over pairs of ln‖x̂ − x̂′‖ per step
     * @param twinSeparated    share of twin pairs whose distance exceeds 0.1 within the followed steps
     * @param twinRate         least-squares slope of the mean log distance over the followed steps (per step)
     * @param erMse            10-step-ahead (horizon) test MSE of error regression
     * @param er               the error-regression outcome (window losses, gradient checks)
     */
    record Findings(double w, Training.History history, double[] sigmaP, double[] sigmaOverTime, double posteriorMse,
                    double alignedFreeMse, double[][] freeTransitions, double freeTv, double freeTemplateMse,
                    double[] meanPriorShares, double[] twinLogDistance, double twinSeparated, double twinRate, double erMse,
                    ErrorRegression.Outcome er, double maxAbsOutput, double minSigmaP,
                    double[][] posteriorExample, double[][] freeExample, double[][] meanPriorExample) {
    }

    private MetaPriorStudy() {
    }

    static Findings run(double w, Settings s, double[][][] train, double[][][] test, Streams rng, Runnable onEpoch) {
        PvRnn net = new PvRnn(s.layers(), rng.init());
        AdaptiveVectors vectors = new AdaptiveVectors(train.length, train[0].length, s.layers());
        Tensor data = Data.timeMajor(train);
        Training.History history = Training.train(net, vectors.all(), vectors::source, data, w, s.epochs(), s.lr(),
                rng.training(), onEpoch);

        Generation.Generated posterior = Generation.posterior(net, vectors, train.length);
        double[] sigmaP = new double[net.layerCount()];
        double minSigma = Double.POSITIVE_INFINITY;
        for (int l = 0; l < sigmaP.length; l++) {
            double[] overTime = Generation.priorSigmaOverTime(posterior.rollout(), l);
            sigmaP[l] = Arrays.stream(overTime).average().orElseThrow();
            minSigma = Math.min(minSigma, posterior.rollout().priorSigma(l).min().item());
        }
        Generation.Generated aligned = Generation.alignedFree(net, vectors, train.length, rng.generation());
        Generation.Generated free = Generation.free(net, s.generated(), s.generatedSteps(), rng.generation());
        Generation.Generated meanPrior = Generation.meanPrior(net, s.generated(), s.generatedSteps(), rng.generation());
        double[][] freeP = PrimitiveClassifier.transitionMatrix(PrimitiveClassifier.transitionCounts(free.sequences()));

        NetState twinStart = Generation.meanPrior(net, s.generated(), s.twinWarmup(), rng.generation()).end();
        double[][] twins = Generation.twinDistances(net, twinStart, s.twinWarmup(), s.twinSteps(), s.twinDelta());
        Twins t = Twins.of(twins);

        ErrorRegression.Outcome er = ErrorRegression.run(net, w, Data.timeMajor(test), s.evalTimes(), s.er(), rng.regression());
        double erMse = Predictors.mse(er.predictions(), test, s.evalTimes());

        double maxAbs = Math.max(maxAbs(posterior.sequences()), Math.max(maxAbs(free.sequences()), maxAbs(meanPrior.sequences())));
        return new Findings(w, history, sigmaP, Generation.priorSigmaOverTime(posterior.rollout(), 0),
                Generation.mse(posterior.sequences(), train), Generation.mse(aligned.sequences(), train), freeP,
                PrimitiveClassifier.meanRowTotalVariation(freeP, PrimitiveFsm.TRANSITIONS),
                PrimitiveClassifier.meanNearestTemplateMse(free.sequences()), PrimitiveClassifier.labelShares(meanPrior.sequences()),
                t.meanLog(), t.separated(), t.rate(), erMse, er, maxAbs, minSigma,
                posterior.sequences()[0], free.sequences()[0], meanPrior.sequences()[0]);
    }

    private static double maxAbs(double[][][] x) {
        double m = 0;
        for (double[][] s : x) {
            for (double[] p : s) {
                for (double v : p) {
                    m = Math.max(m, Math.abs(v));
                }
            }
        }
        return m;
    }
}
