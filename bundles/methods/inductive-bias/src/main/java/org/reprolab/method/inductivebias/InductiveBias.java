package org.reprolab.method.inductivebias;

/**
 * The paper's measure: the information, in bits, needed to pick a hypothesis with test error ≤ ε out of a
 * hypothesis space, I(ε) = −log₂ P_{h∼p_H}(error(h) ≤ ε). Every estimate of this bundle passes through here, so
 * natural logs never leak into reported numbers.
 */
final class InductiveBias {

    private InductiveBias() {
    }

    /** I in bits from a natural-log probability. */
    static double bits(double logProbability) {
        return -logProbability * LogSpace.BITS_PER_NAT;
    }

    /** I(ε) of the fitted scaled χ² law. */
    static double fitted(ScaledNoncentralChiSquare law, double epsilon) {
        return bits(law.logCdf(epsilon));
    }

    /** I(ε) of the exact loss law by the saddlepoint method. */
    static double saddlepoint(WeightedChiSquareSum law, double epsilon) {
        return bits(law.logCdf(epsilon));
    }

    /**
     * I(ε) of the empirical frequency of samples with loss ≤ ε, or NaN where it is not meaningful: fewer than two
     * samples below ε (P ≤ 1/S), where −log₂ of the frequency only saturates at log₂ S.
     */
    static double empirical(double[] samples, double epsilon) {
        int below = 0;
        for (double x : samples) {
            if (x <= epsilon) {
                below++;
            }
        }
        return below < 2 ? Double.NaN : -Math.log((double) below / samples.length) * LogSpace.BITS_PER_NAT;
    }
}
