package org.reprolab.method.posteriorcollapse;

import org.ejml.data.DMatrixRMaj;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.Module;

/**
 * The linear CVAE of the analysis: q(z | x, y) = N(W₁x + W₂y, Σ) with a learnable diagonal Σ (one log-variance per
 * latent, the same for every example), p(y | z, x) = N(U₁z + U₂x, η_dec²I). No biases: the data are centred.
 */
final class LinearCvae extends Module implements Cvae {
    private final Linear encoderX;
    private final Linear encoderY;
    private final Tensor logVariance;
    private final Linear decoderZ;
    private final Linear decoderX;

    LinearCvae(int dx, int dy, int dz, Generator gen) {
        encoderX = child("encoderX", new Linear(dx, dz, false, gen));
        encoderY = child("encoderY", new Linear(dy, dz, false, gen));
        logVariance = parameter("logVariance", Tensor.zeros(dz));
        decoderZ = child("decoderZ", new Linear(dz, dy, false, gen));
        decoderX = child("decoderX", new Linear(dx, dy, false, gen));
    }

    @Override
    public Posterior encode(Tensor x, Tensor y) {
        return new Posterior(encoderX.forward(x).add(encoderY.forward(y)), logVariance);
    }

    @Override
    public Tensor decode(Tensor z, Tensor x) {
        return decoderZ.forward(z).add(decoderX.forward(x));
    }

    /** The posterior mean of the concatenated pair [x, y]. */
    @Override
    public Tensor forward(Tensor xy) {
        int dx = encoderX.inFeatures();
        return encode(xy.narrow(1, 0, dx), xy.narrow(1, dx, xy.size(1) - dx)).mean();
    }

    /** U₁, the decoder's map from z to y, [d_y, d_z]. */
    Tensor decoderWeight() {
        return decoderZ.weight();
    }

    /**
     * Sets the parameters to the closed-form optimum of {@code theory} for data whose regression of y on x is
     * {@code b} (E[y | x] = Bx): W₂ = diag(w)Pᵀ, W₁ = −W₂B, U₁ = P diag(ω), U₂ = B, Σ = diag(σ²).
     */
    void setOptimum(CvaeTheory theory, DMatrixRMaj b) {
        int dz = logVariance.size(0);
        int dy = decoderZ.outFeatures();
        int dx = decoderX.inFeatures();
        double[] w2 = new double[dz * dy];
        double[] u1 = new double[dy * dz];
        double[] logVar = new double[dz];
        for (int k = 0; k < dz; k++) {
            logVar[k] = Math.log(theory.posteriorVariance(k));
            for (int i = 0; i < dy; i++) {
                double p = k < dy ? theory.basis().get(i, k) : 0;
                w2[k * dy + i] = theory.encoderGain(k) * p;
                u1[i * dz + k] = theory.omega(k) * p;
            }
        }
        double[] w1 = new double[dz * dx];
        for (int k = 0; k < dz; k++) {
            for (int j = 0; j < dx; j++) {
                double s = 0;
                for (int i = 0; i < dy; i++) {
                    s += w2[k * dy + i] * b.get(i, j);
                }
                w1[k * dx + j] = -s;
            }
        }
        try (var g = Autograd.noGrad()) {
            encoderY.weight().copyFrom(Tensor.of(w2, dz, dy).to(encoderY.weight().dtype()));
            encoderX.weight().copyFrom(Tensor.of(w1, dz, dx).to(encoderX.weight().dtype()));
            decoderZ.weight().copyFrom(Tensor.of(u1, dy, dz).to(decoderZ.weight().dtype()));
            decoderX.weight().copyFrom(Tensor.of(b.getData().clone(), dy, dx).to(decoderX.weight().dtype()));
            logVariance.copyFrom(Tensor.of(logVar).to(logVariance.dtype()));
        }
    }
}
