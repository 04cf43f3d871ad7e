package org.reprolab.tensor.nn;

import java.util.Arrays;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Shapes;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;

/**
 * The layers' computations as plain functions of their inputs and parameters (PyTorch's
 * {@code torch.nn.functional}): the modules hold the parameters and call these, and code that manages its own
 * weights (hypernetworks, meta-learning, gradient checks in float64) calls them directly.
 */
public final class Functional {
    private Functional() {
    }

    /** x·Wᵀ + b over any leading dimensions: x [..., in], weight [out, in], bias [out] or null. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        int in = weight.size(1);
        if (x.rank() == 0 || x.size(-1) != in) {
            throw new IllegalArgumentException("linear: input of shape " + Shapes.format(x.shape())
                    + " does not fit weight of shape " + Shapes.format(weight.shape()) + " (last dimension must be "
                    + in + ")");
        }
        Tensor y;
        if (x.rank() == 1) {
            y = x.matmul(weight.t());
        } else if (x.rank() == 2) {
            y = x.matmulTransposed(weight);
        } else {
            // one GEMM over all leading dimensions (the weight gradient is then one GEMM too)
            int[] outShape = x.shape();
            outShape[outShape.length - 1] = weight.size(0);
            y = x.reshape(-1, in).matmulTransposed(weight).reshape(outShape);
        }
        return bias == null ? y : y.add(bias);
    }

    /**
     * Layer normalisation (Ba et al. 2016) over the last {@code normalizedDims} dimensions, with the biased
     * variance; weight and bias (null for none) have the shape of those dimensions.
     */
    public static Tensor layerNorm(Tensor x, int normalizedDims, Tensor weight, Tensor bias, double eps) {
        if (normalizedDims < 1 || normalizedDims > x.rank()) {
            throw new IllegalArgumentException("layerNorm: cannot normalise the last " + normalizedDims
                    + " dimensions of shape " + Shapes.format(x.shape()));
        }
        if (normalizedDims == 1) {
            return x.layerNorm(weight, bias, eps);
        }
        int[] dims = new int[normalizedDims];
        for (int i = 0; i < normalizedDims; i++) {
            dims[i] = x.rank() - normalizedDims + i;
        }
        Tensor y = normalize(x, dims, eps);
        if (weight != null) {
            y = y.mul(weight);
        }
        return bias == null ? y : y.add(bias);
    }

    /** (x − mean) / √(biased var + eps) over dims. */
    private static Tensor normalize(Tensor x, int[] dims, double eps) {
        Tensor centered = x.sub(x.mean(dims, true));
        Tensor var = centered.square().mean(dims, true);
        return centered.mul(var.add(eps).rsqrt());
    }

    /**
     * Group normalisation (Wu &amp; He 2018): x [N, C, ...] is normalised over each group of C/groups channels
     * and all positions; weight and bias [C] (null for none) are per channel.
     */
    public static Tensor groupNorm(Tensor x, int groups, Tensor weight, Tensor bias, double eps) {
        if (x.rank() < 2 || x.size(1) % groups != 0) {
            throw new IllegalArgumentException("groupNorm: input of shape " + Shapes.format(x.shape())
                    + " needs [N, C, ...] with C divisible by " + groups + " groups");
        }
        int[] shape = x.shape();
        Tensor y = normalize(x.reshape(shape[0], groups, -1), new int[] {2}, eps).reshape(shape);
        return affinePerChannel(y, weight, bias);
    }

    /** y·w + b with w, b of shape [C] applied along dimension 1. */
    private static Tensor affinePerChannel(Tensor y, Tensor weight, Tensor bias) {
        int[] channelShape = new int[y.rank()];
        Arrays.fill(channelShape, 1);
        channelShape[1] = y.size(1);
        if (weight != null) {
            y = y.mul(weight.reshape(channelShape));
        }
        return bias == null ? y : y.add(bias.reshape(channelShape));
    }

