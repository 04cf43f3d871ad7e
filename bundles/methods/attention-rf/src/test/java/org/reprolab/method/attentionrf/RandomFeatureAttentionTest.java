package org.reprolab.method.attentionrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class RandomFeatureAttentionTest {

    /** ⟨v, φ⟩ is the attention layer Σ_m (1/N)Σᵢ relu(x̃₀ᵀW_m x̃ᵢ)⟨v_m, x̃ᵢ⟩ evaluated head by head. */
    @Test
    void featuresAreTheLinearisationOfTheAttentionLayer() {
        SplittableRandom rng = new SplittableRandom(2);
        int dim = 5;
        int heads = 7;
        double[][][] w = new double[heads][][];
        for (int m = 0; m < heads; m++) {
            w[m] = org.reprolab.theory.common.RandomFeatures.gaussian(dim + 1, dim + 1, rng);
        }
        RandomFeatureAttention layer = new RandomFeatureAttention(w);
        TokenSequences seq = TokenSequences.draw(20, 6, dim, rng);
        double[][] v = org.reprolab.theory.common.RandomFeatures.gaussian(heads, dim + 1, rng);
        DMatrixRMaj phi = layer.features(seq);
        for (int s = 0; s < seq.size(); s++) {
            double direct = 0;
            double[] q = TokenSequences.augmented(seq.queries()[s]);
            for (int m = 0; m < heads; m++) {
                for (double[] key : seq.keys()[s]) {
                    double[] k = TokenSequences.augmented(key);
                    double score = 0;
                    for (int a = 0; a <= dim; a++) {
                        for (int b = 0; b <= dim; b++) {
                            score += q[a] * w[m][a][b] * k[b];
                        }
                    }
                    direct += Math.max(0, score) * Targets.dot(v[m], k) / seq.keyCount();
                }
            }
            double linear = 0;
            for (int m = 0; m < heads; m++) {
                for (int c = 0; c <= dim; c++) {
                    linear += v[m][c] * phi.get(s, m * (dim + 1) + c);
                }
            }
            assertEquals(direct, linear, 1e-12 * (1 + Math.abs(direct)));
        }
    }

    @Test
    void attentionIsPermutationInvariantAndTheMlpIsNot() {
        SplittableRandom rng = new SplittableRandom(4);
        TokenSequences seq = TokenSequences.draw(30, 5, 4, rng);
        assertTrue(InvariantChecks.permutationGap(RandomFeatureAttention.biased(10, 4, rng), seq, rng) <= 1e-12);
        assertTrue(InvariantChecks.equalKeysGap(4, 5, seq) <= 1e-12);
        RandomFeatureMlp mlp = RandomFeatureMlp.draw(50, 5, 4, rng);
        double[][][] reversed = new double[seq.size()][][];
        for (int s = 0; s < seq.size(); s++) {
            reversed[s] = new double[5][];
            for (int i = 0; i < 5; i++) {
                reversed[s][i] = seq.keys()[s][4 - i];
            }
        }
        DMatrixRMaj a = mlp.features(seq);
        DMatrixRMaj b = mlp.features(new TokenSequences(seq.queries(), reversed));
        double gap = 0;
        for (int i = 0; i < a.data.length; i++) {
            gap = Math.max(gap, Math.abs(a.data[i] - b.data[i]));
        }
        assertTrue(gap > 0.1, "the MLP sees the key order; gap " + gap);
    }

    /** BRFA's scores average (over heads) to √d⟨x₀, xᵢ⟩; RFA's to 0. The MLP's pre-activations are N(0, 1). */
    @Test
    void biasShiftsTheMeanScoreToTheScaledSimilarity() {
        SplittableRandom rng = new SplittableRandom(6);
        int dim = 8;
        int heads = 4000;
        TokenSequences seq = TokenSequences.draw(3, 4, dim, rng);
        double[][] biased = RandomFeatureAttention.biased(heads, dim, rng).preActivations(seq.queries()[0], seq.keys()[0]);
        double[][] plain = RandomFeatureAttention.zeroMean(heads, dim, rng).preActivations(seq.queries()[0], seq.keys()[0]);
        for (int i = 0; i < 4; i++) {
            double u = Math.sqrt(dim) * Targets.dot(seq.queries()[0], seq.keys()[0][i]);
            double b = 0;
            double p = 0;
            for (int m = 0; m < heads; m++) {
                b += biased[m][i] / heads;
                p += plain[m][i] / heads;
            }
            // each score has variance ‖x̃₀‖²‖x̃ᵢ‖² = 4 around its mean: the head average has std 2/√4000 ≈ 0.03
            assertEquals(u, b, 0.15, "key " + i);
            assertEquals(0, p, 0.15, "key " + i);
        }
    }

    @Test
    void rejectsMismatchedShapes() {
        SplittableRandom rng = new SplittableRandom(1);
        RandomFeatureAttention layer = RandomFeatureAttention.zeroMean(3, 4, rng);
        assertThrows(IllegalArgumentException.class, () -> layer.features(TokenSequences.draw(2, 3, 5, rng)));
        assertThrows(IllegalArgumentException.class, () -> new RandomFeatureAttention(new double[][][] {new double[3][3], new double[4][4]}));
        RandomFeatureMlp mlp = RandomFeatureMlp.draw(10, 3, 4, rng);
        assertThrows(IllegalArgumentException.class, () -> mlp.features(TokenSequences.draw(2, 4, 4, rng)));
    }
}
