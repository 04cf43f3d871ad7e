package org.reprolab.method.attentionrf;

import java.util.List;
import org.reprolab.theory.common.SeedSummary;

/** All learning curves of a run, looked up by model, number of keys, training size and target, over seeds. */
record Curves(List<LearningCurve> all, int[] keys, int[] samples) {

    /** The normalised test MSE over seeds (claims threshold the mean). */
    SeedSummary error(Model model, int keyCount, int n, int target) {
        return SeedSummary.over(of(model, keyCount), c -> c.at(n, target));
    }

    /** The curves of one model and number of keys, one per seed. */
    List<LearningCurve> of(Model model, int keyCount) {
        List<LearningCurve> out = all.stream().filter(c -> c.model() == model && c.keys() == keyCount).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no curve for " + model + " with N = " + keyCount);
        }
        return out;
    }

    int largestN() {
        return samples[samples.length - 1];
    }

    /**
     * The training size the paper's "by n = 1000" statements refer to: the largest n of the grid at most a
     * quarter of the largest (1000 in the full profile), or the smallest n when none is.
     */
    int referenceN() {
        int ref = samples[0];
        for (int n : samples) {
            if (n <= largestN() / 4) {
                ref = n;
            }
        }
        return ref;
    }

    int fewestKeys() {
        return keys[0];
    }

    int mostKeys() {
        return keys[keys.length - 1];
    }
}
