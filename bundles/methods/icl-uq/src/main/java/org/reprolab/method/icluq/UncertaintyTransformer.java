package org.reprolab.method.icluq;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Shapes;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Embedding;
import org.reprolab.tensor.nn.Init;
import org.reprolab.tensor.nn.LayerNorm;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.nn.Sequential;
import org.reprolab.zoo.models.PreLnBlock;

/**
 * The paper's in-context learner: a GPT-style pre-LN causal transformer (the zoo's {@link PreLnBlock}) over
 * continuous tokens, embedded by one Linear, with two outputs read at every x-token: the mean μ and the variance
 * v = softplus(s) + 1e-4. Without positional encoding (NoPE) the causal mask alone tells order; with it (PE) a
 * learned absolute embedding is added per token position.
 *
 * <p>Parameter names: {@code embed}, {@code pos} (PE only), {@code blocks.<i>.…}, {@code ln_f}, {@code head}
 * (row 0 → μ, row 1 → s).
 */
final class UncertaintyTransformer extends Module {

    /** Added to the softplus so the variance, and the NLL's 1/v, stay bounded. */
    static final double VARIANCE_FLOOR = 1e-4;

    /** Standard deviation of the initial position embeddings (GPT-2's wpe). */
    static final double POSITION_INIT_STD = 0.02;

    /**
     * The architecture.
     *
     * @param dim       input dimension d of the regression task
     * @param dModel    width of the residual stream
     * @param layers    transformer blocks
     * @param heads     attention heads per block
     * @param ffn       MLP width
     * @param positions learned position embeddings (token positions 0…positions−1); 0 for NoPE
     */
    record Config(int dim, int dModel, int layers, int heads, int ffn, int positions) {
        Config {
            if (dim < 1 || dModel < 1 || layers < 1 || heads < 1 || ffn < 1 || positions < 0 || dModel % heads != 0) {
                throw new IllegalArgumentException("transformer config " + this + ": sizes must be ≥ 1, positions ≥ 0"
                        + " and dModel a multiple of heads");
            }
        }

        boolean positional() {
            return positions > 0;
        }
    }

    /** μ and v at the x-tokens, each [batch, pairs]. */
    record Prediction(Tensor mean, Tensor variance) {
    }

    private final Config config;
    private final Linear embed;
    private final Embedding pos;
    private final PreLnBlock[] blocks;
    private final LayerNorm lnF;
    private final Linear head;

    UncertaintyTransformer(Config config, Generator gen) {
        this.config = config;
        this.embed = child("embed", new Linear(PromptTokens.width(config.dim()), config.dModel(), gen));
        this.pos = config.positional() ? child("pos", new Embedding(config.positions(), config.dModel(), gen)) : null;
        this.blocks = new PreLnBlock[config.layers()];
        Sequential container = child("blocks", new Sequential());
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = new PreLnBlock(config.dModel(), config.heads(), config.ffn(), true, gen);
            container.add(blocks[i]);
        }
        this.lnF = child("ln_f", new LayerNorm(config.dModel()));
        this.head = child("head", new Linear(config.dModel(), 2, gen));
        if (pos != null) {
            // GPT-2's position-embedding scale: the library's (and PyTorch's) Embedding default N(0, 1) gives every
            // position a vector of norm ≈ √dModel that drowns the token embedding (norm ≈ 1) at initialisation.
            Init.normal(pos.weight(), 0, POSITION_INIT_STD, gen.fork("position init"));
        }
    }

    /** Tokens [B, 2T, d + 3] → the two outputs (μ, s) at every token, [B, 2T, 2]. */
    @Override
    public Tensor forward(Tensor tokens) {
        int width = PromptTokens.width(config.dim());
        if (tokens.rank() != 3 || tokens.size(2) != width || tokens.size(1) % 2 != 0) {
            throw new IllegalArgumentException("UncertaintyTransformer takes tokens [batch, 2·pairs, " + width + "], got "
                    + Shapes.format(tokens.shape()));
        }
        Tensor x = embed.forward(tokens);
        if (pos != null) {
            // No clamping: a prompt longer than the table is an error, not a silent reuse of the last position.
            if (tokens.size(1) > config.positions()) {
                throw new IllegalArgumentException("PE transformer has " + config.positions() + " positions, prompt has "
                        + tokens.size(1) + " tokens");
            }
            x = x.add(pos.forward(Tensor.arange(tokens.size(1)).to(x.backend())));
        }
        for (PreLnBlock block : blocks) {
            x = block.forward(x);
        }
        return head.forward(lnF.forward(x));
    }

    /** The predictive mean and variance of each label y_t, read at its x-token (position 2t). */
    Prediction predict(Tensor tokens) {
        Tensor out = forward(tokens);
        Tensor atX = out.reshape(out.size(0), out.size(1) / 2, 2, 2).select(2, 0);
        Tensor mean = atX.select(2, 0);
        Tensor variance = atX.select(2, 1).softplus().add(VARIANCE_FLOOR);
        return new Prediction(mean, variance);
    }

    Config config() {
        return config;
    }
}
