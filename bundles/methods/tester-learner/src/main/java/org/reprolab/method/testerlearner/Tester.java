package org.reprolab.method.testerlearner;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.method.testerlearner.TestReport.Check;

/**
 * The paper's tester, run on the labelled sample and the learner's output w (never on w*). It certifies exactly what
 * the analysis of an approximate stationary point of L_σ needs (spec "Tester"), with the specification's tolerances:
 * <ul>
 *   <li>T1 (label-oblivious) global second moments: ‖Σ̂ − I‖_op ≤ 0.1;</li>
 *   <li>T2 fourth moment along w: |Ê⟨w, x⟩⁴ − 3| ≤ 0.3;</li>
 *   <li>T3 band masses for s ∈ {0.05, 0.1, 0.2, 0.4}: |P̂(|⟨w, x⟩| ≤ s) − p_s| ≤ 0.2·p_s + 3√(p_s(1 − p_s)/n),
 *       p_s = erf(s/√2);</li>
 *   <li>T4 band-conditional isotropy: in each band the covariance of the w⊥-projection is within
 *       0.25 + 4√(d/n_band) of the identity on w⊥ in operator norm;</li>
 *   <li>T5 (uses the labels) stationarity: ‖∇_tangent L_σ(w)‖ ≤ 0.05 on the whole sample.</li>
 * </ul>
 * Acceptance means all pass; the certificate is then "error ≤ opt + 0.02".
 */
final class Tester {

    static final double SECOND_MOMENT_TOLERANCE = 0.1;
    static final double FOURTH_MOMENT_TOLERANCE = 0.3;
    static final double GAUSSIAN_FOURTH_MOMENT = 3;
    static final double[] BAND_WIDTHS = {0.05, 0.1, 0.2, 0.4};
    static final double BAND_RELATIVE_TOLERANCE = 0.2;
    static final double BAND_SAMPLING_STDS = 3;
    static final double ISOTROPY_TOLERANCE = 0.25;
    static final double ISOTROPY_SAMPLING_FACTOR = 4;
    static final double STATIONARITY_TOLERANCE = 0.05;
    /** The excess error an accepted run certifies. */
    static final double CERTIFIED_EXCESS = 0.02;

    private final SmoothedSigmoidLoss loss;

    /** @param sigma the smoothing σ of the surrogate whose stationarity T5 checks (the learner's) */
    Tester(double sigma) {
        this.loss = new SmoothedSigmoidLoss(sigma);
    }

    /** Runs T1–T5 on the sample for the unit vector w. */
    TestReport test(LabelledSample s, double[] w) {
        List<Check> checks = new ArrayList<>();
        checks.add(secondMoments(s));
        checks.add(fourthMoment("T2", "along w", s, w));
        for (double width : BAND_WIDTHS) {
            checks.add(bandMass(s, w, width));
        }
        for (double width : BAND_WIDTHS) {
            checks.add(bandIsotropy(s, w, width));
        }
        checks.add(new Check("T5", "‖tangent ∇L_σ(w)‖", Vectors.norm(loss.tangentGradient(s, w)), STATIONARITY_TOLERANCE));
        return new TestReport(checks);
    }

    /** T1: ‖Σ̂ − I‖_op. */
    static Check secondMoments(LabelledSample s) {
        double deviation = Moments.operatorDistance(Moments.secondMoments(s), Moments.identity(s.d()));
        return new Check("T1", "‖Σ̂ − I‖_op", deviation, SECOND_MOMENT_TOLERANCE);
    }

    /** |Ê⟨v, x⟩⁴ − 3| for a unit v. */
    static Check fourthMoment(String test, String what, LabelledSample s, double[] v) {
        return new Check(test, what, Math.abs(Moments.fourthMomentAlong(s, v) - GAUSSIAN_FOURTH_MOMENT), FOURTH_MOMENT_TOLERANCE);
    }

    /** T3 for one band: the empirical mass against the Gaussian's, with a relative and a sampling allowance. */
    static Check bandMass(LabelledSample s, double[] w, double width) {
        double p = GaussianBand.mass(width);
        double tolerance = BAND_RELATIVE_TOLERANCE * p + BAND_SAMPLING_STDS * Math.sqrt(p * (1 - p) / s.n());
        return new Check("T3", "s=" + width, Math.abs(Moments.bandMass(s, w, width) - p), tolerance);
    }

    /** T4 for one band: ‖Cov(P_w⊥ x | |⟨w, x⟩| ≤ s) − I_w⊥‖_op; an empty band cannot be certified. */
    static Check bandIsotropy(LabelledSample s, double[] w, double width) {
        Moments.BandCovariance band = Moments.bandCovariance(s, w, width);
        if (band.count() < 2) {
            return new Check("T4", "s=" + width, Double.POSITIVE_INFINITY, ISOTROPY_TOLERANCE);
        }
        double deviation = Moments.operatorDistance(band.covariance(), Moments.orthogonalProjection(w));
        double tolerance = ISOTROPY_TOLERANCE + ISOTROPY_SAMPLING_FACTOR * Math.sqrt(s.d() / (double) band.count());
        return new Check("T4", "s=" + width, deviation, tolerance);
    }
}
