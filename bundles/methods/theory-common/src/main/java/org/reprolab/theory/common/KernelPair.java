package org.reprolab.theory.common;

/**
 * The kernel blocks a kernel ridge fit needs: {@code train[i][j] = k(xᵢ, xⱼ)} over training inputs and
 * {@code testTrain[t][j] = k(x_t, xⱼ)} from test to training inputs.
 */
public record KernelPair(double[][] train, double[][] testTrain) {
}
