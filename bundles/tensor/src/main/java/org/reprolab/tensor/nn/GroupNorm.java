package org.reprolab.tensor.nn;

import org.reprolab.tensor.Shapes;
import org.reprolab.tensor.Tensor;

/** Group normalisation of [N, C, ...] inputs over groups of C/groups channels, with a per-channel affine. */
public class GroupNorm extends Module {
    private final int groups;
    private final int channels;
    private final double eps;
    private final Tensor weight;
    private final Tensor bias;

    public GroupNorm(int groups, int channels, double eps, boolean affine) {
        if (groups < 1 || channels % groups != 0) {
            throw new IllegalArgumentException("GroupNorm: " + channels + " channels do not split into " + groups
                    + " groups");
        }
        this.groups = groups;
        this.channels = channels;
        this.eps = eps;
        this.weight = affine ? parameter("weight", Tensor.ones(channels)) : null;
        this.bias = affine ? parameter("bias", Tensor.zeros(channels)) : null;
    }

    public GroupNorm(int groups, int channels, double eps) {
        this(groups, channels, eps, true);
    }

    public GroupNorm(int groups, int channels) {
        this(groups, channels, 1e-5, true);
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() < 2 || x.size(1) != channels) {
            throw new IllegalArgumentException("GroupNorm(" + groups + ", " + channels + "): input of shape "
                    + Shapes.format(x.shape()) + " needs [N, " + channels + ", ...]");
        }
        return Functional.groupNorm(x, groups, weight, bias, eps);
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }
}
