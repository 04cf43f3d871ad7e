package org.reprolab.method.pvrnn;

import org.reprolab.tensor.Tensor;

/** Conversions between sequence arrays [n][steps][2] and time-major tensors [steps, n, 2]. */
final class Data {

    private Data() {
    }

    static Tensor timeMajor(double[][][] sequences) {
        int n = sequences.length;
        int steps = sequences[0].length;
        double[] flat = new double[steps * n * PvRnn.OUTPUT];
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < steps; t++) {
                for (int c = 0; c < PvRnn.OUTPUT; c++) {
                    flat[(t * n + s) * PvRnn.OUTPUT + c] = sequences[s][t][c];
                }
            }
        }
        return Tensor.of(flat, steps, n, PvRnn.OUTPUT);
    }
}