    /**
     * Batch normalisation (Ioffe &amp; Szegedy 2015) of x [N, C, ...] per channel. In training it normalises with
     * the batch mean and biased variance and, when the running buffers are given, updates them in place:
     * running ← (1 − momentum)·running + momentum·batch statistic, with the unbiased variance (as PyTorch).
     * Otherwise it normalises with the running statistics.
     */
    public static Tensor batchNorm(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        if (x.rank() < 2) {
            throw new IllegalArgumentException("batchNorm: input of shape " + Shapes.format(x.shape())
                    + " needs [N, C, ...]");
        }
        int[] dims = new int[x.rank() - 1];
        dims[0] = 0;
        for (int i = 2; i < x.rank(); i++) {
            dims[i - 1] = i;
        }
        int[] channelShape = new int[x.rank()];
        Arrays.fill(channelShape, 1);
        channelShape[1] = x.size(1);
        Tensor y;
        if (training) {
            int n = x.numel() / x.size(1);
            if (n < 2) {
                throw new IllegalArgumentException("batchNorm: training needs more than one value per channel, got"
                        + " input of shape " + Shapes.format(x.shape()));
            }
            Tensor mean = x.mean(dims, true);
            Tensor centered = x.sub(mean);
            Tensor var = centered.square().mean(dims, true);
            y = centered.mul(var.add(eps).rsqrt());
            if (runningMean != null) {
                try (var ignored = Autograd.noGrad()) {
                    runningMean.mulInPlace(1 - momentum).addInPlace(mean.reshape(-1).to(runningMean.dtype()),
                            momentum);
                    runningVar.mulInPlace(1 - momentum).addInPlace(
                            var.reshape(-1).mul((double) n / (n - 1)).to(runningVar.dtype()), momentum);
                }
            }
        } else {
            if (runningMean == null) {
                throw new IllegalStateException("batchNorm in eval mode needs running statistics");
            }
            Tensor mean = runningMean.reshape(channelShape).to(x.dtype());
            Tensor invStd = runningVar.reshape(channelShape).to(x.dtype()).add(eps).rsqrt();
            y = x.sub(mean).mul(invStd);
        }
        return affinePerChannel(y, weight, bias);
    }

