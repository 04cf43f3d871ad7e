package org.reprolab.method.dltheory;

import static org.reprolab.api.ClaimCheck.format;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.api.Table;
import org.reprolab.theory.common.SeedSummary;

/** The specification's plots as {@link Series}, the run's tables, and its headline metrics. */
final class Figures {

    static final List<PlotSpec> PLOTS = List.of(
            PlotSpec.line("kernel-vs-layer", "Kernel K^(l) vs layer (dashed: recursion / closed form)").logY().dashed("theory"),
            PlotSpec.line("gradient-norm-vs-layer", "Mean squared gradient norm ‖dz^(L)/dz^(l)‖² vs layer (dashed: theory)")
                    .logY().dashed("theory"),
            PlotSpec.line("kurtosis-vs-depth-ratio-relu", "ReLU output excess kurtosis vs L/n (dashed: exact and leading-order theory)")
                    .dashed("theory"),
            PlotSpec.line("kurtosis-vs-depth-ratio-tanh", "tanh output excess kurtosis vs L/n (dashed: 2L/n)").dashed("theory"),
            PlotSpec.scatter("raw-vs-g-estimator", "Raw fourth-moment vs G-based kurtosis estimate, every cell"),
            PlotSpec.line("ntk-change-vs-width", "Relative NTK change vs width (dashed: slope −1 guide)").logLog().dashed("guide"));

    private Figures() {
    }

    static void addTo(Result.Builder result, Measurements m) {
        kernels(result, m);
        kurtosis(result, m);
        ntk(result, m);
    }

    private static void kernels(Result.Builder result, Measurements m) {
        List<List<String>> rows = new ArrayList<>();
        for (CriticalityStudy.KernelProfile k : m.kernels()) {
            double[] layers = new double[k.depth()];
            for (int l = 0; l < layers.length; l++) {
                layers[l] = l + 1;
            }
            result.series(new Series("kernel-vs-layer", k.label(), "layer l", "K^(l)", layers, k.kernel(), k.kernelError()));
            result.series(Series.of("kernel-vs-layer", k.label() + " theory", "layer l", "K^(l)", layers, k.theory()));
            result.series(Series.of("gradient-norm-vs-layer", k.label(), "layer l", "‖dz^(L)/dz^(l)‖²", layers, k.gradientNorm()));
            result.series(Series.of("gradient-norm-vs-layer", k.label() + " theory", "layer l", "‖dz^(L)/dz^(l)‖²", layers,
                    k.gradientTheory()));
            String key = "criticality/" + k.activation().label() + "/cw-" + format(k.weightVariance());
            int last = k.depth() - 1;
            result.metric(key + "/kernel_ratio_last_over_first", k.kernel()[last] / k.kernel()[0]);
            result.metric(key + "/kernel_ratio_theory", k.theory()[last] / k.theory()[0]);
            result.metric(key + "/gradient_norm_to_layer_1", k.gradientNorm()[0]);
            result.metric(key + "/gradient_norm_theory", k.gradientTheory()[0]);
            rows.add(List.of(k.label(), format(k.kernel()[0]), format(k.kernel()[last]), format(k.theory()[last]),
                    format(k.gradientNorm()[0]), format(k.gradientTheory()[0])));
        }
        Plan.Criticality a = m.plan().criticality();
        result.table(new Table("criticality (n = " + a.width() + ", L = " + a.depth() + ", " + a.networks() + " networks × "
                + a.inputs() + " inputs)", List.of("initialisation", "K^(1)", "K^(L)", "K^(L) theory",
                "‖dz^(L)/dz^(1)‖²", "theory"), rows));
    }

