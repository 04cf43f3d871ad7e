package org.reprolab.tensor.nn;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * One LSTM step (Hochreiter &amp; Schmidhuber 1997) with PyTorch's layout and initialisation: weight_ih
 * [4h, in], weight_hh [4h, h], biases [4h], gates in the order (input, forget, cell, output), all
 * U(−1/√h, 1/√h). c' = f·c + i·g, h' = o·tanh(c').
 */
public class LSTMCell extends Module {
    private final int inputSize;
    private final int hiddenSize;
    private final Tensor weightIh;
    private final Tensor weightHh;
    private final Tensor biasIh;
    private final Tensor biasHh;

    /** The recurrent state (h, c), each [B, hidden]. */
    public record State(Tensor h, Tensor c) {
    }

    public LSTMCell(int inputSize, int hiddenSize, boolean bias, Generator gen) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        double k = 1 / Math.sqrt(hiddenSize);
        this.weightIh = parameter("weight_ih", Init.uniform(Tensor.zeros(4 * hiddenSize, inputSize), -k, k, gen));
        this.weightHh = parameter("weight_hh", Init.uniform(Tensor.zeros(4 * hiddenSize, hiddenSize), -k, k, gen));
        this.biasIh = bias ? parameter("bias_ih", Init.uniform(Tensor.zeros(4 * hiddenSize), -k, k, gen)) : null;
        this.biasHh = bias ? parameter("bias_hh", Init.uniform(Tensor.zeros(4 * hiddenSize), -k, k, gen)) : null;
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
        Tensor[] next = Functional.lstmCell(x, h, c, weightIh, weightHh, biasIh, biasHh);
        return new State(next[0], next[1]);
    }

    public int hiddenSize() {
        return hiddenSize;
    }
}
