package org.reprolab.method.pvrnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprolab.api.Heatmap;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.Series;

/** The specification's plots: declarations and the series, heat maps and bars that fill them. */
final class Figures {

    static final List<PlotSpec> PLOTS = List.of(
            PlotSpec.line("trajectories-*", "Generated 2-D trajectories (posterior, free, mean-prior) at one meta-prior").labels("x₁", "x₂"),
            PlotSpec.line("sigma-p-over-time", "Bottom-layer prior σ_p over time along the training posterior, per w").labels("t", "σ_p").logY(),
            PlotSpec.heatmap("transition-matrices", "Transition matrices estimated from free generation per w, and the true P"),
            PlotSpec.bar("prediction-error", "Test MSE of 10-step-ahead prediction: PV-RNN + ER per w, VRNN, repeat-last, true-P oracle").labels("predictor", "MSE"),
            PlotSpec.line("twin-divergence", "Twin trajectories 1e-6 apart under mean-prior dynamics: mean ln distance vs t").labels("t", "ln ‖x̂ − x̂′‖"),
            PlotSpec.line("training-terms", "Reconstruction and KL terms over training, per w").labels("epoch", "term (summed over t)").logY());

    private Figures() {
    }

    static String label(double w) {
        return String.format(Locale.ROOT, "%.0e", w).replace("e-0", "e-");
    }

    static void report(List<MetaPriorStudy.Findings> byW, VrnnStudy.Findings vrnn, double repeatLast, double oracle, Result.Builder out) {
        List<String> columns = List.of(MotionPrimitives.NAMES);
        out.heatmap(new Heatmap("transition-matrices", "true P", "next", "current", "probability", columns, columns, PrimitiveFsm.TRANSITIONS));
        List<Double> bars = new ArrayList<>();
        List<String> barNames = new ArrayList<>();
        for (MetaPriorStudy.Findings f : byW) {
            String w = "w=" + label(f.w());
            String plot = "trajectories-" + label(f.w());
            out.series(path(plot, "posterior", f.posteriorExample()));
            out.series(path(plot, "free", f.freeExample()));
            out.series(path(plot, "mean-prior", f.meanPriorExample()));
            out.series(Series.of("sigma-p-over-time", w, "t", "σ_p", index(f.sigmaOverTime().length, 2), f.sigmaOverTime()));
            out.heatmap(new Heatmap("transition-matrices", w, "next", "current", "probability", columns, columns, f.freeTransitions()));
            out.series(Series.of("twin-divergence", w, "t", "ln distance", index(f.twinLogDistance().length, 1), f.twinLogDistance()));
            terms(w, f.history(), out);
            bars.add(f.erMse());
            barNames.add("PV-RNN " + w);
        }
        terms("VRNN", vrnn.history(), out);
        bars.add(vrnn.predictionMse());
        barNames.add("VRNN");
        bars.add(repeatLast);
        barNames.add("repeat-last");
        bars.add(oracle);
        barNames.add("true-P oracle");
        for (int i = 0; i < bars.size(); i++) {
            out.series(Series.of("prediction-error", barNames.get(i), "predictor", "MSE", new double[] {i}, new double[] {bars.get(i)}));
        }
    }

    private static void terms(String name, Training.History h, Result.Builder out) {
        int every = Math.max(1, h.reconstruction().length / 150);
        int n = (h.reconstruction().length + every - 1) / every;
        double[] x = new double[n];
        double[] rec = new double[n];
        double[] kl = new double[n];
        for (int i = 0; i < n; i++) {
            int e = i * every;
            x[i] = e + 1;
            rec[i] = h.reconstruction()[e];
            for (double[] layer : h.kl()) {
                kl[i] += layer[e];
            }
        }
        out.series(Series.of("training-terms", name + " reconstruction", "epoch", "term", x, rec));
        out.series(Series.of("training-terms", name + " KL (all layers)", "epoch", "term", x, kl));
    }

    private static Series path(String plot, String name, double[][] xy) {
        double[] x = new double[xy.length];
        double[] y = new double[xy.length];
        for (int t = 0; t < xy.length; t++) {
            x[t] = xy[t][0];
            y[t] = xy[t][1];
        }
        return Series.of(plot, name, "x₁", "x₂", x, y);
    }

    private static double[] index(int n, int first) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + first;
        }
        return x;
    }
}
