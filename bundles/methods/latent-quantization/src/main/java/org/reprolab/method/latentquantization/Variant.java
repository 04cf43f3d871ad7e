package org.reprolab.method.latentquantization;

/** The models compared: QLAE, its two ablations, and the three baselines, each with its latent and weight decay. */
enum Variant {
    QLAE("QLAE", Latent.SCALAR_CODEBOOKS, true),
    QLAE_NO_WD("QLAE w/o WD", Latent.SCALAR_CODEBOOKS, false),
    AE("AE", Latent.CONTINUOUS, false),
    AE_WD("AE + WD", Latent.CONTINUOUS, true),
    BETA_VAE("β-VAE", Latent.GAUSSIAN, false),
    VQ_AE("VQ-AE", Latent.GLOBAL_CODEBOOK, true);

    /** What the decoder reads. */
    enum Latent {
        /** z = encoder output. */
        CONTINUOUS,
        /** z ~ N(μ, σ²) in training; μ for evaluation (β-VAE). */
        GAUSSIAN,
        /** per-dimension scalar codebooks, straight-through (QLAE). */
        SCALAR_CODEBOOKS,
        /** one shared codebook of vectors, straight-through (VQ). */
        GLOBAL_CODEBOOK;

        /** Whether the evaluated latent takes finitely many values (InfoMEC then counts instead of k-NN). */
        boolean discrete() {
            return this == SCALAR_CODEBOOKS || this == GLOBAL_CODEBOOK;
        }
    }

    final String label;
    final Latent latent;
    final boolean weightDecay;

    Variant(String label, Latent latent, boolean weightDecay) {
        this.label = label;
        this.latent = latent;
        this.weightDecay = weightDecay;
    }

    /** A metric-safe key ("QLAE_NO_WD" → "qlae-no-wd"). */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
