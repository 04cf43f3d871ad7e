package org.reprolab.method.pvrnn;

import java.util.List;
import java.util.Locale;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Result;

/** The specification's six claims, with its thresholds, checked on one run's findings. */
final class PaperClaims {

    private final List<MetaPriorStudy.Findings> byW;
    private final VrnnStudy.Findings vrnn;
    private final double repeatLast;
    private final MetaPriorStudy.Findings best;

    PaperClaims(List<MetaPriorStudy.Findings> byW, VrnnStudy.Findings vrnn, double repeatLast) {
        this.byW = byW;
        this.vrnn = vrnn;
        this.repeatLast = repeatLast;
        MetaPriorStudy.Findings b = byW.get(0);
        for (MetaPriorStudy.Findings f : byW) {
            if (f.erMse() < b.erMse()) {
                b = f;
            }
        }
        this.best = b;
    }

    /** The best-generalising meta-prior: lowest error-regression test MSE. */
    MetaPriorStudy.Findings best() {
        return best;
    }

    void report(Result.Builder out) {
        out.claim(stochasticity());
        out.claim(chaos());
        out.claim(intermediateIsBest());
        out.claim(structure());
        out.claim(errorRegressionWins());
        out.claim(vectorsCarryInformation());
    }

    private MetaPriorStudy.Findings lowest() {
        return byW.get(0);
    }

    private MetaPriorStudy.Findings highest() {
        return byW.get(byW.size() - 1);
    }

    ClaimCheck stochasticity() {
        boolean decreasing = true;
        StringBuilder values = new StringBuilder("σ_p(bottom) =");
        for (int i = 0; i < byW.size(); i++) {
            values.append(' ').append(fmt(byW.get(i).sigmaP()[0]));
            if (i > 0 && !(byW.get(i).sigmaP()[0] < byW.get(i - 1).sigmaP()[0])) {
                decreasing = false;
            }
        }
        double ratio = highest().sigmaP()[0] / lowest().sigmaP()[0];
        return new ClaimCheck("1-meta-prior-controls-stochasticity",
                "The time-averaged prior σ_p of the bottom layer strictly decreases as w rises, and at the highest w is ≤ 0.3 × its value at the lowest w",
                "strictly decreasing, ratio ≤ 0.3", values + " (w ascending); ratio " + fmt(ratio), decreasing && ratio <= 0.3);
    }

    ClaimCheck chaos() {
        MetaPriorStudy.Findings high = highest();
        int present = 0;
        StringBuilder shares = new StringBuilder();
        for (int p = 0; p < MotionPrimitives.COUNT; p++) {
            present += high.meanPriorShares()[p] >= 0.1 ? 1 : 0;
            shares.append(p == 0 ? "" : ", ").append(MotionPrimitives.NAMES[p]).append(' ').append(fmt(high.meanPriorShares()[p]));
        }
        boolean held = present >= 2 && high.twinSeparated() >= 0.5 && high.twinRate() > 0;
        return new ClaimCheck("2-high-meta-prior-deterministic-chaos",
                "At the highest w, mean-prior generation (only z₁ drawn, then z = μ_p) yields ≥ 2 primitives each in ≥ 10 % of blocks, "
                        + "and twin trajectories started 1e-6 apart in the top layer separate to > 0.1 (in at least half of the pairs) "
                        + "with a positive divergence rate",
                "≥ 2 primitives with share ≥ 0.1; separated share ≥ 0.5; rate > 0",
                "block shares " + shares + "; separated share " + fmt(high.twinSeparated()) + "; rate " + fmt(high.twinRate()) + " per step",
                held);
    }

    ClaimCheck intermediateIsBest() {
        int index = byW.indexOf(best);
        boolean middle = index > 0 && index < byW.size() - 1;
        double ratio = best.erMse() / Math.min(lowest().erMse(), highest().erMse());
        StringBuilder errors = new StringBuilder("ER MSE =");
        for (MetaPriorStudy.Findings f : byW) {
            errors.append(' ').append(fmt(f.erMse()));
        }
        return new ClaimCheck("3-intermediate-meta-prior-generalises-best",
                "The w with the lowest error-regression test error is an intermediate one, and its error is ≤ 0.9 × the error at both extremes",
                "best w intermediate, ratio to the better extreme ≤ 0.9",
                errors + " (w ascending); best w = " + fmt(best.w()) + ", ratio " + fmt(ratio), middle && ratio <= 0.9);
    }

    ClaimCheck structure() {
        ClaimCheck c = ClaimCheck.atMost("4-transition-structure-captured",
                "For the best-generalising w, the transition matrix estimated from free generation is within mean row total variation 0.2 of P",
                best.freeTv(), 0.2);
        return new ClaimCheck(c.id(), c.statement(), c.expected(), c.measured() + " (w = " + fmt(best.w()) + ")", c.held());
    }

    ClaimCheck errorRegressionWins() {
        double ratio = best.erMse() / vrnn.predictionMse();
        boolean held = ratio <= 0.95 && best.erMse() < repeatLast && vrnn.predictionMse() < repeatLast;
        return new ClaimCheck("5-error-regression-beats-amortised-inference",
                "PV-RNN + error regression (best w) has test MSE ≤ 0.95 × the VRNN's, and both beat the repeat-last-primitive predictor",
                "ratio ≤ 0.95, both < repeat-last",
                "PV-RNN " + fmt(best.erMse()) + ", VRNN " + fmt(vrnn.predictionMse()) + ", repeat-last " + fmt(repeatLast) + "; ratio " + fmt(ratio),
                held);
    }

    ClaimCheck vectorsCarryInformation() {
        double ratio = best.posteriorMse() / best.alignedFreeMse();
        ClaimCheck c = ClaimCheck.atMost("6-adaptive-vectors-carry-the-information",
                "At the best w, posterior reconstruction MSE on the training sequences is ≤ 0.5 × the MSE of free generation from the same initial state",
                ratio, 0.5);
        return new ClaimCheck(c.id(), c.statement(), c.expected(), c.measured() + " (posterior " + fmt(best.posteriorMse())
                + ", free " + fmt(best.alignedFreeMse()) + ")", c.held());
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
