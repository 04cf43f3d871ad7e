package org.reprolab.method.icluq;

import org.reprolab.data.synthetic.LinearRegressionPrompts;

/**
 * One of the three transformers the paper compares: NoPE and PE trained on the standard task, and NoPE-meta
 * trained on prompts whose input scale s ~ U[0.5, 2] varies (meta-training over covariate distributions).
 *
 * @param name       short id used in metrics and plots ("nope", "pe", "nope-meta")
 * @param label      what figures and tables call it
 * @param positions  learned position embeddings; 0 for none (NoPE)
 * @param task       the distribution its training prompts come from
 */
record ModelVariant(String name, String label, int positions, LinearRegressionPrompts task) {
}
