package org.reprolab.method.dltheory;

/**
 * The two activations of the study, one from each universality class the book distinguishes (ch. 5): ReLU, the
 * scale-invariant class (criticality at C_b = 0, C_W = 2, every K is a fixed point), and tanh, the K* = 0 class
 * (criticality at C_b = 0, C_W = 1, kernels flow slowly to 0).
 */
enum Activation {
    RELU("relu", 2.0) {
        @Override
        double apply(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        double derivative(double z) {
            return z > 0 ? 1 : 0;
        }
    },
    TANH("tanh", 1.0) {
        @Override
        double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        double derivative(double z) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }
    };

    private final String label;
    private final double criticalWeightVariance;

    Activation(String label, double criticalWeightVariance) {
        this.label = label;
        this.criticalWeightVariance = criticalWeightVariance;
    }

    abstract double apply(double z);

    abstract double derivative(double z);

    /** The critical C_W at C_b = 0. */
    double criticalWeightVariance() {
        return criticalWeightVariance;
    }

    String label() {
        return label;
    }
}
