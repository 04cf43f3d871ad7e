package org.reprolab.tensor.nn;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * One GRU step (Cho et al. 2014) with PyTorch's layout and initialisation: weight_ih [3h, in],
 * weight_hh [3h, h], biases [3h], gates in the order (reset, update, new), all U(−1/√h, 1/√h).
 * h' = (1 − z)·n + z·h with n = tanh(W_in x + b_in + r·(W_hn h + b_hn)).
 */
public class GRUCell extends Module {
    private final int inputSize;
    private final int hiddenSize;
    private final Tensor weightIh;
    private final Tensor weightHh;
    private final Tensor biasIh;
    private final Tensor biasHh;

    public GRUCell(int inputSize, int hiddenSize, boolean bias, Generator gen) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        double k = 1 / Math.sqrt(hiddenSize);
        this.weightIh = parameter("weight_ih", Init.uniform(Tensor.zeros(3 * hiddenSize, inputSize), -k, k, gen));
        this.weightHh = parameter("weight_hh", Init.uniform(Tensor.zeros(3 * hiddenSize, hiddenSize), -k, k, gen));
        this.biasIh = bias ? parameter("bias_ih", Init.uniform(Tensor.zeros(3 * hiddenSize), -k, k, gen)) : null;
        this.biasHh = bias ? parameter("bias_hh", Init.uniform(Tensor.zeros(3 * hiddenSize), -k, k, gen)) : null;
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
        return Functional.gruCell(x, state, weightIh, weightHh, biasIh, biasHh);
    }

    public int hiddenSize() {
        return hiddenSize;
    }
}
