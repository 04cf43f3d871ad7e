package org.reprolab.method.attentionrf;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.reprolab.theory.common.RandomFeatures;

/**
 * The random-feature attention layer (RFA) of Fu, Guo, Bai and Mei: M heads with frozen query-key matrices
 * W_m ∈ R^{(d+1)×(d+1)}, ReLU in place of softmax, and trainable value vectors v_m,
 * f(x₀; x_{1:N}) = Σ_m (1/N)Σᵢ relu(x̃₀ᵀW_m x̃ᵢ)·⟨v_m, x̃ᵢ⟩. Since only V is trained, the model is linear in the
 * head features φ_m = (1/N)Σᵢ relu(x̃₀ᵀW_m x̃ᵢ)·x̃ᵢ ∈ R^{d+1}, M(d+1) features in all.
 *
 * <p>Zero-mean RFA draws W_m with i.i.d. N(0, 1) entries; biased RFA (BRFA) adds the mean
 * W₀ = √d·diag(I_d, 0), so that x̃₀ᵀW₀x̃ᵢ = √d⟨x₀, xᵢ⟩ and each head sees a noisy copy of the query-key
 * similarity the targets f_B, f_C are functions of.
 */
final class RandomFeatureAttention implements FeatureMap {

    private final double[][][] heads;

    RandomFeatureAttention(double[][][] heads) {
        int width = heads[0].length;
        for (double[][] w : heads) {
            if (w.length != width || w[0].length != width) {
                throw new IllegalArgumentException("every query-key matrix must be " + width + "×" + width);
            }
        }
        this.heads = heads;
    }

    /** RFA: W_m with i.i.d. N(0, 1) entries. */
    static RandomFeatureAttention zeroMean(int heads, int dim, RandomGenerator rng) {
        return biasedBy(new double[dim + 1][dim + 1], heads, rng);
    }

    /** BRFA: W_m = W₀ + G_m, W₀ = √d·diag(I_d, 0), G_m i.i.d. N(0, 1). */
    static RandomFeatureAttention biased(int heads, int dim, RandomGenerator rng) {
        return biasedBy(identityMean(dim), heads, rng);
    }

    /** W₀ = √d·diag(I_d, 0). */
    static double[][] identityMean(int dim) {
        double[][] w0 = new double[dim + 1][dim + 1];
        for (int j = 0; j < dim; j++) {
            w0[j][j] = Math.sqrt(dim);
        }
        return w0;
    }

    private static RandomFeatureAttention biasedBy(double[][] mean, int heads, RandomGenerator rng) {
        double[][][] w = new double[heads][][];
        for (int m = 0; m < heads; m++) {
            w[m] = RandomFeatures.gaussian(mean.length, mean.length, rng);
            for (int a = 0; a < mean.length; a++) {
                for (int b = 0; b < mean.length; b++) {
                    w[m][a][b] += mean[a][b];
                }
            }
        }
        return new RandomFeatureAttention(w);
    }

    int heads() {
        return heads.length;
    }

    @Override
    public int dimension() {
        return heads.length * heads[0].length;
    }

    @Override
    public DMatrixRMaj features(TokenSequences sequences) {
        int width = heads[0].length;
        if (sequences.dim() + 1 != width) {
            throw new IllegalArgumentException("tokens of dimension " + sequences.dim() + " for query-key matrices of size " + width);
        }
        DMatrixRMaj out = new DMatrixRMaj(sequences.size(), dimension());
        double[] row = new double[dimension()];
        for (int s = 0; s < sequences.size(); s++) {
            headFeatures(sequences.queries()[s], sequences.keys()[s], row);
            System.arraycopy(row, 0, out.data, s * row.length, row.length);
        }
        return out;
    }

    /** φ_m = (1/N)Σᵢ relu(x̃₀ᵀW_m x̃ᵢ)·x̃ᵢ for every head, written head after head into {@code out}. */
    void headFeatures(double[] query, double[][] keys, double[] out) {
        int width = heads[0].length;
        double[][] augmentedKeys = new double[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            augmentedKeys[i] = TokenSequences.augmented(keys[i]);
        }
        double[] q = TokenSequences.augmented(query);
        double[] projected = new double[width];
        java.util.Arrays.fill(out, 0);
        for (int m = 0; m < heads.length; m++) {
            queryProjection(heads[m], q, projected);
            int offset = m * width;
            for (double[] key : augmentedKeys) {
                double score = Math.max(0, Targets.dot(projected, key)) / keys.length;
                if (score > 0) {
                    for (int k = 0; k < width; k++) {
                        out[offset + k] += score * key[k];
                    }
                }
            }
        }
    }

    /** The attention scores x̃₀ᵀW_m x̃ᵢ before the ReLU, {@code [head][key]}. */
    double[][] preActivations(double[] query, double[][] keys) {
        double[] q = TokenSequences.augmented(query);
        double[] projected = new double[heads[0].length];
        double[][] out = new double[heads.length][keys.length];
        for (int m = 0; m < heads.length; m++) {
            queryProjection(heads[m], q, projected);
            for (int i = 0; i < keys.length; i++) {
                out[m][i] = Targets.dot(projected, TokenSequences.augmented(keys[i]));
            }
        }
        return out;
    }

    /** W_mᵀ x̃₀, so that x̃₀ᵀW_m x̃ᵢ = ⟨W_mᵀx̃₀, x̃ᵢ⟩. */
    private static void queryProjection(double[][] w, double[] q, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int a = 0; a < q.length; a++) {
            for (int b = 0; b < out.length; b++) {
                out[b] += q[a] * w[a][b];
            }
        }
    }
}
