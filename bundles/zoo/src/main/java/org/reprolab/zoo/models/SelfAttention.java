package org.reprolab.zoo.models;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Shapes;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Functional;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.Masks;
import org.reprolab.tensor.nn.Module;

/**
 * Multi-head self-attention (Vaswani et al. 2017, §3.2.2) with four separate Linears with bias, {@code wq},
 * {@code wk}, {@code wv} and {@code wo}, so that methods can quantize, adapt or hook each projection on its own
 * (the tensor library's {@code MultiHeadAttention} fuses q, k and v into one matrix). Causal or not.
 */
public class SelfAttention extends Module {
    private final int dModel;
    private final int heads;
    private final boolean causal;
    private final Linear wq;
    private final Linear wk;
    private final Linear wv;
    private final Linear wo;

    public SelfAttention(int dModel, int heads, boolean causal, Generator gen) {
        if (heads < 1 || dModel % heads != 0) {
            throw new IllegalArgumentException("SelfAttention: dModel " + dModel + " does not split into " + heads
                    + " heads");
        }
        this.dModel = dModel;
        this.heads = heads;
        this.causal = causal;
        this.wq = child("wq", new Linear(dModel, dModel, gen));
        this.wk = child("wk", new Linear(dModel, dModel, gen));
        this.wv = child("wv", new Linear(dModel, dModel, gen));
        this.wo = child("wo", new Linear(dModel, dModel, gen));
    }

    /** x [B, T, dModel] → [B, T, dModel]. */
    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() != 3 || x.size(2) != dModel) {
            throw new IllegalArgumentException("SelfAttention (d = " + dModel + "): input " + Shapes.format(x.shape())
                    + " is not [batch, time, " + dModel + "]");
        }
        int b = x.size(0);
        int t = x.size(1);
        Tensor mask = causal ? Masks.causal(t).to(x.backend()) : null;
        Tensor attended = Functional.scaledDotProductAttention(heads(wq.forward(x)), heads(wk.forward(x)),
                heads(wv.forward(x)), mask, 0, false, null);
        return wo.forward(attended.transpose(1, 2).reshape(b, t, dModel));
    }

    /** [B, T, d] → [B, heads, T, d/heads]. */
    private Tensor heads(Tensor projected) {
        return projected.reshape(projected.size(0), projected.size(1), heads, dModel / heads).transpose(1, 2);
    }

    public Linear wq() {
        return wq;
    }

    public Linear wk() {
        return wk;
    }

    public Linear wv() {
        return wv;
    }

    public Linear wo() {
        return wo;
    }

    public int heads() {
        return heads;
    }
}
