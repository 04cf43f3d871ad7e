package org.reprolab.method.attentionrf;

import java.util.random.RandomGenerator;
import org.reprolab.api.Series;

/**
 * Histograms of the attention scores x̃₀ᵀW_m x̃ᵢ of RFA and BRFA. Over random pairs both are centred (⟨x₀, xᵢ⟩
 * averages to 0); the bias shows on keys aligned with the query, whose BRFA scores are shifted by
 * E[√d⟨x₀, xᵢ⟩ | aligned] > 0 while RFA's stay centred.
 */
final class PreActivations {

    static final String PLOT = "preactivations";
    /** Keys with ⟨x₀, xᵢ⟩ ≥ this count as aligned with the query. */
    static final double ALIGNED = 0.5;
    private static final double RANGE = 8;
    private static final int BINS = 64;

    private PreActivations() {
    }

    /** Aligned-key mean scores of RFA and BRFA, and the histogram series (all pairs and aligned pairs). */
    record Findings(double rfaAlignedMean, double brfaAlignedMean, java.util.List<Series> series) {
    }

    static Findings measure(int heads, int dim, TokenSequences sequences, RandomGenerator rng) {
        RandomFeatureAttention rfa = RandomFeatureAttention.zeroMean(heads, dim, rng);
        RandomFeatureAttention brfa = RandomFeatureAttention.biased(heads, dim, rng);
        Histogram rfaAll = new Histogram();
        Histogram rfaAligned = new Histogram();
        Histogram brfaAll = new Histogram();
        Histogram brfaAligned = new Histogram();
        for (int s = 0; s < sequences.size(); s++) {
            double[] query = sequences.queries()[s];
            double[][] keys = sequences.keys()[s];
            double[][] plain = rfa.preActivations(query, keys);
            double[][] biased = brfa.preActivations(query, keys);
            for (int i = 0; i < keys.length; i++) {
                boolean aligned = Targets.dot(query, keys[i]) >= ALIGNED;
                for (int m = 0; m < heads; m++) {
                    rfaAll.add(plain[m][i]);
                    brfaAll.add(biased[m][i]);
                    if (aligned) {
                        rfaAligned.add(plain[m][i]);
                        brfaAligned.add(biased[m][i]);
                    }
                }
            }
        }
        return new Findings(rfaAligned.mean(), brfaAligned.mean(), java.util.List.of(
                rfaAll.series("RFA, all query-key pairs"), brfaAll.series("BRFA, all query-key pairs"),
                rfaAligned.series("RFA, keys with ⟨x₀,xᵢ⟩ ≥ 0.5"), brfaAligned.series("BRFA, keys with ⟨x₀,xᵢ⟩ ≥ 0.5")));
    }

    /** A density histogram on [−8, 8] (the mean counts every value, also those outside the range). */
    private static final class Histogram {
        private final long[] counts = new long[BINS];
        private long total;
        private double sum;

        void add(double v) {
            total++;
            sum += v;
            int bin = (int) Math.floor((v + RANGE) / (2 * RANGE) * BINS);
            if (bin >= 0 && bin < BINS) {
                counts[bin]++;
            }
        }

        double mean() {
            return total == 0 ? Double.NaN : sum / total;
        }

        Series series(String name) {
            double width = 2 * RANGE / BINS;
            double[] x = new double[BINS];
            double[] y = new double[BINS];
            for (int b = 0; b < BINS; b++) {
                x[b] = -RANGE + (b + 0.5) * width;
                y[b] = total == 0 ? 0 : counts[b] / (total * width);
            }
            return Series.of(PLOT, name, "pre-activation x̃₀ᵀW x̃ᵢ", "density", x, y);
        }
    }
}
