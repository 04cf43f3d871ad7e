package org.reprolab.method.latentquantization;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Result;

/** The specification's seven claims, on seed means (thresholds exactly as specified). */
final class PaperClaims {

    private PaperClaims() {
    }

    static double mean(List<LatentQuantizationExperiment.Evaluated> runs, ToDoubleFunction<LatentQuantizationExperiment.Evaluated> f) {
        return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    static double infoM(Map<Variant, List<LatentQuantizationExperiment.Evaluated>> r, Variant v) {
        return mean(r.get(v), e -> e.scores().infoM());
    }

    static double infoE(Map<Variant, List<LatentQuantizationExperiment.Evaluated>> r, Variant v) {
        return mean(r.get(v), e -> e.scores().infoE());
    }

    static void report(Map<Variant, List<LatentQuantizationExperiment.Evaluated>> r, Result.Builder out) {
        String seeds = " (QLAE, AE: mean of " + r.get(Variant.QLAE).size() + " trainings; others: 1)";
        double qm = infoM(r, Variant.QLAE);
        double am = infoM(r, Variant.AE);
        double bm = infoM(r, Variant.BETA_VAE);
        out.claim(new ClaimCheck("1-modularity", "QLAE's InfoM exceeds the AE's by ≥ 0.10 and β-VAE's by ≥ 0.05" + seeds,
                "QLAE − AE ≥ 0.10, QLAE − β-VAE ≥ 0.05",
                "QLAE " + f(qm) + ", AE " + f(am) + " (Δ " + f(qm - am) + "), β-VAE " + f(bm) + " (Δ " + f(qm - bm) + ")",
                qm - am >= 0.10 && qm - bm >= 0.05));
        double qe = infoE(r, Variant.QLAE);
        double ae = infoE(r, Variant.AE);
        double be = infoE(r, Variant.BETA_VAE);
        out.claim(new ClaimCheck("2-explicitness", "QLAE's InfoE is ≥ the AE's and ≥ β-VAE's" + seeds, "QLAE ≥ AE, QLAE ≥ β-VAE",
                "QLAE " + f(qe) + ", AE " + f(ae) + ", β-VAE " + f(be), qe >= ae && qe >= be));
        double qb = mean(r.get(Variant.QLAE), e -> e.trained().heldOutBce());
        double ab = mean(r.get(Variant.AE), e -> e.trained().heldOutBce());
        out.claim(new ClaimCheck("3-no-reconstruction-penalty", "QLAE's held-out reconstruction BCE is ≤ 1.5 × the AE's" + seeds,
                "ratio ≤ 1.5", "QLAE " + f(qb) + ", AE " + f(ab) + " nats/image, ratio " + f(qb / ab), qb <= 1.5 * ab));
        double nowd = infoM(r, Variant.QLAE_NO_WD);
        out.claim(new ClaimCheck("4-weight-decay-necessary", "QLAE without weight decay has InfoM ≥ 0.05 lower than QLAE (ablation: 1 training)",
                "QLAE − QLAE w/o WD ≥ 0.05", "QLAE " + f(qm) + ", QLAE w/o WD " + f(nowd) + " (Δ " + f(qm - nowd) + ")", qm - nowd >= 0.05));
        double aewd = infoM(r, Variant.AE_WD);
        out.claim(new ClaimCheck("5-quantisation-necessary", "The AE with the same weight decay has InfoM ≥ 0.05 lower than QLAE (ablation: 1 training)",
                "QLAE − (AE + WD) ≥ 0.05", "QLAE " + f(qm) + ", AE + WD " + f(aewd) + " (Δ " + f(qm - aewd) + ")", qm - aewd >= 0.05));
        double vq = infoM(r, Variant.VQ_AE);
        out.claim(new ClaimCheck("6-scalar-beats-global-codebook", "The global VQ-AE has lower InfoM than QLAE (VQ-AE: 1 training)",
                "VQ-AE < QLAE", "QLAE " + f(qm) + ", VQ-AE " + f(vq), vq < qm));
        StringBuilder measured = new StringBuilder();
        boolean parsimonious = true;
        for (LatentQuantizationExperiment.Evaluated e : r.get(Variant.QLAE)) {
            int active = e.scores().activeCount();
            Set<Integer> distinct = new HashSet<>();
            for (int j : e.scores().bestLatentPerSource()) {
                distinct.add(j);
            }
            int dims = e.scores().active().length;
            measured.append(measured.isEmpty() ? "" : "; ").append(active).append(" of ").append(dims).append(" active, ")
                    .append(distinct.size()).append(" distinct best latents for 5 sources");
            parsimonious &= active <= Math.round(0.8 * dims) && distinct.size() >= 4;
        }
        out.claim(new ClaimCheck("7-parsimony", "Every QLAE training ends with at most 8 of 10 latents active, and its sources' highest-NMI latents differ across ≥ 4 of the 5 sources",
                "active ≤ 8 of 10, ≥ 4 distinct best latents", measured.toString(), parsimonious));
    }

    private static String f(double v) {
        return Figures.fmt(v);
    }
}
