package org.reprolab.method.forestssmoothers;

/**
 * The identities every forest must satisfy as a smoother (spec "Smoke profile"), worst case over all
 * forests of a run: rows of S sum to one, S has no negative entry, S·y reproduces the forest's own
 * predictions, p̂ of the forest is at most the mean p̂ of its trees (Jensen: ‖mean of rows‖² ≤ mean of ‖rows‖²),
 * and bootstrap counts sum to n.
 */
record InvariantChecks(double maxRowSumError, double minSmootherWeight, double maxReproductionError,
                       double maxJensenGap, double maxBootstrapSumError) {

    /** The identity element of {@link #worstOf}. */
    static final InvariantChecks NONE = new InvariantChecks(0, Double.POSITIVE_INFINITY, 0,
            Double.NEGATIVE_INFINITY, 0);

    InvariantChecks worstOf(InvariantChecks other) {
        return new InvariantChecks(Math.max(maxRowSumError, other.maxRowSumError),
                Math.min(minSmootherWeight, other.minSmootherWeight),
                Math.max(maxReproductionError, other.maxReproductionError),
                Math.max(maxJensenGap, other.maxJensenGap),
                Math.max(maxBootstrapSumError, other.maxBootstrapSumError));
    }
}
