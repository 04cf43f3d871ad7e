package org.reprolab.method.apremss;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprolab.api.Heatmap;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.api.Table;

/** The specification's figures and the AUC tables. */
final class Figures {

    static final List<PlotSpec> PLOTS = List.of(
            PlotSpec.bar("auc-by-dataset", "Test ROC-AUC per dataset (x = dataset number, see table 'datasets') for every detector")
                    .labels("dataset", "test AUC"),
            PlotSpec.line("auc-vs-k-*", "MSS test AUC vs neighbour count k, for t = 1, 2, 3 mean-shift rounds").logX()
                    .labels("k", "test AUC"),
            PlotSpec.bar("score-histogram-mse", "Synthetic set: AE-MSE test scores of inliers and outliers (log10 bins)")
                    .labels("log10 score", "share of group"),
            PlotSpec.bar("score-histogram-mss-mse", "Synthetic set: MSS-MSE (t = 1) test scores of inliers and outliers (log10 bins)")
                    .labels("log10 score", "share of group"),
            PlotSpec.line("synthetic-pca-view", "Synthetic set, first two principal axes: in-span outliers x with arrows to AE(x) "
                    + "(solid) and to x^MS (dashed)").labels("PC 1", "PC 2").dashed("x^MS").marked("points"),
            PlotSpec.heatmap("apre-heatmap", "PAE test AUC of APRE over the (α, β) sweep, per dataset"));

    private static final int BINS = 20;
    private static final int ARROWS = 4;

    private final DatasetStudy.Settings settings;
    private DatasetStudy.Outcome synthetic;

    Figures(DatasetStudy.Settings settings) {
        this.settings = settings;
    }

    /** Keeps the first synthetic split for the score histograms and the PCA view. */
    void synthetic(DatasetStudy.Outcome outcome) {
        this.synthetic = outcome;
    }

    void report(ApreMssExperiment.Summary summary, Result.Builder out) {
        List<String> views = summary.views();
        List<List<String>> datasetRows = new ArrayList<>();
        List<List<String>> aucRows = new ArrayList<>();
        List<String> columns = new ArrayList<>(List.of("dataset"));
        List<String> methods = new ArrayList<>(Methods.MAIN);
        for (int t = 2; t <= settings.rounds(); t++) {
            methods.add(Methods.mssMse(t));
            methods.add(Methods.mssApre(t));
        }
        columns.addAll(methods);
        for (int v = 0; v < views.size(); v++) {
            datasetRows.add(List.of(Integer.toString(v + 1), views.get(v)));
            List<String> row = new ArrayList<>(List.of(views.get(v)));
            for (String m : methods) {
                row.add(fmt(summary.mean(views.get(v), m)));
            }
            aucRows.add(row);
        }
        if (!summary.realViews().isEmpty()) {
            List<String> row = new ArrayList<>(List.of("average of the real datasets"));
            for (String m : methods) {
                row.add(fmt(summary.realViews().stream().mapToDouble(v -> summary.mean(v, m)).average().orElse(Double.NaN)));
            }
            aucRows.add(row);
        }
        out.table(new Table("datasets", List.of("number", "dataset (view)"), datasetRows));
        out.table(new Table("test-auc", columns, aucRows));

        for (String m : Methods.MAIN) {
            double[] x = new double[views.size()];
            double[] y = new double[views.size()];
            for (int v = 0; v < views.size(); v++) {
                x[v] = v + 1;
                y[v] = summary.mean(views.get(v), m);
            }
            out.series(Series.of("auc-by-dataset", m, "dataset", "test AUC", x, y));
        }
        for (String view : views) {
            double[] ks = java.util.Arrays.stream(settings.ks()).asDoubleStream().toArray();
            for (boolean apre : new boolean[] {false, true}) {
                for (int t = 1; t <= settings.rounds(); t++) {
                    String method = apre ? Methods.mssApre(t) : Methods.mssMse(t);
                    double[] y = new double[ks.length];
                    for (int i = 0; i < ks.length; i++) {
                        y[i] = summary.mean(view, method + " k=" + settings.ks()[i]);
                    }
                    out.series(Series.of("auc-vs-k-" + view.replace('_', '-'), (apre ? "MSS-APRE" : "MSS-MSE") + " t=" + t, "k", "test AUC", ks, y));
                }
            }
        }
        apreHeatmap(summary, out);
        if (synthetic != null) {
            histograms(out);
            pcaView(out);
        }
    }

    private void apreHeatmap(ApreMssExperiment.Summary summary, Result.Builder out) {
        List<double[]> pairs = settings.weightPairs();
        List<String> columns = pairs.stream().map(p -> String.format(Locale.ROOT, "α=%s β=%s", p[0], p[1])).toList();
        List<String> views = summary.datasetViews();
        double[][] values = new double[views.size()][pairs.size()];
        for (int v = 0; v < views.size(); v++) {
            for (int p = 0; p < pairs.size(); p++) {
                values[v][p] = summary.mean(views.get(v), Methods.apre(pairs.get(p)[0], pairs.get(p)[1]));
            }
        }
        out.heatmap(new Heatmap("apre-heatmap", "test AUC", "(α, β)", "dataset", "test AUC", columns, views, values));
    }

