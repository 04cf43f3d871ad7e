package org.reprolab.tensor.nn;

import java.util.Arrays;
import org.reprolab.tensor.Shapes;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;

/** Loss functions with PyTorch's formulas. Each returns a 0-d tensor, averaged as documented per loss. */
public final class Losses {
    private Losses() {
    }

    /** Cross-entropy of logits [N, C] (or [N, C, d…]) against INT32 classes [N] (or [N, d…]), mean over all. */
    public static Tensor crossEntropy(Tensor logits, Tensor targets) {
        return crossEntropy(logits, targets, 0);
    }

    /**
     * Cross-entropy with label smoothing ε (Szegedy et al. 2016): the target distribution is (1 − ε)·onehot +
     * ε/C, so loss = (1 − ε)·(−log p_y) + ε·mean_c(−log p_c). Mean over all positions.
     */
    public static Tensor crossEntropy(Tensor logits, Tensor targets, double labelSmoothing) {
        return perPosition(logits, targets, labelSmoothing).mean();
    }

    /**
     * Cross-entropy that skips positions whose target is {@code ignoreIndex} (e.g. padding): the mean over the
     * remaining positions (NaN when none remain, as PyTorch).
     */
    public static Tensor crossEntropy(Tensor logits, Tensor targets, double labelSmoothing, int ignoreIndex) {
        Tensor valid = targets.ne(Tensor.ofInts(new int[] {ignoreIndex}).to(targets.backend()));
        Tensor safeTargets = targets.where(valid, Tensor.ofInts(new int[] {0}).to(targets.backend()));
        Tensor loss = perPosition(logits, safeTargets, labelSmoothing);
        Tensor weight = valid.reshape(-1).to(loss.dtype());
        return loss.mul(weight).sum().div(weight.sum());
    }

