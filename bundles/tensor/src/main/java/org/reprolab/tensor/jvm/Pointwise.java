package org.reprolab.tensor.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.reprolab.tensor.backend.BinaryOp;
import org.reprolab.tensor.backend.UnaryOp;

/**
 * Float32 rows of elementwise ops. The common cheap ops get their own unit-stride loops (which the JIT turns
 * into SIMD); the rest go through the reference definitions in double precision.
 */
final class Pointwise {
    private Pointwise() {
    }

    static void unary(UnaryOp op, float[] x, int xo, int xs, float[] y, int yo, int ys, int n) {
        if (xs == 1 && ys == 1) {
            switch (op) {
                case NEG -> {
                    for (int j = 0; j < n; j++) {
                        y[yo + j] = -x[xo + j];
                    }
                    return;
                }
                case RELU -> {
                    for (int j = 0; j < n; j++) {
                        y[yo + j] = Math.max(x[xo + j], 0f);
                    }
                    return;
                }
                case SQUARE -> {
                    for (int j = 0; j < n; j++) {
                        float v = x[xo + j];
                        y[yo + j] = v * v;
                    }
                    return;
                }
                case ABS -> {
                    for (int j = 0; j < n; j++) {
                        y[yo + j] = Math.abs(x[xo + j]);
                    }
                    return;
                }
                case EXP -> {
                    Activations.exp(x, xo, y, yo, n);
                    return;
                }
                case TANH -> {
                    Activations.tanh(x, xo, y, yo, n);
                    return;
                }
                case GELU -> {
                    Activations.gelu(x, xo, y, yo, n);
                    return;
                }
                case SIGMOID -> {
                    Activations.sigmoid(x, xo, y, yo, n, false);
                    return;
                }
                case SILU -> {
                    Activations.sigmoid(x, xo, y, yo, n, true);
                    return;
                }
                default -> {
                    // falls through to the reference loop
                }
            }
        }
        for (int j = 0; j < n; j++) {
            y[yo + j * ys] = (float) op.apply(x[xo + j * xs]);
        }
    }

    static void binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] y, int yo, int ys,
                       int n) {
        if (as == 1 && ys == 1 && (bs == 1 || bs == 0)) {
            boolean scalar = bs == 0;
            switch (op) {
                case ADD -> {
                    if (scalar) {
                        float c = b[bo];
                        for (int j = 0; j < n; j++) {
                            y[yo + j] = a[ao + j] + c;
                        }
                    } else {
                        for (int j = 0; j < n; j++) {
                            y[yo + j] = a[ao + j] + b[bo + j];
                        }
                    }
                    return;
                }
                case SUB -> {
                    if (scalar) {
                        float c = b[bo];
                        for (int j = 0; j < n; j++) {
                            y[yo + j] = a[ao + j] - c;
                        }
                    } else {
                        for (int j = 0; j < n; j++) {
                            y[yo + j] = a[ao + j] - b[bo + j];
                        }
                    }
                    return;
                }
                case MUL -> {
                    if (scalar) {
                        float c = b[bo];
                        for (int j = 0; j < n; j++) {
                            y[yo + j] = a[ao + j] * c;
                        }
                    } else {
                        for (int j = 0; j < n; j++) {
                            y[yo + j] = a[ao + j] * b[bo + j];
                        }
                    }
                    return;
                }
                case DIV -> {
                    if (scalar) {
                        float c = b[bo];
                        for (int j = 0; j < n; j++) {
                            y[yo + j] = a[ao + j] / c;
                        }
                    } else {
                        for (int j = 0; j < n; j++) {
                            y[yo + j] = a[ao + j] / b[bo + j];
                        }
                    }
                    return;
                }
                case RELU_GRAD -> {
                    if (!scalar) {
                        reluGrad(a, ao, b, bo, y, yo, n);
                        return;
                    }
                }
                case GELU_GRAD -> {
                    if (!scalar) {
                        Activations.geluGrad(a, ao, b, bo, y, yo, n);
                        return;
                    }
                }
                case TANH_GRAD -> {
                    if (!scalar) {
                        for (int j = 0; j < n; j++) {
                            float t = a[ao + j];
                            y[yo + j] = b[bo + j] * (1f - t * t);
                        }
                        return;
                    }
                }
                case SIGMOID_GRAD -> {
                    if (!scalar) {
                        for (int j = 0; j < n; j++) {
                            float t = a[ao + j];
                            y[yo + j] = b[bo + j] * t * (1f - t);
                        }
                        return;
                    }
                }
                case MAXIMUM, MINIMUM -> {
                    boolean max = op == BinaryOp.MAXIMUM;
                    for (int j = 0; j < n; j++) {
                        float u = a[ao + j];
                        float v = b[bo + j * bs];
                        // NaN propagates, as in the reference (Math.max/min)
                        y[yo + j] = max ? Math.max(u, v) : Math.min(u, v);
                    }
                    return;
                }
                default -> {
                    // falls through to the reference loop
                }
            }
        }
        for (int j = 0; j < n; j++) {
            y[yo + j * ys] = (float) op.apply(a[ao + j * as], b[bo + j * bs]);
        }
    }

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /**
     * y = a > 0 ? g : 0 as a masked select: written as a scalar conditional, the JIT emits a branch that
     * mispredicts on about half of a ReLU's inputs, which made this the costliest step of a CNN's backward pass.
     */
    private static void reluGrad(float[] a, int ao, float[] g, int go, float[] y, int yo, int n) {
        int j = 0;
        for (int bound = SPECIES.loopBound(n); j < bound; j += SPECIES.length()) {
            VectorMask<Float> off = FloatVector.fromArray(SPECIES, a, ao + j).compare(VectorOperators.GT, 0f).not();
            FloatVector.fromArray(SPECIES, g, go + j).blend(0f, off).intoArray(y, yo + j);
        }
        for (; j < n; j++) {
            y[yo + j] = a[ao + j] > 0 ? g[go + j] : 0f;
        }
    }
}
