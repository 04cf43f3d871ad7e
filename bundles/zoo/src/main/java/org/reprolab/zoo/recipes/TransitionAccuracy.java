package org.reprolab.zoo.recipes;

import org.reprolab.data.synthetic.TokFsm;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Module;

/**
 * Transition accuracy on the TokFSM task (methods/quantization.md, codebook-features): how often a model's sampled
 * continuation moves along an edge of the automaton. A sequence is BOS followed by states written as
 * {@link TokFsm#digits()} digit tokens; each pair of consecutive states is one transition, and it counts as valid
 * when both chunks are well-formed states (digits only, naming a state below N) and the second is a successor of
 * the first.
 *
 * @param transitions      consecutive state pairs scored
 * @param validTransitions those that are edges between well-formed states
 * @param states           state chunks scored
 * @param wellFormedStates those that are digits naming a state
 */
public record TransitionAccuracy(long transitions, long validTransitions, long states, long wellFormedStates) {

    /** The fraction of transitions that are valid edges (the sanity metric of {@code zoo:tokfsm-lm}). */
    public double accuracy() {
        return transitions == 0 ? Double.NaN : (double) validTransitions / transitions;
    }

    /** The fraction of state chunks that are well-formed states. */
    public double wellFormedFraction() {
        return states == 0 ? Double.NaN : (double) wellFormedStates / states;
    }

    /**
     * Scores token sequences, each BOS followed by whole states ({@code 1 + k·digits} tokens, k ≥ 1).
     *
     * @throws IllegalArgumentException naming the sequence that does not start with BOS or ends in a partial state
     */
    public static TransitionAccuracy score(TokFsm fsm, int[][] sequences) {
        int digits = fsm.digits();
        long transitions = 0;
        long valid = 0;
        long states = 0;
        long wellFormed = 0;
        for (int i = 0; i < sequences.length; i++) {
            int[] seq = sequences[i];
            if (seq.length < 1 + digits || (seq.length - 1) % digits != 0 || seq[0] != TokFsm.BOS) {
                throw new IllegalArgumentException("TokFSM sequence " + i + " of " + seq.length + " tokens: must be BOS"
                        + " (" + TokFsm.BOS + ") followed by whole states of " + digits + " digits");
            }
            int previous = -1;
            for (int at = 1; at < seq.length; at += digits) {
                int state = fsm.state(seq, at);
                states++;
                if (state >= 0) {
                    wellFormed++;
                }
                if (at > 1) {
                    transitions++;
                    if (previous >= 0 && state >= 0 && fsm.isEdge(previous, state)) {
                        valid++;
                    }
                }
                previous = state;
            }
        }
        return new TransitionAccuracy(transitions, valid, states, wellFormed);
    }

    /**
     * The spec's measurement: {@code prompts} prompts of BOS plus one uniform state, each continued by
     * {@code sampledStates} more states sampled token by token from the LM (ids [B, T] → logits [B, T, 11]) at the
     * temperature, over all 11 tokens (a sampled BOS makes a malformed state); then {@link #score}. The model runs
     * in eval mode without gradients (its mode is restored); every draw comes from {@code gen}.
     */
    public static TransitionAccuracy sample(Module lm, TokFsm fsm, int prompts, int sampledStates, double temperature,
                                            Generator gen) {
        return score(fsm, continuations(lm, fsm, prompts, sampledStates, temperature, gen));
    }

    /** The sequences {@link #sample} scores: [prompts][1 + (1 + sampledStates)·digits] tokens. */
    public static int[][] continuations(Module lm, TokFsm fsm, int prompts, int sampledStates, double temperature,
                                        Generator gen) {
        if (prompts < 1 || sampledStates < 1 || !(temperature > 0)) {
            throw new IllegalArgumentException("transition accuracy needs prompts ≥ 1, sampled states ≥ 1 and a"
                    + " temperature > 0, got " + prompts + ", " + sampledStates + ", " + temperature);
        }
        int digits = fsm.digits();
        int promptLength = 1 + digits;
        int length = promptLength + sampledStates * digits;
        int[] starts = gen.randint(0, fsm.states(), prompts).toIntArray();
        int[][] seqs = new int[prompts][];
        for (int i = 0; i < prompts; i++) {
            seqs[i] = new int[length];
            System.arraycopy(fsm.tokens(new int[] {starts[i]}), 0, seqs[i], 0, promptLength);
        }
        boolean training = lm.isTraining();
        lm.eval();
        try (var ignored = Autograd.noGrad()) {
            for (int t = promptLength; t < length; t++) {
                int[] prefix = new int[prompts * t];
                for (int i = 0; i < prompts; i++) {
                    System.arraycopy(seqs[i], 0, prefix, i * t, t);
                }
                Tensor ids = Tensor.ofInts(prefix, prompts, t);
                Tensor last = lm.forward(ids).select(1, t - 1);
                int[] next = gen.categorical(last.div(temperature).softmax(-1)).toIntArray();
                for (int i = 0; i < prompts; i++) {
                    seqs[i][t] = next[i];
                }
            }
        } finally {
            if (training) {
                lm.train();
            }
        }
        return seqs;
    }
}
