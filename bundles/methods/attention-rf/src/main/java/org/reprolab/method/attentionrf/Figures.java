package org.reprolab.method.attentionrf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.api.Table;
import org.reprolab.theory.common.SeedSummary;

/** The methods section's plots, the per-cell metrics and the table of every measured error. */
final class Figures {

    static final List<PlotSpec> PLOTS = List.of(
            PlotSpec.line("mse-vs-n-*", "Normalised test MSE vs training samples n").logLog(),
            PlotSpec.line("mse-vs-keys-*", "Normalised test MSE at the largest n vs number of keys N"),
            PlotSpec.line(PreActivations.PLOT, "Attention scores x̃₀ᵀW_m x̃ᵢ of zero-mean (RFA) and biased (BRFA) query-key matrices"));

    private Figures() {
    }

    static void emit(Curves curves, Result.Builder out) {
        for (int t = 0; t < Targets.COUNT; t++) {
            for (int keys : curves.keys()) {
                String plot = "mse-vs-n-" + Targets.NAMES[t].toLowerCase(Locale.ROOT) + "-n" + keys;
                for (Model model : Model.values()) {
                    double[] x = new double[curves.samples().length];
                    double[] y = new double[x.length];
                    double[] err = new double[x.length];
                    for (int k = 0; k < x.length; k++) {
                        SeedSummary e = curves.error(model, keys, curves.samples()[k], t);
                        x[k] = curves.samples()[k];
                        y[k] = e.mean();
                        err[k] = e.std();
                        out.metric("nmse." + model.label() + "." + Targets.NAMES[t] + ".N" + keys + ".n" + curves.samples()[k], e.mean());
                    }
                    out.series(new Series(plot, model.label() + " (" + Targets.DESCRIPTIONS[t] + ", N = " + keys + ")",
                            "training samples n", "normalised test MSE", x, y, e(err, curves)));
                }
            }
            String plot = "mse-vs-keys-" + Targets.NAMES[t].toLowerCase(Locale.ROOT);
            for (Model model : Model.values()) {
                double[] x = new double[curves.keys().length];
                double[] y = new double[x.length];
                double[] err = new double[x.length];
                for (int j = 0; j < x.length; j++) {
                    SeedSummary e = curves.error(model, curves.keys()[j], curves.largestN(), t);
                    x[j] = curves.keys()[j];
                    y[j] = e.mean();
                    err[j] = e.std();
                }
                out.series(new Series(plot, model.label() + " (" + Targets.DESCRIPTIONS[t] + ", n = " + curves.largestN() + ")",
                        "keys N", "normalised test MSE", x, y, e(err, curves)));
            }
        }
        out.table(errorTable(curves));
    }

    /** Error bars only when there is a spread to show (more than one seed). */
    private static double[] e(double[] err, Curves curves) {
        return curves.all().size() > Model.values().length * curves.keys().length ? err : null;
    }

    private static Table errorTable(Curves curves) {
        List<List<String>> rows = new ArrayList<>();
        for (Model model : Model.values()) {
            for (int t = 0; t < Targets.COUNT; t++) {
                for (int keys : curves.keys()) {
                    List<LearningCurve> seeds = curves.of(model, keys);
                    for (int k = 0; k < curves.samples().length; k++) {
                        int n = curves.samples()[k];
                        List<String> ridges = new ArrayList<>();
                        for (LearningCurve c : seeds) {
                            ridges.add(String.format(Locale.ROOT, "%.0e", c.chosenRidge()[k][t]));
                        }
                        SeedSummary e = curves.error(model, keys, n, t);
                        rows.add(List.of(model.label(), Targets.NAMES[t], Integer.toString(keys), Integer.toString(n),
                                String.format(Locale.ROOT, "%.4f", e.mean()), String.format(Locale.ROOT, "%.4f", e.std()),
                                String.join(" ", ridges)));
                    }
                }
            }
        }
        return new Table("test-error", List.of("model", "target", "N", "n", "normalised test MSE (seed mean)", "std", "chosen λ per seed"), rows);
    }
}
