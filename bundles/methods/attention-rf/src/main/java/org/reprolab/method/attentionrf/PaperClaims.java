package org.reprolab.method.attentionrf;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Result;
import org.reprolab.theory.common.SeedSummary;

/** The specification's six claims, each thresholded on seed means of the normalised test MSE. */
final class PaperClaims {

    private static final int FA = 0;
    private static final int FB = 1;
    private static final int FC = 2;

    private final Curves curves;
    private final int nMax;
    private final int nRef;

    PaperClaims(Curves curves) {
        this.curves = curves;
        this.nMax = curves.largestN();
        this.nRef = curves.referenceN();
    }

    void check(Result.Builder out) {
        out.claim(attentionBeatsMlp());
        out.claim(sampleEfficiency());
        out.claim(noDependenceOnKeys());
        out.claim(biasHelpsForSimilarityFunctions());
        out.claim(sampleSizeVsComplexity());
        out.claim(biasIsNotFree());
    }

    private ClaimCheck attentionBeatsMlp() {
        boolean held = true;
        List<String> measured = new ArrayList<>();
        for (int keys : curves.keys()) {
            SeedSummary rfa = error(Model.RFA, keys, nMax, FA);
            SeedSummary mlp = error(Model.RFMLP, keys, nMax, FA);
            double ratio = rfa.mean() / mlp.mean();
            held &= ratio <= 0.3;
            measured.add("N = " + keys + ": " + fmt(ratio) + " (RFA " + rfa + " vs RFMLP " + mlp + ")");
        }
        return new ClaimCheck("1-attention-beats-rfmlp",
                "On f_A at n = " + nMax + ", RFA's normalised test MSE ≤ 0.3 × RFMLP's, for every N",
                "ratio ≤ 0.3 for every N", String.join("; ", measured), held);
    }

    private ClaimCheck sampleEfficiency() {
        boolean held = true;
        List<String> measured = new ArrayList<>();
        for (int keys : curves.keys()) {
            SeedSummary rfa = error(Model.RFA, keys, nRef, FA);
            held &= rfa.mean() <= 0.3;
            measured.add("RFA N = " + keys + " at n = " + nRef + ": " + rfa);
        }
        SeedSummary mlp = error(Model.RFMLP, curves.fewestKeys(), nMax, FA);
        held &= mlp.mean() >= 0.3;
        measured.add("RFMLP N = " + curves.fewestKeys() + " at n = " + nMax + ": " + mlp);
        return new ClaimCheck("2-sample-efficiency",
                "RFA reaches normalised MSE ≤ 0.3 on f_A by n = " + nRef + " (every N), while RFMLP is still ≥ 0.3 at n = "
                        + nMax + " for N = " + curves.fewestKeys(),
                "RFA ≤ 0.3 at n = " + nRef + ", RFMLP ≥ 0.3 at n = " + nMax, String.join("; ", measured), held);
    }

    private ClaimCheck noDependenceOnKeys() {
        SeedSummary many = error(Model.RFA, curves.mostKeys(), nMax, FA);
        SeedSummary few = error(Model.RFA, curves.fewestKeys(), nMax, FA);
        double excess = many.mean() - few.mean();
        return new ClaimCheck("3-no-dependence-on-keys",
                "RFA's error on f_A at n = " + nMax + " for N = " + curves.mostKeys() + " is ≤ its error for N = "
                        + curves.fewestKeys() + " plus 0.02",
                "difference ≤ 0.02", fmt(excess) + " (N = " + curves.mostKeys() + ": " + many + ", N = "
                        + curves.fewestKeys() + ": " + few + ")", excess <= 0.02);
    }

    private ClaimCheck biasHelpsForSimilarityFunctions() {
        boolean held = true;
        List<String> measured = new ArrayList<>();
        for (int target : new int[] {FB, FC}) {
            for (int keys : curves.keys()) {
                SeedSummary biased = error(Model.BRFA, keys, nMax, target);
                SeedSummary plain = error(Model.RFA, keys, nMax, target);
                double ratio = biased.mean() / plain.mean();
                held &= ratio <= 0.7;
                measured.add(Targets.NAMES[target] + " N = " + keys + ": " + fmt(ratio) + " (BRFA " + biased + " vs RFA " + plain + ")");
            }
        }
        return new ClaimCheck("4-bias-helps-similarity-targets",
                "On f_B and f_C at n = " + nMax + ", BRFA's normalised MSE ≤ 0.7 × RFA's, for every N",
                "ratio ≤ 0.7 for both targets and every N", String.join("; ", measured), held);
    }

    private ClaimCheck sampleSizeVsComplexity() {
        boolean held = true;
        List<String> measured = new ArrayList<>();
        for (int keys : curves.keys()) {
            SeedSummary late = error(Model.BRFA, keys, nMax, FB);
            SeedSummary early = error(Model.BRFA, keys, nRef, FB);
            double ratio = late.mean() / early.mean();
            held &= ratio <= 0.8;
            double lowest = Double.POSITIVE_INFINITY;
            for (int n : curves.samples()) {
                lowest = Math.min(lowest, error(Model.RFA, keys, n, FB).mean());
            }
            held &= lowest >= 0.9;
            measured.add("N = " + keys + ": BRFA n = " + nMax + " / n = " + nRef + " = " + fmt(ratio) + " (" + late + " vs "
                    + early + "), RFA's lowest over n = " + fmt(lowest));
        }
        return new ClaimCheck("5-sample-size-vs-complexity",
                "BRFA's error on f_B at n = " + nMax + " is ≤ 0.8 × its error at n = " + nRef
                        + ", whereas zero-mean RFA on f_B stays ≥ 0.9 at every n ≤ " + nMax + " (every N)",
                "BRFA ratio ≤ 0.8, RFA ≥ 0.9 at every n", String.join("; ", measured), held);
    }

    private ClaimCheck biasIsNotFree() {
        boolean held = true;
        List<String> measured = new ArrayList<>();
        for (int keys : curves.keys()) {
            SeedSummary plain = error(Model.RFA, keys, nMax, FA);
            SeedSummary biased = error(Model.BRFA, keys, nMax, FA);
            held &= plain.mean() <= biased.mean();
            measured.add("N = " + keys + ": RFA " + plain + " vs BRFA " + biased);
        }
        return new ClaimCheck("6-bias-is-not-free",
                "On f_A at n = " + nMax + ", zero-mean RFA is at least as good as BRFA, for every N",
                "RFA ≤ BRFA for every N", String.join("; ", measured), held);
    }

    private SeedSummary error(Model model, int keys, int n, int target) {
        return curves.error(model, keys, n, target);
    }

    private static String fmt(double v) {
        return ClaimCheck.format(v);
    }
}
