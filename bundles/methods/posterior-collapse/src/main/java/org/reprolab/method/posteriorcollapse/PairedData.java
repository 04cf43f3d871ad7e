package org.reprolab.method.posteriorcollapse;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * Conditioning input x and target y of a CVAE, [n, d_x] and [n, d_y] (float32), and the synthetic generators:
 * (a) anisotropic pairs y_i ~ N(0, 4·0.7^i), x = ρy + √(1 − ρ²)ξ, whose residual spectrum is known in closed form,
 * and (c) isotropic pairs y ~ N(0, I), x = c·y + √(1 − c²)ξ (c = 0: x independent of y; c = 1: x = y).
 */
record PairedData(Tensor x, Tensor y) {

    int size() {
        return x.size(0);
    }

    /** The variance s_i² = 4·0.7^i of coordinate i of y in (a). */
    static double anisotropicVariance(int i) {
        return 4 * Math.pow(0.7, i);
    }

    /** θ_i = s_i²(1 − ρ²)/(ρ²s_i² + 1 − ρ²): the residual variance of y_i given x in (a). */
    static double anisotropicTheta(int i, double rho) {
        double s2 = anisotropicVariance(i);
        return s2 * (1 - rho * rho) / (rho * rho * s2 + 1 - rho * rho);
    }

    /** Synthetic (a): n pairs of dimension {@code dims}. */
    static PairedData anisotropic(int n, int dims, double rho, Generator gen) {
        if (!(rho >= 0 && rho <= 1)) {
            throw new IllegalArgumentException("ρ must lie in [0, 1], got " + rho);
        }
        double[] sd = new double[dims];
        for (int i = 0; i < dims; i++) {
            sd[i] = Math.sqrt(anisotropicVariance(i));
        }
        Tensor y = gen.randn(n, dims).mul(Tensor.of(sd).to(org.reprolab.tensor.backend.DType.FLOAT32));
        return mix(y, rho, gen);
    }

    /** Synthetic (c): n pairs of dimension {@code dims} with coupling c. */
    static PairedData isotropic(int n, int dims, double coupling, Generator gen) {
        if (!(coupling >= 0 && coupling <= 1)) {
            throw new IllegalArgumentException("the coupling c must lie in [0, 1], got " + coupling);
        }
        return mix(gen.randn(n, dims), coupling, gen);
    }

    private static PairedData mix(Tensor y, double c, Generator gen) {
        Tensor xi = gen.randn(y.shape());
        return new PairedData(y.mul(c).add(xi.mul(Math.sqrt(1 - c * c))), y);
    }

    /** Rows {@code index} of both. */
    PairedData rows(int[] index) {
        Tensor i = Tensor.ofInts(index);
        return new PairedData(x.indexSelect(0, i), y.indexSelect(0, i));
    }
}
