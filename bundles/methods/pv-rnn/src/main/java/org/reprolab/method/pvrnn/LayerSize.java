package org.reprolab.method.pvrnn;

/**
 * The size of one MTRNN layer: deterministic units d, stochastic units z and time constant τ.
 */
record LayerSize(int d, int z, double tau) {

    LayerSize {
        if (d < 1 || z < 1) {
            throw new IllegalArgumentException("an MTRNN layer needs d ≥ 1 and z ≥ 1, got d = " + d + ", z = " + z);
        }
        if (tau < 1) {
            throw new IllegalArgumentException("time constant τ must be ≥ 1, got " + tau);
        }
    }
}
