package org.reprolab.tensor.nn;

import org.reprolab.tensor.Generator;
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
        this.dropoutGen = Streams.child(gen, "attention dropout");
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
        return Functional.multiHeadAttention(query, key, value, mask, heads, inProjWeight, inProjBias,
                outProj.weight(), outProj.bias(), dropout, isTraining(), dropoutGen);
    }

    public int dModel() {
        return dModel;
    }

    public int heads() {
        return heads;
    }
}