    /** Inverted dropout: zeroes each element with probability p and scales the rest by 1/(1 − p). */
    public static Tensor dropout(Tensor x, double p, boolean training, Generator gen) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout: p = " + p + " is outside [0, 1]");
        }
        if (!training || p == 0) {
            return x;
        }
        if (p == 1) {
            return x.mul(0);
        }
        Tensor keep = gen.rand(x.shape()).to(x.backend()).ge(p).to(x.dtype()).mul(1 / (1 - p));
        return x.mul(keep);
    }

    /**
     * Scaled dot-product attention softmax(q·kᵀ/√d + mask)·v over [..., T, d] operands (Vaswani et al. 2017,
     * eq. 1). mask is BOOL, broadcastable to [..., Tq, Tk], true where attention is blocked (a row that blocks
     * every key gives NaN, as in PyTorch); null for none. Dropout (p &gt; 0 in training) acts on the weights.
     */
    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v, Tensor mask, double dropout,
                                                   boolean training, Generator gen) {
        if (q.rank() < 2 || k.rank() != q.rank() || v.rank() != q.rank() || q.size(-1) != k.size(-1)
                || k.size(-2) != v.size(-2)) {
            throw new IllegalArgumentException("attention: query " + Shapes.format(q.shape()) + ", key "
                    + Shapes.format(k.shape()) + " and value " + Shapes.format(v.shape()) + " do not fit"
                    + " [..., Tq, d], [..., Tk, d], [..., Tk, dv]");
        }
        // scaling q ([..., Tq, d]) rather than the scores ([..., Tq, Tk]) touches fewer elements
        Tensor scores = q.mul(1 / Math.sqrt(q.size(-1))).matmul(k.t());
        if (mask != null) {
            if (mask.dtype() != DType.BOOL) {
                throw new IllegalArgumentException("attention: the mask must be BOOL (true = blocked), got "
                        + mask.dtype());
            }
            int[] s = scores.shape();
            int[] b = Shapes.broadcast("attention mask", mask.shape(), s);
            if (!Arrays.equals(b, s)) {
                throw new IllegalArgumentException("attention: mask of shape " + Shapes.format(mask.shape())
                        + " does not broadcast to the scores' shape " + Shapes.format(s));
            }
            scores = scores.maskedFill(mask, Double.NEGATIVE_INFINITY);
        }
        Tensor weights = dropout(scores.softmax(-1), dropout, training, gen);
        return weights.matmul(v);
    }

    /**
     * Multi-head attention (Vaswani et al. 2017, §3.2.2) on batch-first [B, T, d] inputs (or unbatched [T, d]):
     * the fused projection inProjWeight [3d, d] (rows for q, k, v) and inProjBias [3d] (or null), heads as
     * strided [B, heads, T, d/heads] views, {@link #scaledDotProductAttention}, then the output projection.
     * Self-attention (query, key and value the same tensor) projects with one GEMM.
     */
    public static Tensor multiHeadAttention(Tensor query, Tensor key, Tensor value, Tensor mask, int heads,
                                            Tensor inProjWeight, Tensor inProjBias, Tensor outProjWeight,
                                            Tensor outProjBias, double dropout, boolean training, Generator gen) {
        int d = inProjWeight.size(1);
        boolean unbatched = query.rank() == 2;
        Tensor q = unbatched ? query.unsqueeze(0) : query;
        Tensor k = unbatched ? key.unsqueeze(0) : key;
        Tensor v = unbatched ? value.unsqueeze(0) : value;
        boolean ok = q.rank() == 3 && k.rank() == 3 && v.rank() == 3 && q.size(2) == d && k.size(2) == d
                && v.size(2) == d && k.size(0) == q.size(0) && v.size(0) == q.size(0) && k.size(1) == v.size(1);
        if (!ok) {
            throw new IllegalArgumentException("multiHeadAttention (d = " + d + "): query " + Shapes.format(query.shape())
                    + ", key " + Shapes.format(key.shape()) + " and value " + Shapes.format(value.shape())
                    + " must be [B, Tq, " + d + "], [B, Tk, " + d + "], [B, Tk, " + d + "]");
        }
        if (heads < 1 || d % heads != 0) {
            throw new IllegalArgumentException("multiHeadAttention: d = " + d + " does not split into " + heads
                    + " heads");
        }
        Tensor[] qkv;
        if (query == key && key == value) {
            qkv = splitHeads(linear(q, inProjWeight, inProjBias), 3, heads);
        } else {
            Tensor qh = splitHeads(linear(q, rows(inProjWeight, d, 0, 1), rows(inProjBias, d, 0, 1)), 1, heads)[0];
            if (key == value) {
                Tensor[] kv = splitHeads(linear(k, rows(inProjWeight, d, 1, 2), rows(inProjBias, d, 1, 2)), 2, heads);
                qkv = new Tensor[] {qh, kv[0], kv[1]};
            } else {
                qkv = new Tensor[] {qh,
                    splitHeads(linear(k, rows(inProjWeight, d, 1, 1), rows(inProjBias, d, 1, 1)), 1, heads)[0],
                    splitHeads(linear(v, rows(inProjWeight, d, 2, 1), rows(inProjBias, d, 2, 1)), 1, heads)[0]};
            }
        }
        Tensor attended = scaledDotProductAttention(qkv[0], qkv[1], qkv[2], mask, dropout, training, gen);
        Tensor merged = attended.permute(0, 2, 1, 3).reshape(q.size(0), q.size(1), d);
        Tensor out = linear(merged, outProjWeight, outProjBias);
        return unbatched ? out.squeeze(0) : out;
    }

    /** Rows [first·d, (first + count)·d) of a fused projection (a view), or null. */
    private static Tensor rows(Tensor t, int d, int first, int count) {
        return t == null ? null : t.narrow(0, first * d, count * d);
    }

    /** [B, T, n·d] → n views [B, heads, T, d/heads]. */
    private static Tensor[] splitHeads(Tensor projected, int n, int heads) {
        int b = projected.size(0);
        int t = projected.size(1);
        int dHead = projected.size(2) / n / heads;
        Tensor split = projected.reshape(b, t, n, heads, dHead).permute(2, 0, 3, 1, 4);
        Tensor[] out = new Tensor[n];
        for (int i = 0; i < n; i++) {
            out[i] = split.select(0, i);
        }
        return out;
    }

    /** One GRU step with PyTorch's layout: gates (r, z, n) stacked in weightIh [3h, in] and weightHh [3h, h]. */
    public static Tensor gruCell(Tensor x, Tensor h, Tensor weightIh, Tensor weightHh, Tensor biasIh,
                                 Tensor biasHh) {
        Tensor[] gi = linear(x, weightIh, biasIh).chunk(3, -1);
        Tensor[] gh = linear(h, weightHh, biasHh).chunk(3, -1);
        Tensor r = gi[0].add(gh[0]).sigmoid();
        Tensor z = gi[1].add(gh[1]).sigmoid();
        Tensor n = gi[2].add(r.mul(gh[2])).tanh();
        // h' = (1 − z)·n + z·h = n + z·(h − n)
        return n.add(z.mul(h.sub(n)));
    }

    /**
     * One LSTM step with PyTorch's layout: gates (i, f, g, o) stacked in weightIh [4h, in] and weightHh [4h, h].
     * Returns {h', c'}.
     */
    public static Tensor[] lstmCell(Tensor x, Tensor h, Tensor c, Tensor weightIh, Tensor weightHh, Tensor biasIh,
                                    Tensor biasHh) {
        Tensor[] gates = linear(x, weightIh, biasIh).add(linear(h, weightHh, biasHh)).chunk(4, -1);
        Tensor i = gates[0].sigmoid();
        Tensor f = gates[1].sigmoid();
        Tensor g = gates[2].tanh();
        Tensor o = gates[3].sigmoid();
        Tensor cNext = f.mul(c).add(i.mul(g));
        return new Tensor[] {o.mul(cNext.tanh()), cNext};
    }
}
