package org.reprolab.autoencoders.common;

/**
 * Which latent dimensions are active: a dimension is active when its data-averaged KL from the prior exceeds a
 * threshold (the family's convention, after Burda et al.'s activity statistic: 0.01 nats); a collapsed dimension's
 * posterior equals the prior, so its KL is 0.
 */
public final class ActiveUnits {
    /** The family's threshold, in nats. */
    public static final double THRESHOLD_NATS = 0.01;

    private ActiveUnits() {
    }

    /** The number of dimensions whose KL (nats) exceeds {@link #THRESHOLD_NATS}. */
    public static int count(double[] klPerDimension) {
        return count(klPerDimension, THRESHOLD_NATS);
    }

    /** The number of dimensions whose KL exceeds {@code threshold}. */
    public static int count(double[] klPerDimension, double threshold) {
        int n = 0;
        for (double kl : klPerDimension) {
            if (kl > threshold) {
                n++;
            }
        }
        return n;
    }

    /** Per dimension: whether it is active. */
    public static boolean[] mask(double[] klPerDimension) {
        boolean[] active = new boolean[klPerDimension.length];
        for (int j = 0; j < active.length; j++) {
            active[j] = klPerDimension[j] > THRESHOLD_NATS;
        }
        return active;
    }
}
