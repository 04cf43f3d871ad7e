package org.reprolab.method.pvrnn;

import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Tensor;

/**
 * The prediction baselines: the VRNN filtering the observed past with its encoder and then running its prior; the
 * trivial "repeat the last primitive" predictor; the PFSM oracle that knows P (expected next primitive's template).
 * Every predictor returns [evalTime][sequence][horizon][2]; evaluation times are primitive boundaries.
 */
final class Predictors {

    private Predictors() {
    }

    /** The VRNN: posterior mean of its encoder over x_1…x_t, then the prior mean for the horizon. */
    static double[][][][] vrnn(PvRnn net, Encoder encoder, Tensor data, int[] evalTimes, int horizon) {
        double[][][][] out = new double[evalTimes.length][][][];
        try (var ignored = Autograd.noGrad()) {
            for (int e = 0; e < evalTimes.length; e++) {
                NetState filtered = net.rollout(NetState.zeros(net, data.size(1)), 0, evalTimes[e], encoder.source(data, null)).end();
                out[e] = ErrorRegression.predictFromState(net, filtered, evalTimes[e], horizon);
            }
        }
        return out;
    }

    /** The template of the last observed block's primitive, from its start. */
    static double[][][][] repeatLast(double[][][] sequences, int[] evalTimes, int horizon) {
        return byPrimitiveWeights(sequences, evalTimes, horizon, last -> {
            double[] weights = new double[MotionPrimitives.COUNT];
            weights[last] = 1;
            return weights;
        });
    }

    /** Σ_j P[last][j]·template_j: the MSE-optimal prediction under the true PFSM (an oracle, for reference). */
    static double[][][][] trueTransitions(double[][][] sequences, int[] evalTimes, int horizon, double[][] p) {
        return byPrimitiveWeights(sequences, evalTimes, horizon, last -> p[last]);
    }

    private static double[][][][] byPrimitiveWeights(double[][][] sequences, int[] evalTimes, int horizon,
                                                     java.util.function.IntFunction<double[]> weightsOfLast) {
        double[][][][] out = new double[evalTimes.length][sequences.length][horizon][2];
        for (int e = 0; e < evalTimes.length; e++) {
            int t = evalTimes[e];
            for (int s = 0; s < sequences.length; s++) {
                double[] weights = weightsOfLast.apply(PrimitiveClassifier.nearest(sequences[s], t - MotionPrimitives.LENGTH));
                for (int p = 0; p < weights.length; p++) {
                    double[][] template = MotionPrimitives.template(p);
                    for (int k = 0; k < horizon; k++) {
                        for (int c = 0; c < 2; c++) {
                            out[e][s][k][c] += weights[p] * template[k % MotionPrimitives.LENGTH][c];
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The MSE per coordinate of predictions against the true continuation of each sequence. */
    static double mse(double[][][][] predictions, double[][][] sequences, int[] evalTimes) {
        double sum = 0;
        long n = 0;
        for (int e = 0; e < evalTimes.length; e++) {
            for (int s = 0; s < sequences.length; s++) {
                double[][] p = predictions[e][s];
                for (int k = 0; k < p.length; k++) {
                    for (int c = 0; c < 2; c++) {
                        double err = p[k][c] - sequences[s][evalTimes[e] + k][c];
                        sum += err * err;
                        n++;
                    }
                }
            }
        }
        return sum / n;
    }
}