    private static void kurtosis(Result.Builder result, Measurements m) {
        List<List<String>> rows = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            List<NonGaussianityStudy.Cell> cells = m.cells(activation);
            String plot = "kurtosis-vs-depth-ratio-" + activation.label();
            List<Double> g = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (int n : cells.stream().map(NonGaussianityStudy.Cell::width).distinct().toList()) {
                List<NonGaussianityStudy.Cell> row = cells.stream().filter(c -> c.width() == n).toList();
                double[] x = row.stream().mapToDouble(NonGaussianityStudy.Cell::depthToWidth).toArray();
                double[] y = row.stream().mapToDouble(c -> c.estimate().gBased()).toArray();
                double[] err = row.stream().mapToDouble(c -> c.estimate().gBasedError()).toArray();
                result.series(new Series(plot, "n=" + n, "L/n", "excess kurtosis", x, y, err));
                if (activation == Activation.RELU) {
                    result.series(Series.of(plot, "n=" + n + " exact theory", "L/n", "excess kurtosis", x,
                            row.stream().mapToDouble(c -> NonGaussianityStudy.reluExact(n, c.depth())).toArray()));
                    result.series(Series.of(plot, "n=" + n + " leading-order theory 15(L-1)/n", "L/n", "excess kurtosis", x,
                            row.stream().mapToDouble(c -> NonGaussianityStudy.reluLeadingOrder(n, c.depth())).toArray()));
                } else {
                    result.series(Series.of(plot, "n=" + n + " theory 2L/n", "L/n", "excess kurtosis", x,
                            row.stream().mapToDouble(c -> NonGaussianityStudy.tanhAsymptote(n, c.depth())).toArray()));
                }
            }
            for (NonGaussianityStudy.Cell c : cells) {
                KurtosisEstimate e = c.estimate();
                String key = "kurtosis/" + activation.label() + "/n-" + c.width() + "/L-" + c.depth();
                result.metric(key + "/g_based", e.gBased());
                result.metric(key + "/g_based_error", e.gBasedError());
                result.metric(key + "/raw", e.raw());
                result.metric(key + "/raw_error", e.rawError());
                g.add(e.gBased());
                raw.add(e.raw());
                String theory = activation == Activation.RELU
                        ? format(NonGaussianityStudy.reluExact(c.width(), c.depth())) + " / "
                                + format(NonGaussianityStudy.reluLeadingOrder(c.width(), c.depth()))
                        : format(NonGaussianityStudy.tanhAsymptote(c.width(), c.depth()));
                rows.add(List.of(activation.label(), String.valueOf(c.width()), String.valueOf(c.depth()),
                        format(c.depthToWidth()), format(e.gBased()) + " ± " + format(e.gBasedError()),
                        format(e.raw()) + " ± " + format(e.rawError()), theory));
            }
            double[] gs = g.stream().mapToDouble(Double::doubleValue).toArray();
            result.series(Series.of("raw-vs-g-estimator", activation.label(), "G-based estimate", "raw fourth-moment estimate",
                    gs, raw.stream().mapToDouble(Double::doubleValue).toArray()));
            if (activation == Activation.RELU) {
                result.series(Series.of("raw-vs-g-estimator", "raw = G-based", "G-based estimate", "raw fourth-moment estimate", gs, gs));
            }
        }
        Plan.Kurtosis b = m.plan().kurtosis();
        result.table(new Table("output excess kurtosis (S = " + b.networks() + " networks per cell, critical initialisation)",
                List.of("activation", "n", "L", "L/n", "G-based ± se", "raw ± se", "theory (ReLU exact / 15(L−1)/n; tanh 2L/n)"),
                rows));
        NonGaussianityStudy.CrossCheck x = m.crossCheck();
        result.table(new Table("rotation-invariance shortcut vs explicit weights (ReLU, n = " + x.width() + ", L = " + x.depth() + ")",
                List.of("sampler", "networks", "G-based ± se", "raw ± se"),
                List.of(List.of("explicit weight matrices", String.valueOf(x.explicit().networks()),
                                format(x.explicit().gBased()) + " ± " + format(x.explicit().gBasedError()),
                                format(x.explicit().raw()) + " ± " + format(x.explicit().rawError())),
                        List.of("rotation-invariance shortcut", String.valueOf(x.shortcut().networks()),
                                format(x.shortcut().gBased()) + " ± " + format(x.shortcut().gBasedError()),
                                format(x.shortcut().raw()) + " ± " + format(x.shortcut().rawError())))));
    }

    private static void ntk(Result.Builder result, Measurements m) {
        List<Integer> widths = m.ntkWidths();
        double[] n = widths.stream().mapToDouble(Integer::doubleValue).toArray();
        List<List<String>> rows = new ArrayList<>();
        for (int depth : m.ntkDepths()) {
            double[] mean = new double[n.length];
            double[] std = new double[n.length];
            for (int k = 0; k < n.length; k++) {
                SeedSummary s = changeOrNaN(m, depth, widths.get(k));
                mean[k] = s.mean();
                std[k] = s.std();
                result.metric("ntk/L-" + depth + "/n-" + widths.get(k) + "/relative_change", s.mean());
                rows.add(ntkRow(m, depth, widths.get(k)));
            }
            result.series(new Series("ntk-change-vs-width", "L=" + depth, "width n", "‖Θ_T − Θ_0‖_F / ‖Θ_0‖_F", n, mean, std));
            double[] guide = new double[n.length];
            for (int k = 0; k < n.length; k++) {
                guide[k] = mean[0] * n[0] / n[k];
            }
            result.series(Series.of("ntk-change-vs-width", "L=" + depth + " slope -1 guide", "width n",
                    "‖Θ_T − Θ_0‖_F / ‖Θ_0‖_F", n, guide));
            if (n.length >= 2) {
                result.metric("ntk/L-" + depth + "/width_slope", PaperClaims.widthSlope(m, depth));
            }
        }
        Plan.Ntk c = m.plan().ntk();
        result.table(new Table("NTK change under gradient descent (m = " + c.samples() + ", ‖x‖ = " + format(c.inputNorm()) + ", ≤ " + c.maxSteps()
                + " steps, η = 1/λ_max(Θ_0); means over the " + c.seeds() + " seeds that did not diverge)",
                List.of("L", "n", "relative NTK change", "steps", "final train MSE", "cond(Θ_0)", "monotone loss", "diverged"), rows));
    }

    /** The seed summary of the NTK change at (L, n), NaN when every run there diverged. */
    private static SeedSummary changeOrNaN(Measurements m, int depth, int width) {
        try {
            return m.ntkChange(depth, width);
        } catch (Measurements.NotMeasured e) {
            return new SeedSummary(Double.NaN, Double.NaN, 0);
        }
    }

    private static List<String> ntkRow(Measurements m, int depth, int width) {
        List<NtkStudy.Run> runs = m.ntk().stream().filter(r -> r.depth() == depth && r.width() == width).toList();
        return List.of(String.valueOf(depth), String.valueOf(width), changeOrNaN(m, depth, width).toString(),
                format(SeedSummary.over(runs, r -> r.training().steps()).mean()),
                format(SeedSummary.over(runs, r -> r.training().finalMse()).mean()),
                format(SeedSummary.over(runs, r -> r.training().conditionNumber()).mean()),
                runs.stream().filter(r -> r.training().lossMonotone()).count() + "/" + runs.size(),
                String.valueOf(m.ntkDiverged(depth, width)));
    }
}
