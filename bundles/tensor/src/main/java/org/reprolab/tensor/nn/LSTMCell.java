package org.reprolab.tensor.nn;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * One LSTM step (Hochreiter &amp; Schmidhuber 1997) with PyTorch's layout and initialisation: weight_ih
 * [4h, in], weight_hh [4h, h], biases [4h], gates in the order (input, forget, cell, output), all
 * U(−1/√h, 1/√h). c' = f·c + i·g, h' = o·tanh(c').
 */
public class LSTMCell extends Module {
    /** The gates stacked in each weight: input, forget, cell, output. */
    private static final int GATES = 4;

    private final int inputSize;
    private final int hiddenSize;
    private final RecurrentWeights weights;

    /** The recurrent state (h, c), each [B, hidden]. */
    public record State(Tensor h, Tensor c) {
    }

    public LSTMCell(int inputSize, int hiddenSize, boolean bias, Generator gen) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.weights = RecurrentWeights.register(this, GATES, inputSize, hiddenSize, bias, gen);
    }

    public LSTMCell(int inputSize, int hiddenSize, Generator gen) {
        this(inputSize, hiddenSize, true, gen);
    }

    /** The hidden output h' of one step from the zero state (use {@link #forward(Tensor, State)} to carry c). */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null).h();
    }

    /** x [B, in] (or [in]) and the state (null for zeros) → the next state. */
    public State forward(Tensor x, State state) {
        Tensor h = state != null ? state.h() : RecurrentShapes.zeroState(x, hiddenSize);
        Tensor c = state != null ? state.c() : RecurrentShapes.zeroState(x, hiddenSize);
        RecurrentShapes.check("LSTMCell", x, inputSize, hiddenSize, h, c);
        Tensor[] next = Functional.lstmCell(x, h, c, weights.weightIh(), weights.weightHh(), weights.biasIh(),
                weights.biasHh());
        return new State(next[0], next[1]);
    }

    public int hiddenSize() {
        return hiddenSize;
    }
}
