package org.reprolab.tensor.nn;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Shapes;
import org.reprolab.tensor.Tensor;

/**
 * Multi-head attention (Vaswani et al. 2017, §3.2.2) on batch-first inputs [B, T, dModel] (or unbatched
 * [T, dModel]). Queries, keys and values come from one fused projection (one GEMM for self-attention); the
 * heads are strided views [B, heads, T, dModel/heads] that the batched matmul reads without copying.
 * Parameters carry PyTorch's names and initialisation: in_proj_weight [3·dModel, dModel] Xavier-uniform,
 * in_proj_bias zero, out_proj a Linear with zero bias.
 */
public class MultiHeadAttention extends Module {
    private final int dModel;
    private final int heads;
    private final double dropout;
    private final Generator dropoutGen;
    private final Tensor inProjWeight;
    private final Tensor inProjBias;
    private final Linear outProj;

    public MultiHeadAttention(int dModel, int heads, boolean bias, double dropout, Generator gen) {
        if (heads < 1 || dModel % heads != 0) {
            throw new IllegalArgumentException("MultiHeadAttention: dModel " + dModel + " does not split into "
                    + heads + " heads");
        }
        this.dModel = dModel;
        this.heads = heads;
        this.dropout = dropout;
        this.dropoutGen = gen.fork("attention dropout");
        this.inProjWeight = parameter("in_proj_weight", Init.xavierUniform(Tensor.zeros(3 * dModel, dModel), gen));
        this.inProjBias = bias ? parameter("in_proj_bias", Tensor.zeros(3 * dModel)) : null;
        this.outProj = child("out_proj", new Linear(dModel, dModel, bias, gen));
        if (bias) {
            Init.zeros(outProj.bias());
        }
    }

    public MultiHeadAttention(int dModel, int heads, Generator gen) {
        this(dModel, heads, true, 0, gen);
    }

    /** Self-attention without a mask. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, x, x, null);
    }

    /** Self-attention; mask as in {@link #forward(Tensor, Tensor, Tensor, Tensor)}. */
    public Tensor forward(Tensor x, Tensor mask) {
        return forward(x, x, x, mask);
    }

    /**
     * Attends from query [B, Tq, dModel] to key/value [B, Tk, dModel]. mask: BOOL, broadcastable to
     * [B, heads, Tq, Tk], true where attention is blocked (see {@link Masks}); null for none.
     */
    public Tensor forward(Tensor query, Tensor key, Tensor value, Tensor mask) {
        boolean unbatched = query.rank() == 2;
        Tensor q = unbatched ? query.unsqueeze(0) : query;
        Tensor k = unbatched ? key.unsqueeze(0) : key;
        Tensor v = unbatched ? value.unsqueeze(0) : value;
        checkShapes(q, k, v);
        Tensor[] qkv = project(q, k, v, query == key && key == value, key == value);
        Tensor attended = Functional.scaledDotProductAttention(qkv[0], qkv[1], qkv[2], mask, dropout, isTraining(),
                dropoutGen);
        Tensor merged = attended.permute(0, 2, 1, 3).reshape(q.size(0), q.size(1), dModel);
        Tensor out = outProj.forward(merged);
        return unbatched ? out.squeeze(0) : out;
    }

    private void checkShapes(Tensor q, Tensor k, Tensor v) {
        boolean ok = q.rank() == 3 && k.rank() == 3 && v.rank() == 3 && q.size(2) == dModel && k.size(2) == dModel
                && v.size(2) == dModel && k.size(0) == q.size(0) && v.size(0) == q.size(0) && k.size(1) == v.size(1);
        if (!ok) {
            throw new IllegalArgumentException("MultiHeadAttention(" + dModel + ", " + heads + "): query "
                    + Shapes.format(q.shape()) + ", key " + Shapes.format(k.shape()) + " and value "
                    + Shapes.format(v.shape()) + " must be [B, Tq, " + dModel + "], [B, Tk, " + dModel + "], [B, Tk, "
                    + dModel + "]");
        }
    }

    /** {q, k, v} as [B, heads, T, dHead] views, with as few projection GEMMs as the aliasing allows. */
    private Tensor[] project(Tensor q, Tensor k, Tensor v, boolean self, boolean sharedKeyValue) {
        if (self) {
            Tensor[] parts = splitHeads(Functional.linear(q, inProjWeight, inProjBias), 3);
            return parts;
        }
        Tensor qh = splitHeads(Functional.linear(q, rows(inProjWeight, 0, 1), rows(inProjBias, 0, 1)), 1)[0];
        if (sharedKeyValue) {
            Tensor[] kv = splitHeads(Functional.linear(k, rows(inProjWeight, 1, 2), rows(inProjBias, 1, 2)), 2);
            return new Tensor[] {qh, kv[0], kv[1]};
        }
        Tensor kh = splitHeads(Functional.linear(k, rows(inProjWeight, 1, 1), rows(inProjBias, 1, 1)), 1)[0];
        Tensor vh = splitHeads(Functional.linear(v, rows(inProjWeight, 2, 1), rows(inProjBias, 2, 1)), 1)[0];
        return new Tensor[] {qh, kh, vh};
    }

    /** Rows [first·dModel, (first + count)·dModel) of the fused projection (a view), or null. */
    private Tensor rows(Tensor t, int first, int count) {
        return t == null ? null : t.narrow(0, first * dModel, count * dModel);
    }

    /** [B, T, n·dModel] → n views [B, heads, T, dHead]. */
    private Tensor[] splitHeads(Tensor projected, int n) {
        int b = projected.size(0);
        int t = projected.size(1);
        Tensor split = projected.reshape(b, t, n, heads, dModel / heads).permute(2, 0, 3, 1, 4);
        Tensor[] out = new Tensor[n];
        for (int i = 0; i < n; i++) {
            out[i] = split.select(0, i);
        }
        return out;
    }

    public int dModel() {
        return dModel;
    }

    public int heads() {
        return heads;
    }
}
