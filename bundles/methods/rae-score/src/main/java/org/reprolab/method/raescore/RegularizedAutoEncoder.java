package org.reprolab.method.raescore;

import java.util.random.RandomGenerator;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.nn.Module;

/**
 * A regularised auto-encoder r: ℝ^d → ℝ^d with its training criterion at noise level σ. Both criteria the paper
 * analyses (denoising and reconstruction contractive) have the optimum r(x) = x + σ²∂log p/∂x + o(σ²).
 */
abstract class RegularizedAutoEncoder extends Module implements ReconstructionFunction {

    private final int dim;
    private final double sigma;
    private final DType dtype;

    /** @param dtype the floating-point type of the parameters and of the points fed in */
    RegularizedAutoEncoder(int dim, double sigma, DType dtype) {
        if (dim < 1 || !(sigma > 0)) {
            throw new IllegalArgumentException("auto-encoder needs dim ≥ 1 and σ > 0, got dim " + dim + ", σ " + sigma);
        }
        this.dim = dim;
        this.sigma = sigma;
        this.dtype = dtype;
    }

    /** Points (n × d, row-major) as a tensor of the model's floating-point type. */
    final Tensor points(double[] points) {
        return Tensor.of(points, points.length / dim, dim).to(dtype);
    }

    /** The noise level σ of the criterion. */
    final double sigma() {
        return sigma;
    }

    @Override
    public final int dim() {
        return dim;
    }

    /**
     * The criterion's batch mean on clean data points.
     *
     * @param clean a batch [n, d] of data points
     * @param noise the source of any corruption the criterion draws
     */
    abstract Tensor criterion(Tensor clean, RandomGenerator noise);

    @Override
    public final double[] displacement(double[] points) {
        double[] r;
        try (var ignored = Autograd.noGrad()) {
            r = forward(points(points)).toDoubleArray();
        }
        for (int i = 0; i < r.length; i++) {
            r[i] -= points[i];
        }
        return r;
    }

    /** n × d Gaussian noise of standard deviation σ as a tensor. */
    final Tensor gaussianNoise(int n, RandomGenerator rng) {
        double[] e = new double[n * dim];
        for (int i = 0; i < e.length; i++) {
            e[i] = sigma * rng.nextGaussian();
        }
        return points(e);
    }
}
