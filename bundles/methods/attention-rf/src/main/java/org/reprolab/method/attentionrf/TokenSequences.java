package org.reprolab.method.attentionrf;

import java.util.random.RandomGenerator;
import org.reprolab.theory.common.SpherePoints;

/**
 * Inputs of the single attention layer: per sample a query token x₀ and N key tokens x₁…x_N, all i.i.d.
 * uniform on the unit sphere S^{d−1}.
 *
 * @param queries {@code [sample][coordinate]}
 * @param keys    {@code [sample][key][coordinate]}
 */
record TokenSequences(double[][] queries, double[][][] keys) {

    TokenSequences {
        if (queries.length != keys.length) {
            throw new IllegalArgumentException(queries.length + " queries but " + keys.length + " key sets");
        }
    }

    /** {@code count} samples of one query and {@code keyCount} keys in R^{dim}. */
    static TokenSequences draw(int count, int keyCount, int dim, RandomGenerator rng) {
        double[][] queries = new double[count][];
        double[][][] keys = new double[count][][];
        for (int s = 0; s < count; s++) {
            queries[s] = SpherePoints.point(dim, rng);
            keys[s] = SpherePoints.sample(keyCount, dim, rng);
        }
        return new TokenSequences(queries, keys);
    }

    int size() {
        return queries.length;
    }

    int dim() {
        return queries[0].length;
    }

    int keyCount() {
        return keys[0].length;
    }

    /** x̃ = [x; 1]: the token with the constant coordinate that carries the bias terms. */
    static double[] augmented(double[] x) {
        double[] out = java.util.Arrays.copyOf(x, x.length + 1);
        out[x.length] = 1;
        return out;
    }
}
