package org.reprolab.tensor.nn;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * A recurrent cell's parameters in PyTorch's layout: weight_ih [gates·h, in], weight_hh [gates·h, h] and, when
 * the cell has biases, bias_ih and bias_hh [gates·h]; the gates are stacked along dimension 0 in the cell's
 * own order. Biases are null for a cell built without them.
 */
record RecurrentWeights(Tensor weightIh, Tensor weightHh, Tensor biasIh, Tensor biasHh) {

    /**
     * Registers the parameters on the cell under PyTorch's names, in PyTorch's order, all drawn from
     * U(−1/√h, 1/√h) as PyTorch initialises every recurrent cell.
     */
    static RecurrentWeights register(Module cell, int gates, int inputSize, int hiddenSize, boolean bias,
                                     Generator gen) {
        double k = 1 / Math.sqrt(hiddenSize);
        int rows = gates * hiddenSize;
        Tensor weightIh = cell.parameter("weight_ih", Init.uniform(Tensor.zeros(rows, inputSize), -k, k, gen));
        Tensor weightHh = cell.parameter("weight_hh", Init.uniform(Tensor.zeros(rows, hiddenSize), -k, k, gen));
        Tensor biasIh = bias ? cell.parameter("bias_ih", Init.uniform(Tensor.zeros(rows), -k, k, gen)) : null;
        Tensor biasHh = bias ? cell.parameter("bias_hh", Init.uniform(Tensor.zeros(rows), -k, k, gen)) : null;
        return new RecurrentWeights(weightIh, weightHh, biasIh, biasHh);
    }
}
