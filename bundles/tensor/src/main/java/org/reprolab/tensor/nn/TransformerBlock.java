package org.reprolab.tensor.nn;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * A pre-LN transformer block (as GPT-2; Xiong et al. 2020): x + drop(attn(ln1(x))), then
 * x + drop(ffn(ln2(x))) with a GELU feed-forward network dModel → ffn → dModel. A causal block adds the
 * causal mask to whatever mask forward is given.
 */
public class TransformerBlock extends Module {
    private final boolean causal;
    private final LayerNorm ln1;
    private final MultiHeadAttention attn;
    private final LayerNorm ln2;
    private final Sequential ffn;
    private final Dropout drop;

    public TransformerBlock(int dModel, int heads, int ffn, double dropout, boolean causal, Generator gen) {
        this.causal = causal;
        this.ln1 = child("ln1", new LayerNorm(dModel));
        this.attn = child("attn", new MultiHeadAttention(dModel, heads, true, dropout, gen));
        this.ln2 = child("ln2", new LayerNorm(dModel));
        this.ffn = child("ffn", new Sequential(new Linear(dModel, ffn, gen), new GELU(),
                new Dropout(dropout, Streams.child(gen, "ffn dropout")), new Linear(ffn, dModel, gen)));
        this.drop = child("drop", new Dropout(dropout, Streams.child(gen, "residual dropout")));
    }

    /** x [B, T, dModel] (or [T, dModel]), masked causally if this block is causal. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null);
    }

    /** With an extra BOOL mask (true = blocked) broadcastable to [B, heads, T, T]; null for none. */
    public Tensor forward(Tensor x, Tensor mask) {
        Tensor m = mask;
        if (causal) {
            Tensor c = Masks.causal(x.size(-2)).to(x.backend());
            m = mask == null ? c : Masks.union(c, mask);
        }
        Tensor h = x.add(drop.forward(attn.forward(ln1.forward(x), m)));
        return h.add(drop.forward(ffn.forward(ln2.forward(h))));
    }

    public MultiHeadAttention attention() {
        return attn;
    }
}
