package org.reprolab.method.pvrnn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.reprolab.tensor.Tensor;

/**
 * The VRNN baseline: the same MTRNN backbone and prior, but an amortised encoder q(z_t | x_t, d_{t−1}) instead of
 * adaptive vectors, trained on the standard ELBO (w = 1 with the same per-dimension normalisation); at test time it
 * filters the observed past with its encoder and predicts by running the prior.
 */
final class VrnnStudy {

    /** The VRNN's meta-prior: the plain ELBO. */
    static final double W = 1;

    /** Training history and the horizon-step test MSE. */
    record Findings(Training.History history, double predictionMse) {
    }

    private VrnnStudy() {
    }

    static Findings run(Settings s, double[][][] train, double[][][] test, RandomGenerator init, RandomGenerator noise,
                        Runnable onEpoch) {
        PvRnn net = new PvRnn(s.layers(), init);
        Encoder encoder = new Encoder(s.layers(), init);
        Tensor data = Data.timeMajor(train);
        List<Tensor> extra = new ArrayList<>(encoder.parameters());
        Training.History history = Training.train(net, extra, rng -> encoder.source(data, rng), data, W, s.epochs(), s.lr(),
                noise, onEpoch);
        double[][][][] predictions = Predictors.vrnn(net, encoder, Data.timeMajor(test), s.evalTimes(), s.er().horizon());
        return new Findings(history, Predictors.mse(predictions, test, s.evalTimes()));
    }
}
