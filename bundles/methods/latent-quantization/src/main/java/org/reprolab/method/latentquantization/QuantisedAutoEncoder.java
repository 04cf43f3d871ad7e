package org.reprolab.method.latentquantization;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Losses;
import org.reprolab.tensor.nn.MLP;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.nn.ReLU;

/**
 * The auto-encoder of every compared model: MLP encoder pixels → 512 → 256 → n_z (×2 for the β-VAE's μ and log σ²),
 * MLP decoder n_z → 256 → 512 → pixel logits, and the variant's latent between them. The training loss is scaled
 * as in the authors' code: the Bernoulli reconstruction BCE averaged over pixels and batch, plus λ_q·quantisation +
 * λ_c·commitment (each averaged over latent dimensions and batch) for the quantised latents, or (n_z/pixels)·β·(KL per
 * dimension) for the β-VAE — the per-pixel form of BCE_sum + β·KL_sum.
 */
final class QuantisedAutoEncoder extends Module {

    /** Hyper-parameters of the latent terms. */
    record Settings(int latentDims, int codebookValues, double lambdaQuantise, double lambdaCommit, double beta) {
    }

    private final Variant variant;
    private final Settings settings;
    private final MLP encoder;
    private final MLP decoder;
    private final ScalarCodebooks scalarCodebooks;
    private final GlobalCodebook globalCodebook;
    private final Generator noise;

    QuantisedAutoEncoder(Variant variant, int pixels, Settings settings, Generator init) {
        this.variant = variant;
        this.settings = settings;
        int nz = settings.latentDims();
        int encoderOut = variant.latent == Variant.Latent.GAUSSIAN ? 2 * nz : nz;
        this.encoder = child("encoder", new MLP(new int[] {pixels, 512, 256, encoderOut}, ReLU::new, init.fork("encoder")));
        this.decoder = child("decoder", new MLP(new int[] {nz, 256, 512, pixels}, ReLU::new, init.fork("decoder")));
        this.scalarCodebooks = variant.latent == Variant.Latent.SCALAR_CODEBOOKS
                ? child("codebooks", new ScalarCodebooks(nz, settings.codebookValues())) : null;
        this.globalCodebook = variant.latent == Variant.Latent.GLOBAL_CODEBOOK
                ? child("codebook", new GlobalCodebook(nz, settings.codebookValues(), init.fork("codebook"))) : null;
        this.noise = init.fork("reparameterisation");
    }

    Variant variant() {
        return variant;
    }

    /** QLAE's scalar codebooks (null for the other variants). */
    ScalarCodebooks scalarCodebooks() {
        return scalarCodebooks;
    }

    /** Pixel logits of a batch [B, pixels], through the latent the decoder sees in evaluation. */
    @Override
    public Tensor forward(Tensor images) {
        return decode(latent(images));
    }

    /** The latent the decoder sees in evaluation (β-VAE: the posterior mean; quantised models: z_q). */
    Tensor latent(Tensor images) {
        Tensor z = encoder.forward(images);
        return switch (variant.latent) {
            case CONTINUOUS -> z;
            case GAUSSIAN -> z.split(1, settings.latentDims(), settings.latentDims())[0];
            case SCALAR_CODEBOOKS -> scalarCodebooks.quantise(z).straightThrough();
            case GLOBAL_CODEBOOK -> globalCodebook.quantise(z).straightThrough();
        };
    }

    Tensor decode(Tensor latent) {
        return decoder.forward(latent);
    }

    /** The training loss on a batch of binary images (per pixel) and its reconstruction part (per image, nats). */
    record Loss(Tensor total, double reconstruction) {
    }

    Loss loss(Tensor images) {
        Tensor encoded = encoder.forward(images);
        Tensor latentTerm;
        Tensor z;
        switch (variant.latent) {
            case CONTINUOUS -> {
                z = encoded;
                latentTerm = null;
            }
            case GAUSSIAN -> {
                Tensor[] parts = encoded.split(1, settings.latentDims(), settings.latentDims());
                z = parts[0].add(parts[1].mul(0.5).exp().mul(noise.randn(parts[0].shape())));
                latentTerm = Losses.klStandardNormal(parts[0], parts[1]).mul(settings.beta() / images.size(1));
            }
            default -> {
                Quantised q = variant.latent == Variant.Latent.SCALAR_CODEBOOKS ? scalarCodebooks.quantise(encoded) : globalCodebook.quantise(encoded);
                z = q.straightThrough();
                latentTerm = q.quantisationLoss().mul(settings.lambdaQuantise()).add(q.commitmentLoss().mul(settings.lambdaCommit()));
            }
        }
        Tensor reconstruction = Losses.bceWithLogits(decoder.forward(z), images);
        return new Loss(latentTerm == null ? reconstruction : reconstruction.add(latentTerm), reconstruction.item() * images.size(1));
    }

    /** Bernoulli negative log-likelihood of binary images under pixel logits, summed over pixels, mean over images. */
    static Tensor reconstructionBce(Tensor logits, Tensor images) {
        return Losses.bceWithLogits(logits, images).mul(images.size(1));
    }
}
