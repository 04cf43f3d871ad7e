package org.reprolab.tensor.nn;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * One GRU step (Cho et al. 2014) with PyTorch's layout and initialisation: weight_ih [3h, in],
 * weight_hh [3h, h], biases [3h], gates in the order (reset, update, new), all U(−1/√h, 1/√h).
 * h' = (1 − z)·n + z·h with n = tanh(W_in x + b_in + r·(W_hn h + b_hn)).
 */
public class GRUCell extends Module {
    /** The gates stacked in each weight: reset, update, new. */
    private static final int GATES = 3;

    private final int inputSize;
    private final int hiddenSize;
    private final RecurrentWeights weights;

    public GRUCell(int inputSize, int hiddenSize, boolean bias, Generator gen) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.weights = RecurrentWeights.register(this, GATES, inputSize, hiddenSize, bias, gen);
    }

    public GRUCell(int inputSize, int hiddenSize, Generator gen) {
        this(inputSize, hiddenSize, true, gen);
    }

    /** One step from a zero hidden state. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null);
    }

    /** x [B, in] (or [in]), h [B, hidden] or null for zeros → h' [B, hidden]. */
    public Tensor forward(Tensor x, Tensor h) {
        Tensor state = h != null ? h : RecurrentShapes.zeroState(x, hiddenSize);
        RecurrentShapes.check("GRUCell", x, inputSize, hiddenSize, state);
        return Functional.gruCell(x, state, weights.weightIh(), weights.weightHh(), weights.biasIh(),
                weights.biasHh());
    }

    public int hiddenSize() {
        return hiddenSize;
    }
}
