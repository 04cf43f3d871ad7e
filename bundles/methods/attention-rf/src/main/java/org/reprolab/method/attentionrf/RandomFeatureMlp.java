package org.reprolab.method.attentionrf;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.reprolab.theory.common.RandomFeatures;

/**
 * The baseline, a standard two-layer random-feature network (RFMLP) on the concatenated input
 * z = [x₀, x₁, …, x_N, 1]: features relu(⟨w_j, z⟩) with w_j ~ N(0, I/(N+2)). Since ‖z‖² = N + 2 exactly
 * (unit tokens and the constant), every pre-activation is N(0, 1). It sees the keys in a fixed order, so it
 * must learn permutation invariance from data.
 */
final class RandomFeatureMlp implements FeatureMap {

    private final DMatrixRMaj weightsTransposed;

    private RandomFeatureMlp(DMatrixRMaj weightsTransposed) {
        this.weightsTransposed = weightsTransposed;
    }

    /** {@code features} ReLU features for sequences of {@code keyCount} keys in R^{dim}. */
    static RandomFeatureMlp draw(int features, int keyCount, int dim, RandomGenerator rng) {
        int inputs = (keyCount + 1) * dim + 1;
        double[][] w = RandomFeatures.gaussian(features, inputs, rng);
        double scale = 1 / Math.sqrt(keyCount + 2.0);
        DMatrixRMaj wt = new DMatrixRMaj(inputs, features);
        for (int j = 0; j < features; j++) {
            for (int a = 0; a < inputs; a++) {
                wt.data[a * features + j] = scale * w[j][a];
            }
        }
        return new RandomFeatureMlp(wt);
    }

    @Override
    public int dimension() {
        return weightsTransposed.numCols;
    }

    @Override
    public DMatrixRMaj features(TokenSequences sequences) {
        int dim = sequences.dim();
        int inputs = (sequences.keyCount() + 1) * dim + 1;
        if (inputs != weightsTransposed.numRows) {
            throw new IllegalArgumentException("concatenated input of length " + inputs + " for weights expecting " + weightsTransposed.numRows);
        }
        DMatrixRMaj z = new DMatrixRMaj(sequences.size(), inputs);
        for (int s = 0; s < sequences.size(); s++) {
            int at = s * inputs;
            System.arraycopy(sequences.queries()[s], 0, z.data, at, dim);
            for (double[] key : sequences.keys()[s]) {
                at += dim;
                System.arraycopy(key, 0, z.data, at, dim);
            }
            z.data[s * inputs + inputs - 1] = 1;
        }
        DMatrixRMaj out = new DMatrixRMaj(sequences.size(), dimension());
        CommonOps_DDRM.mult(z, weightsTransposed, out);
        for (int i = 0; i < out.data.length; i++) {
            out.data[i] = Math.max(0, out.data[i]);
        }
        return out;
    }
}
