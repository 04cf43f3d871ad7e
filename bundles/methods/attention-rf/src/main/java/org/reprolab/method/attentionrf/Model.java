package org.reprolab.method.attentionrf;

import java.util.random.RandomGenerator;

/** The three frozen random models compared, each with M(d+1) trainable read-out weights. */
enum Model {
    RFA("RFA", "zero-mean random-feature attention"),
    BRFA("BRFA", "biased random-feature attention (W₀ = √d·diag(I, 0))"),
    RFMLP("RFMLP", "two-layer ReLU random-feature network on the concatenated tokens");

    private final String label;
    private final String description;

    Model(String label, String description) {
        this.label = label;
        this.description = description;
    }

    String label() {
        return label;
    }

    String description() {
        return description;
    }

    /** The model's frozen random part for M heads, tokens in R^{dim} and {@code keys} keys. */
    FeatureMap draw(int heads, int dim, int keys, RandomGenerator rng) {
        return switch (this) {
            case RFA -> RandomFeatureAttention.zeroMean(heads, dim, rng);
            case BRFA -> RandomFeatureAttention.biased(heads, dim, rng);
            case RFMLP -> RandomFeatureMlp.draw(heads * (dim + 1), keys, dim, rng);
        };
    }
}
