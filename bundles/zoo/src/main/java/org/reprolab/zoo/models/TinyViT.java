package org.reprolab.zoo.models;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Shapes;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.LayerNorm;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.nn.Sequential;

/**
 * A small vision transformer (Dosovitskiy et al. 2021; the zoo's {@code tiny-vit-fmnist}, methods/quantization.md):
 * non-overlapping p×p patches, each flattened and projected by a Linear, a learned CLS token and learned
 * positions, pre-LN {@link PreLnBlock}s (separate Wq, Wk, Wv, Wo; GELU MLP), then the CLS state through a
 * LayerNorm into a Linear head. GPT-2-style initialisation (N(0, 0.02), zero biases).
 *
 * <p>Parameter names: {@code patch.weight|bias}, {@code cls} [1, 1, d], {@code pos} [1, tokens + 1, d],
 * {@code blocks.<i>.…}, {@code ln.weight|bias}, {@code head.weight|bias}.
 */
public class TinyViT extends Module {

    /** The architecture's sizes: square single-channel images of side {@code image}, cut into patches of side {@code patch}. */
    public record Config(int image, int patch, int dModel, int layers, int heads, int mlp, int classes) {
        public Config {
            if (image < 1 || patch < 1 || image % patch != 0 || dModel % Math.max(heads, 1) != 0 || heads < 1
                    || layers < 1 || mlp < 1 || classes < 1) {
                throw new IllegalArgumentException("TinyViT config " + this + ": the patch must divide the image and"
                        + " heads divide dModel; sizes ≥ 1");
            }
        }

        /** Patches per side. */
        public int grid() {
            return image / patch;
        }
    }

    private final Config config;
    private final Linear patch;
    private final Tensor cls;
    private final Tensor pos;
    private final Sequential blocks;
    private final LayerNorm ln;
    private final Linear head;

    public TinyViT(Config config, Generator gen) {
        this.config = config;
        int tokens = config.grid() * config.grid();
        this.patch = child("patch", new Linear(config.patch() * config.patch(), config.dModel(), gen));
        this.cls = parameter("cls", Tensor.zeros(1, 1, config.dModel()));
        this.pos = parameter("pos", Tensor.zeros(1, tokens + 1, config.dModel()));
        this.blocks = child("blocks", new Sequential());
        for (int i = 0; i < config.layers(); i++) {
            blocks.add(new PreLnBlock(config.dModel(), config.heads(), config.mlp(), false, gen));
        }
        this.ln = child("ln", new LayerNorm(config.dModel()));
        this.head = child("head", new Linear(config.dModel(), config.classes(), gen));
        Generator init = gen.fork("vit init");
        Inits.normal(patch.weight(), 0.02, init);
        Inits.zero(patch.bias());
        Inits.normal(cls, 0.02, init);
        Inits.normal(pos, 0.02, init);
        for (int i = 0; i < config.layers(); i++) {
            ((PreLnBlock) blocks.get(i)).initGpt2(config.layers(), init);
        }
        Inits.normal(head.weight(), 0.02, init);
        Inits.zero(head.bias());
    }

    /** Images [B, side·side] or [B, 1, side, side] → logits [B, classes]. */
    @Override
    public Tensor forward(Tensor images) {
        Tensor x = blocks.forward(tokens(images));
        return head.forward(ln.forward(x.select(1, 0)));
    }

    /** The embedded sequence [B, tokens + 1, d] the blocks read: CLS first, then the patches row by row. */
    public Tensor tokens(Tensor images) {
        int side = config.image();
        int p = config.patch();
        int g = config.grid();
        boolean flat = images.rank() == 2 && images.size(1) == side * side;
        boolean square = images.rank() == 4 && images.size(1) == 1 && images.size(2) == side && images.size(3) == side;
        if (!flat && !square) {
            throw new IllegalArgumentException("TinyViT takes images [batch, " + side * side + "] or [batch, 1, "
                    + side + ", " + side + "], got " + Shapes.format(images.shape()));
        }
        int b = images.size(0);
        Tensor patches = images.reshape(b, g, p, g, p).permute(0, 1, 3, 2, 4).reshape(b, g * g, p * p);
        Tensor embedded = patch.forward(patches);
        Tensor withCls = Tensor.cat(1, cls.expand(b, 1, config.dModel()), embedded);
        return withCls.add(pos);
    }

    public Config config() {
        return config;
    }

    /** Block i (0-based). */
    public PreLnBlock block(int i) {
        return (PreLnBlock) blocks.get(i);
    }

    public Linear head() {
        return head;
    }
}
