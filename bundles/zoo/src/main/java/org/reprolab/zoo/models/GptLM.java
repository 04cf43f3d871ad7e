package org.reprolab.zoo.models;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Shapes;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.nn.Embedding;
import org.reprolab.tensor.nn.LayerNorm;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.nn.Sequential;

/**
 * A decoder-only pre-LN GPT (the zoo's {@code tiny-lm-char}, methods/quantization.md): token and learned
 * absolute position embeddings, causal {@link PreLnBlock}s with separate Wq, Wk, Wv, Wo, W_up and W_down
 * Linears with bias, a final LayerNorm and an untied LM head without bias; no dropout. GPT-2's initialisation
 * (N(0, 0.02), residual projections scaled by 1/√(2·layers), zero biases).
 *
 * <p>Parameter names: {@code tok.weight}, {@code pos.weight}, {@code blocks.<i>.…} (see {@link PreLnBlock}),
 * {@code ln_f.weight|bias}, {@code head.weight}.
 */
public class GptLM extends Module {

    /** The architecture's sizes. */
    public record Config(int vocab, int dModel, int layers, int heads, int ffn, int context) {
        public Config {
            if (vocab < 1 || dModel < 1 || layers < 1 || heads < 1 || ffn < 1 || context < 1 || dModel % heads != 0) {
                throw new IllegalArgumentException("GptLM config " + this + ": sizes must be ≥ 1 and dModel a multiple"
                        + " of heads");
            }
        }
    }

    private final Config config;
    private final Embedding tok;
    private final Embedding pos;
    private final PreLnBlock[] blocks;
    private final LayerNorm lnF;
    private final Linear head;

    public GptLM(Config config, Generator gen) {
        this.config = config;
        this.tok = child("tok", new Embedding(config.vocab(), config.dModel(), gen));
        this.pos = child("pos", new Embedding(config.context(), config.dModel(), gen));
        this.blocks = new PreLnBlock[config.layers()];
        Sequential container = child("blocks", new Sequential());
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = new PreLnBlock(config.dModel(), config.heads(), config.ffn(), true, gen);
            container.add(blocks[i]);
        }
        this.lnF = child("ln_f", new LayerNorm(config.dModel()));
        this.head = child("head", new Linear(config.dModel(), config.vocab(), false, gen));
        Generator init = gen.fork("gpt2 init");
        Inits.normal(tok.weight(), 0.02, init);
        Inits.normal(pos.weight(), 0.02, init);
        for (PreLnBlock b : blocks) {
            b.initGpt2(config.layers(), init);
        }
        Inits.normal(head.weight(), 0.02, init);
    }

    /** Token ids [B, T] (INT32, T ≤ context) → next-token logits [B, T, vocab]. */
    @Override
    public Tensor forward(Tensor ids) {
        return head.forward(hidden(ids));
    }

    /** Token ids [B, T] → the final LayerNorm's states [B, T, dModel] (what the LM head reads). */
    public Tensor hidden(Tensor ids) {
        if (ids.rank() != 2 || ids.dtype() != DType.INT32 || ids.size(1) > config.context()) {
            throw new IllegalArgumentException("GptLM takes INT32 ids [batch, time] with time ≤ " + config.context()
                    + ", got " + ids.dtype() + " " + Shapes.format(ids.shape()));
        }
        Tensor x = tok.forward(ids).add(pos.forward(Tensor.arange(ids.size(1)).to(ids.backend())));
        for (PreLnBlock block : blocks) {
            x = block.forward(x);
        }
        return lnF.forward(x);
    }

    public Config config() {
        return config;
    }

    /** Block i (0-based). */
    public PreLnBlock block(int i) {
        return blocks[i];
    }

    public Linear head() {
        return head;
    }
}
