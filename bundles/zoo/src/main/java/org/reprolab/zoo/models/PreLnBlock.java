package org.reprolab.zoo.models;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.LayerNorm;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.Module;

/**
 * A pre-LayerNorm transformer block (GPT-2; Xiong et al. 2020) without dropout: h = x + attn(ln1(x)), then
 * h + down(GELU(up(ln2(h)))). Parameters: {@code ln1}, {@code attn.wq|wk|wv|wo}, {@code ln2}, {@code up}
 * (W_up, d → ffn) and {@code down} (W_down, ffn → d), every Linear with bias.
 */
public class PreLnBlock extends Module {
    private final LayerNorm ln1;
    private final SelfAttention attn;
    private final LayerNorm ln2;
    private final Linear up;
    private final Linear down;

    public PreLnBlock(int dModel, int heads, int ffn, boolean causal, Generator gen) {
        this.ln1 = child("ln1", new LayerNorm(dModel));
        this.attn = child("attn", new SelfAttention(dModel, heads, causal, gen));
        this.ln2 = child("ln2", new LayerNorm(dModel));
        this.up = child("up", new Linear(dModel, ffn, gen));
        this.down = child("down", new Linear(ffn, dModel, gen));
    }

    /** x [B, T, dModel] → [B, T, dModel]. */
    @Override
    public Tensor forward(Tensor x) {
        Tensor h = x.add(attn.forward(ln1.forward(x)));
        return h.add(down.forward(up.forward(ln2.forward(h)).gelu()));
    }

    public SelfAttention attention() {
        return attn;
    }

    public Linear up() {
        return up;
    }

    public Linear down() {
        return down;
    }

    /** GPT-2's initialisation: Linear weights N(0, 0.02), W_o and W_down N(0, 0.02/√(2·layers)), biases zero. */
    void initGpt2(int layers, Generator gen) {
        double residual = 0.02 / Math.sqrt(2.0 * layers);
        for (Linear l : new Linear[] {attn.wq(), attn.wk(), attn.wv(), attn.wo(), up, down}) {
            boolean projection = l == attn.wo() || l == down;
            Inits.normal(l.weight(), projection ? residual : 0.02, gen);
            Inits.zero(l.bias());
        }
    }
}
