package org.reprolab.method.icluq;

/**
 * How each transformer is trained (spec "Training"): AdamW with linear warm-up then cosine decay to
 * {@code minLr}, decoupled weight decay on weight matrices, global-norm gradient clipping (0 = none), a fresh
 * batch of prompts every step.
 */
record TrainingSettings(int steps, int batch, double lr, int warmup, double minLr, double weightDecay, double clip) {

    TrainingSettings {
        if (steps < 1 || batch < 1 || !(lr > 0) || warmup < 0 || warmup >= steps || minLr < 0 || weightDecay < 0
                || clip < 0) {
            throw new IllegalArgumentException("training settings " + this + ": need steps ≥ 1, batch ≥ 1, lr > 0,"
                    + " 0 ≤ warmup < steps, minLr ≥ 0, weight decay ≥ 0, clip ≥ 0");
        }
    }
}
