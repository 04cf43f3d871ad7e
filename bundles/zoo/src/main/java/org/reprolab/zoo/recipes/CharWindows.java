package org.reprolab.zoo.recipes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reprolab.data.text.CharTokenizer;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Module;

/**
 * The window format of the zoo's character LMs: a window of T characters c₀…c_{T−1} starting at a position of
 * the text is fed as BOS, c₀, …, c_{T−2} and scored against c₀, …, c_{T−1}, so every window begins with BOS
 * (as the methods' task examples do) and predicts all of its T characters.
 */
public final class CharWindows {
    private CharWindows() {
    }

    /** {inputs, targets}, both INT32 [starts.length, context], of the windows starting at starts in ids. */
    public static Tensor[] batch(int[] ids, int[] starts, int context) {
        int b = starts.length;
        int[] in = new int[b * context];
        int[] target = new int[b * context];
        for (int i = 0; i < b; i++) {
            int s = starts[i];
            if (s < 0 || s + context > ids.length) {
                throw new IllegalArgumentException("window [" + s + ", " + (s + context) + ") is outside the text of "
                        + ids.length + " characters");
            }
            in[i * context] = CharTokenizer.BOS;
            System.arraycopy(ids, s, in, i * context + 1, context - 1);
            System.arraycopy(ids, s, target, i * context, context);
        }
        return new Tensor[] {Tensor.ofInts(in, b, context), Tensor.ofInts(target, b, context)};
    }

    /** {@code count} window starts spread evenly over the text, first at 0 and last at the end (fixed, no seed). */
    public static int[] evenStarts(int textLength, int count, int context) {
        int last = textLength - context;
        if (last < 0 || count < 1) {
            throw new IllegalArgumentException("cannot take " + count + " windows of " + context + " from " + textLength
                    + " characters");
        }
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = count == 1 ? 0 : (int) ((long) last * i / (count - 1));
        }
        return starts;
    }

    /** Mean next-character cross-entropy (nats/char) of an LM (ids → logits [B, T, V]) over the windows. */
    public static double meanLoss(Module lm, int[] ids, int[] starts, int context, int batch) {
        List<Tensor[]> batches = new ArrayList<>();
        for (int at = 0; at < starts.length; at += batch) {
            batches.add(batch(ids, Arrays.copyOfRange(starts, at, Math.min(starts.length, at + batch)), context));
        }
        return LmTraining.meanLoss(lm, batches);
    }
}
