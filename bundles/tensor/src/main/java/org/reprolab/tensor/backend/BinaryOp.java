package org.reprolab.tensor.backend;

/**
 * Elementwise functions of two tensors (broadcast by strides). Comparisons give {@link DType#BOOL}. The
 * {@code *_GRAD} ops are the fused backward passes of activations: {@code (input or output, upstream grad)}.
 */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, ATAN2,
    GT, GE, LT, LE, EQ, NE,
    /** (x, g) ↦ g·[x &gt; 0] */
    RELU_GRAD,
    /** (x, g) ↦ g·gelu'(x) */
    GELU_GRAD,
    /** (x, g) ↦ g·silu'(x) */
    SILU_GRAD,
    /** (x, g) ↦ g·sigmoid(x), the derivative of softplus */
    SOFTPLUS_GRAD,
    /** (y, g) ↦ g·(1 − y²) with y = tanh(x) */
    TANH_GRAD,
    /** (y, g) ↦ g·y·(1 − y) with y = sigmoid(x) */
    SIGMOID_GRAD;

    public boolean isComparison() {
        return ordinal() >= GT.ordinal() && ordinal() <= NE.ordinal();
    }

    /** The reference definition in double precision (comparisons give 0 or 1). */
    public double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case MAXIMUM -> Math.max(a, b);
            case MINIMUM -> Math.min(a, b);
            case ATAN2 -> Math.atan2(a, b);
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            case RELU_GRAD -> a > 0 ? b : 0;
            case GELU_GRAD -> b * (0.5 * (1 + UnaryOp.erf(a / Math.sqrt(2)))
                    + a * Math.exp(-0.5 * a * a) / Math.sqrt(2 * Math.PI));
            case SILU_GRAD -> {
                double s = UnaryOp.sigmoid(a);
                yield b * s * (1 + a * (1 - s));
            }
            case SOFTPLUS_GRAD -> b * UnaryOp.sigmoid(a);
            case TANH_GRAD -> b * (1 - a * a);
            case SIGMOID_GRAD -> b * a * (1 - a);
        };
    }
}
