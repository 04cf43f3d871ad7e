package org.reprolab.method.posteriorcollapse;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.nn.ReLU;
import org.reprolab.tensor.nn.Sequential;

/**
 * The non-linear CVAE: the encoder has one ReLU branch for x and one for y (one hidden layer each), summed into μ
 * and log σ² of z; the decoder has a ReLU branch for z and one for x, summed into the mean of y. The encoder's
 * log-variance is bounded (see {@link Posterior#boundedLogVariance}).
 */
final class ReluCvae extends Module implements Cvae {
    /** |log σ²| ≤ 8: posterior variances between 3·10⁻⁴ and 3·10³. */
    static final double LOG_VARIANCE_BOUND = 8;

    private final int latents;
    private final int dx;
    private final Sequential encoderX;
    private final Sequential encoderY;
    private final Sequential decoderZ;
    private final Sequential decoderX;

    ReluCvae(int dx, int dy, int dz, int width, Generator gen) {
        this.latents = dz;
        this.dx = dx;
        encoderX = child("encoderX", branch(dx, width, 2 * dz, gen));
        encoderY = child("encoderY", branch(dy, width, 2 * dz, gen));
        decoderZ = child("decoderZ", branch(dz, width, dy, gen));
        decoderX = child("decoderX", branch(dx, width, dy, gen));
    }

    static Sequential branch(int in, int width, int out, Generator gen) {
        return new Sequential(new Linear(in, width, gen), new ReLU(), new Linear(width, out, gen));
    }

    @Override
    public Posterior encode(Tensor x, Tensor y) {
        Tensor h = encoderX.forward(x).add(encoderY.forward(y));
        return new Posterior(h.narrow(1, 0, latents), Posterior.boundedLogVariance(h.narrow(1, latents, latents), LOG_VARIANCE_BOUND));
    }

    @Override
    public Tensor decode(Tensor z, Tensor x) {
        return decoderZ.forward(z).add(decoderX.forward(x));
    }

    /** The posterior mean of the concatenated pair [x, y]. */
    @Override
    public Tensor forward(Tensor xy) {
        return encode(xy.narrow(1, 0, dx), xy.narrow(1, dx, xy.size(1) - dx)).mean();
    }
}
