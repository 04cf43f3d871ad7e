package org.reprolab.tensor.models;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Embedding;
import org.reprolab.tensor.nn.LayerNorm;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.nn.TransformerBlock;

/**
 * A decoder-only (GPT-style) language model: token and learned position embeddings, pre-LN causal transformer
 * blocks, a final layer norm and a linear head to next-token logits.
 */
public final class TransformerLM extends Module {
    private final int context;
    private final Embedding tokens;
    private final Embedding positions;
    private final TransformerBlock[] blocks;
    private final LayerNorm norm;
    private final Linear head;

    public TransformerLM(int vocab, int dModel, int heads, int ffn, int layers, int context, double dropout,
                         Generator gen) {
        this.context = context;
        this.tokens = child("tok", new Embedding(vocab, dModel, gen));
        this.positions = child("pos", new Embedding(context, dModel, gen));
        this.blocks = new TransformerBlock[layers];
        for (int i = 0; i < layers; i++) {
            blocks[i] = child("block" + i, new TransformerBlock(dModel, heads, ffn, dropout, true, gen));
        }
        this.norm = child("ln", new LayerNorm(dModel));
        this.head = child("head", new Linear(dModel, vocab, gen));
    }

    /** Token ids [B, T] (INT32, T ≤ context) → logits [B, T, vocab]. */
    @Override
    public Tensor forward(Tensor ids) {
        int t = ids.size(1);
        if (ids.rank() != 2 || t > context) {
            throw new IllegalArgumentException("TransformerLM takes ids [batch, time] with time ≤ " + context
                    + ", got " + java.util.Arrays.toString(ids.shape()));
        }
        Tensor x = tokens.forward(ids).add(positions.forward(Tensor.arange(t).to(ids.backend())));
        for (TransformerBlock block : blocks) {
            x = block.forward(x);
        }
        return head.forward(norm.forward(x));
    }

    public int context() {
        return context;
    }
}