    /** The in-span view's selected MSE and MSS-MSE candidates: their test scores by group. */
    private void histograms(Result.Builder out) {
        int view = inSpanView();
        int[] group = synthetic.split().testGroup();
        DetectorTraining.Candidate mse = ModelSelection.best(synthetic.candidates(), Scorer.mse(), view);
        DetectorTraining.Candidate mss = ModelSelection.bestOverK(synthetic.candidates(), Scorer.mssMse(1, 0), view);
        histogram("score-histogram-mse", mse.testScores(), group, out);
        histogram("score-histogram-mss-mse", mss.testScores(), group, out);
    }

    private static void histogram(String plot, double[] scores, int[] group, Result.Builder out) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] logs = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            logs[i] = Math.log10(Math.max(scores[i], 1e-12));
            lo = Math.min(lo, logs[i]);
            hi = Math.max(hi, logs[i]);
        }
        double width = Math.max(hi - lo, 1e-9) / BINS;
        String[] names = {"inliers", "in-span outliers", "off-subspace outliers"};
        for (int g = 0; g < names.length; g++) {
            double[] x = new double[BINS];
            double[] y = new double[BINS];
            int count = 0;
            for (int i = 0; i < scores.length; i++) {
                if (group[i] == g) {
                    y[Math.min(BINS - 1, (int) ((logs[i] - lo) / width))]++;
                    count++;
                }
            }
            for (int b = 0; b < BINS; b++) {
                x[b] = Math.round((lo + (b + 0.5) * width) * 100) / 100.0;
                y[b] = count == 0 ? 0 : y[b] / count;
            }
            out.series(Series.of(plot, names[g], "log10 score", "share of group", x, y));
        }
    }

    /** Inliers and in-span outliers on the pool's first two principal axes, with AE(x) and x^MS for a few outliers. */
    private void pcaView(Result.Builder out) {
        int view = inSpanView();
        DetectorTraining.Candidate mse = ModelSelection.best(synthetic.candidates(), Scorer.mse(), view);
        DetectorTraining.Candidate mss = ModelSelection.bestOverK(synthetic.candidates(), Scorer.mssMse(1, 0), view);
        int checkpoints = synthetic.aeTestMeans().size() / settings.inits();
        int checkpoint = checkpointIndex(synthetic.candidates(), mse);
        float[][] reconstruction = synthetic.aeTestMeans().get(mse.init() * checkpoints + checkpoint);
        double[][] shifted = synthetic.targets().target(mss.scorer());
        int offset = synthetic.targets().validationCount();
        Baselines.Pca pca = Baselines.Pca.fit(synthetic.split().pool(), 0.0);
        double[][] axes = pca2(synthetic.split().pool());
        double[][] test = synthetic.split().test();
        int[] group = synthetic.split().testGroup();
        List<double[]> in = new ArrayList<>();
        List<double[]> outl = new ArrayList<>();
        for (int i = 0; i < test.length; i++) {
            if (group[i] == 0) {
                in.add(project(test[i], pca.mean(), axes));
            } else if (group[i] == InSpanLocalOutliers.IN_SPAN) {
                outl.add(project(test[i], pca.mean(), axes));
            }
        }
        out.series(points("inliers (points)", in));
        out.series(points("in-span outliers (points)", outl));
        int drawn = 0;
        for (int i = 0; i < test.length && drawn < ARROWS; i++) {
            if (group[i] != InSpanLocalOutliers.IN_SPAN) {
                continue;
            }
            drawn++;
            double[] from = project(test[i], pca.mean(), axes);
            double[] ae = new double[test[i].length];
            for (int j = 0; j < ae.length; j++) {
                ae[j] = reconstruction[i][j];
            }
            double[] toAe = project(ae, pca.mean(), axes);
            double[] toMs = project(shifted[offset + i], pca.mean(), axes);
            out.series(Series.of("synthetic-pca-view", "x → AE(x) #" + drawn, "PC 1", "PC 2",
                    new double[] {from[0], toAe[0]}, new double[] {from[1], toAe[1]}));
            out.series(Series.of("synthetic-pca-view", "x → x^MS #" + drawn, "PC 1", "PC 2",
                    new double[] {from[0], toMs[0]}, new double[] {from[1], toMs[1]}));
        }
    }

    /** Which checkpoint (0-based, in its training) a candidate was taken at. */
    private static int checkpointIndex(List<DetectorTraining.Candidate> all, DetectorTraining.Candidate c) {
        return (int) all.stream().filter(o -> o.scorer().equals(c.scorer()) && o.init() == c.init() && o.epoch() < c.epoch()).count();
    }

    private int inSpanView() {
        List<OutlierDataset.View> views = synthetic.data().views();
        for (int v = 0; v < views.size(); v++) {
            if (views.get(v).name().equals("synthetic-in-span")) {
                return v;
            }
        }
        throw new IllegalStateException("the synthetic set has no in-span view");
    }

    private static double[][] pca2(double[][] pool) {
        Baselines.Pca full = Baselines.Pca.fit(pool, 1.0);
        return new double[][] {full.components()[0], full.components()[Math.min(1, full.rank() - 1)]};
    }

    private static double[] project(double[] x, double[] mean, double[][] axes) {
        double[] p = new double[axes.length];
        for (int a = 0; a < axes.length; a++) {
            for (int j = 0; j < x.length; j++) {
                p[a] += axes[a][j] * (x[j] - mean[j]);
            }
        }
        return p;
    }

    private static Series points(String name, List<double[]> pts) {
        return Series.of("synthetic-pca-view", name, "PC 1", "PC 2", pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray());
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.3f", v);
    }
}