    /** The per-position loss, flattened to [positions]. */
    private static Tensor perPosition(Tensor logits, Tensor targets, double labelSmoothing) {
        if (targets.dtype() != DType.INT32) {
            throw new IllegalArgumentException("crossEntropy: targets must be INT32 class indices, got "
                    + targets.dtype() + " of shape " + Shapes.format(targets.shape()));
        }
        int[] ls = logits.shape();
        int[] expected = ls.length >= 2 ? removeDim1(ls) : new int[] {-1};
        if (ls.length < 2 || !Arrays.equals(expected, targets.shape())) {
            throw new IllegalArgumentException("crossEntropy: logits of shape " + Shapes.format(ls)
                    + " and targets of shape " + Shapes.format(targets.shape())
                    + " do not fit [N, C, d…] and [N, d…]");
        }
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("crossEntropy: label smoothing " + labelSmoothing
                    + " is outside [0, 1]");
        }
        int c = ls[1];
        Tensor rows = ls.length == 2 ? logits : logits.permute(classesLast(ls.length)).reshape(-1, c);
        Tensor logp = rows.logSoftmax(1);
        Tensor nll = logp.gather(1, targets.reshape(-1, 1)).reshape(-1).neg();
        if (labelSmoothing == 0) {
            return nll;
        }
        Tensor smooth = logp.mean(1).neg();
        return nll.mul(1 - labelSmoothing).add(smooth.mul(labelSmoothing));
    }

    /** The permutation [0, 2, …, r−1, 1] that moves the class dimension last. */
    private static int[] classesLast(int rank) {
        int[] dims = new int[rank];
        for (int i = 0; i < rank - 2; i++) {
            dims[i + 1] = i + 2;
        }
        dims[rank - 1] = 1;
        return dims;
    }

    private static int[] removeDim1(int[] s) {
        int[] out = new int[s.length - 1];
        out[0] = s[0];
        System.arraycopy(s, 2, out, 1, s.length - 2);
        return out;
    }

    /** Negative log-likelihood of log-probabilities [N, C] at INT32 targets [N], mean over N. */
    public static Tensor nll(Tensor logProbs, Tensor targets) {
        if (targets.dtype() != DType.INT32 || logProbs.rank() != 2 || targets.rank() != 1
                || targets.size(0) != logProbs.size(0)) {
            throw new IllegalArgumentException("nll: log-probabilities of shape " + Shapes.format(logProbs.shape())
                    + " and targets of shape " + Shapes.format(targets.shape()) + " (" + targets.dtype()
                    + ") do not fit [N, C] and INT32 [N]");
        }
        return logProbs.gather(1, targets.unsqueeze(1)).mean().neg();
    }

    /** Mean squared error over all elements; prediction and target must have the same shape. */
    public static Tensor mse(Tensor prediction, Tensor target) {
        sameShape("mse", prediction, target);
        return prediction.sub(target).square().mean();
    }

    /** Mean absolute error over all elements. */
    public static Tensor l1(Tensor prediction, Tensor target) {
        sameShape("l1", prediction, target);
        return prediction.sub(target).abs().mean();
    }

    /**
     * Binary cross-entropy on logits, mean over all elements, in the stable form
     * max(x, 0) − x·y + log(1 + e^(−|x|)); targets are probabilities in [0, 1].
     */
    public static Tensor bceWithLogits(Tensor logits, Tensor targets) {
        sameShape("bceWithLogits", logits, targets);
        return logits.relu().sub(logits.mul(targets)).add(logits.abs().neg().exp().log1p()).mean();
    }

    /**
     * Gaussian negative log-likelihood without the constant (PyTorch's {@code gaussian_nll_loss}, full=false):
     * mean of ½·(log v + (mean − target)²/v) with v = max(var, eps), where the clamp does not stop the
     * gradient (as PyTorch, which clamps in place under no_grad). var broadcasts against mean (e.g. [N, 1]).
     */
    public static Tensor gaussianNll(Tensor mean, Tensor var, Tensor target, double eps) {
        sameShape("gaussianNll", mean, target);
        int[] ms = mean.shape();
        // as PyTorch: a var without the last dimension is one variance per row
        Tensor var2 = var.rank() == mean.rank() - 1 && Arrays.equals(var.shape(), Arrays.copyOf(ms, ms.length - 1))
                ? var.unsqueeze(-1) : var;
        int[] broadcast = Shapes.broadcast("gaussianNll (var vs mean)", var2.shape(), ms);
        if (!Arrays.equals(broadcast, ms)) {
            throw new IllegalArgumentException("gaussianNll: var of shape " + Shapes.format(var.shape())
                    + " does not fit mean of shape " + Shapes.format(ms));
        }
        Tensor clamped = var2.detach().clamp(eps, Double.POSITIVE_INFINITY);
        Tensor v = var2.add(clamped.sub(var2.detach()));
        return v.log().add(mean.sub(target).square().div(v)).mul(0.5).mean();
    }

    public static Tensor gaussianNll(Tensor mean, Tensor var, Tensor target) {
        return gaussianNll(mean, var, target, 1e-6);
    }

    /**
     * KL(N(mu1, e^logvar1) ‖ N(mu2, e^logvar2)) for diagonal Gaussians: summed over the last dimension (the
     * latent dimensions) and averaged over all leading ones (the batch), as in VAE code.
     */
    public static Tensor klDiagonalGaussians(Tensor mu1, Tensor logvar1, Tensor mu2, Tensor logvar2) {
        sameShape("klDiagonalGaussians", mu1, logvar1);
        sameShape("klDiagonalGaussians", mu1, mu2);
        sameShape("klDiagonalGaussians", mu1, logvar2);
        Tensor perDim = logvar2.sub(logvar1).add(logvar1.exp().add(mu1.sub(mu2).square()).div(logvar2.exp())).sub(1)
                .mul(0.5);
        return perBatchMean(perDim);
    }

    /**
     * KL(N(mu, e^logvar) ‖ N(0, I)) = −½·Σ(1 + logvar − mu² − e^logvar) (Kingma &amp; Welling 2014, app. B):
     * summed over the last dimension and averaged over all leading ones.
     */
    public static Tensor klStandardNormal(Tensor mu, Tensor logvar) {
        sameShape("klStandardNormal", mu, logvar);
        Tensor perDim = logvar.add(1).sub(mu.square()).sub(logvar.exp()).mul(-0.5);
        return perBatchMean(perDim);
    }

    private static Tensor perBatchMean(Tensor perDim) {
        return perDim.rank() == 0 ? perDim : perDim.sum(-1).mean();
    }

    private static void sameShape(String loss, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(loss + ": shapes " + Shapes.format(a.shape()) + " and "
                    + Shapes.format(b.shape()) + " differ");
        }
    }
}
