package org.reprolab.tensor.nn;

import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;

/**
 * BOOL attention masks for {@link MultiHeadAttention}, true where a query may NOT attend to a key. Masks of
 * shape [Tq, Tk] apply to every batch and head; any mask broadcastable to [B, heads, Tq, Tk] is accepted.
 */
public final class Masks {
    private Masks() {
    }

    /** [t, t]: position i sees positions 0..i (blocks j &gt; i). */
    public static Tensor causal(int t) {
        Tensor pos = Tensor.arange(t);
        return pos.unsqueeze(0).gt(pos.unsqueeze(1));
    }

    /**
     * [t, t]: position i sees every position of its own block of blockSize and of all earlier blocks (blocks
     * j whose block index exceeds i's), as in block-wise autoregressive models.
     */
    public static Tensor blockCausal(int t, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockCausal: block size must be ≥ 1, got " + blockSize);
        }
        int[] block = new int[t];
        for (int i = 0; i < t; i++) {
            block[i] = i / blockSize;
        }
        Tensor b = Tensor.ofInts(block, t);
        return b.unsqueeze(0).gt(b.unsqueeze(1));
    }

    /** Blocked where either mask blocks (broadcasting, e.g. causal [T, T] with key padding [B, 1, 1, T]). */
    public static Tensor union(Tensor a, Tensor b) {
        return a.to(DType.INT32).add(b.to(DType.INT32)).gt(0);
    }

    /** [B, 1, 1, t]: blocks the keys at or after each sequence's length (right padding). */
    public static Tensor keyPadding(int[] lengths, int t) {
        Tensor len = Tensor.ofInts(lengths, lengths.length).reshape(lengths.length, 1);
        return Tensor.arange(t).unsqueeze(0).ge(len).reshape(lengths.length, 1, 1, t);
    }
}
