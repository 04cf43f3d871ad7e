package org.reprolab.method.pvrnn;

import java.util.random.RandomGenerator;
import org.reprolab.tensor.Tensor;

/** Standard-normal noise tensors drawn from a run's random stream (so the same seed gives the same numbers). */
final class Noise {

    private Noise() {
    }

    static Tensor normal(RandomGenerator rng, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = rng.nextGaussian();
        }
        return Tensor.of(values, shape);
    }
}
