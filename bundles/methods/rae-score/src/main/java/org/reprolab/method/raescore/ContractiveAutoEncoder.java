package org.reprolab.method.raescore;

import java.util.random.RandomGenerator;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.nn.Init;

/**
 * The reconstruction contractive auto-encoder (Section 3.1): r(x) = W₂ tanh(W₁x + b₁) + b₂ trained on
 * E_x[‖r(x) − x‖² + σ²‖∂r(x)/∂x‖²_F]. The contraction is on the whole reconstruction, not just the encoder; the
 * Jacobian has the closed form J = W₂·diag(1 − tanh²(W₁x + b₁))·W₁, so first-order autograd trains it.
 * Initialised like PyTorch's Linear layers.
 */
final class ContractiveAutoEncoder extends RegularizedAutoEncoder {

    private final Tensor w1;
    private final Tensor b1;
    private final Tensor w2;
    private final Tensor b2;

    ContractiveAutoEncoder(int dim, int hidden, double sigma, Generator init) {
        this(dim, hidden, sigma, init, DType.FLOAT32);
    }

    /** @param dtype FLOAT32 for training, FLOAT64 for checking the closed-form Jacobian against finite differences */
    ContractiveAutoEncoder(int dim, int hidden, double sigma, Generator init, DType dtype) {
        super(dim, sigma, dtype);
        this.w1 = parameter("w1", linearWeight(dtype, hidden, dim, init));
        this.b1 = parameter("b1", Init.uniform(Tensor.zeros(dtype, hidden), -bound(dim), bound(dim), init));
        this.w2 = parameter("w2", linearWeight(dtype, dim, hidden, init));
        this.b2 = parameter("b2", Init.uniform(Tensor.zeros(dtype, dim), -bound(hidden), bound(hidden), init));
    }

    private static Tensor linearWeight(DType dtype, int out, int in, Generator init) {
        return Init.kaimingUniform(Tensor.zeros(dtype, out, in), Math.sqrt(5), Init.Fan.IN, Init.Nonlinearity.LEAKY_RELU, init);
    }

    private static double bound(int in) {
        return 1 / Math.sqrt(in);
    }

    @Override
    public Tensor forward(Tensor x) {
        return hidden(x).matmulTransposed(w2).add(b2);
    }

    private Tensor hidden(Tensor x) {
        return x.matmulTransposed(w1).add(b1).tanh();
    }

    /** The per-point Jacobians ∂r/∂x, [n, d, d], in closed form. */
    Tensor jacobian(Tensor x) {
        return flatJacobian(hidden(x)).reshape(x.size(0), dim(), dim());
    }

    /**
     * J = W₂·diag(1 − h²)·W₁ from the hidden activations h, flattened to [n, d·d]: entry (a, b) is
     * Σ_j (1 − h_j²)·W₂[a, j]·W₁[j, b], one product of the slopes [n, H] with the [d·d, H] table of W₂[a, j]·W₁[j, b].
     */
    private Tensor flatJacobian(Tensor hidden) {
        int d = dim();
        Tensor pairs = w2.unsqueeze(1).mul(w1.t().unsqueeze(0)).reshape(d * d, -1);
        return hidden.square().rsub(1).matmulTransposed(pairs);
    }

    @Override
    Tensor criterion(Tensor clean, RandomGenerator noise) {
        Tensor h = hidden(clean);
        Tensor reconstruction = h.matmulTransposed(w2).add(b2).sub(clean).square().sum(1);
        Tensor contraction = flatJacobian(h).square().sum(1);
        return reconstruction.add(contraction.mul(sigma() * sigma())).mean();
    }
}
