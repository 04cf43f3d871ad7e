package org.reprolab.method.raescore;

/**
 * The interpretation the paper refutes: the reconstruction error as an energy, p(x) ∝ exp(−‖r(x) − x‖²/T), so
 * log p(x′) − log p(x) = (‖r(x) − x‖² − ‖r(x′) − x′‖²)/T.
 */
final class ReconstructionEnergy implements LogDensityRatio {

    private final ReconstructionFunction r;
    private final double temperature;

    ReconstructionEnergy(ReconstructionFunction r, double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        this.r = r;
        this.temperature = temperature;
    }

    @Override
    public double[] between(double[] from, double[] to) {
        double[] e0 = energy(from);
        double[] e1 = energy(to);
        double[] out = new double[e0.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (e0[i] - e1[i]) / temperature;
        }
        return out;
    }

    /** ‖r(x) − x‖² per point. */
    double[] energy(double[] points) {
        double[] d = r.displacement(points);
        int dim = r.dim();
        double[] e = new double[d.length / dim];
        for (int i = 0; i < e.length; i++) {
            for (int c = 0; c < dim; c++) {
                e[i] += d[i * dim + c] * d[i * dim + c];
            }
        }
        return e;
    }
}
