package org.reprolab.method.moreisbetter;

import org.reprolab.api.ProgressCounter;

import org.reprolab.theory.common.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprolab.api.Heatmap;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.api.Series;
import org.reprolab.api.Table;
import org.reprolab.theory.common.CholeskyRidge;
import org.reprolab.theory.common.EigenSweep;
import org.reprolab.theory.common.PowerLawTask;
import org.reprolab.theory.common.RidgePath;

/**
 * Experiment A (Sec. 4, Fig. 1–2): on the synthetic power-law task, RF ridge regression's optimal-ridge
 * test MSE as the number of features N grows at fixed n (slice A1) and as n grows at fixed N (slice A2),
 * beside the KRR (N → ∞) reference and the omniscient risk estimate for every (n, N, δ).
 */
final class SyntheticScaling {

    record Settings(int modes, double alpha, double beta, int testPoints, int trials, double[] ridges,
                    int a1Samples, int[] a1Features, int a2Features, int[] a2Samples) {
    }

    /** One slice: per grid point (N in A1, n in A2) the optimal-ridge test MSE, measured and predicted. */
    record Slice(int[] points, double[] empirical, double[] empiricalStd, double[] theory, double[] kernel,
                 double[] kernelTheory) {
    }

    /** What A measured, and the invariants checked on the way. */
    record Findings(Slice a1, Slice a2, double maxRidgelessTrainExcess, double minMse,
                    boolean allFinite, double sweepVsCholesky, double maxSolverResidual, double rfVsKrrAtMillion) {
    }

    /** Per-trial curves: A1 per N, A1's KRR, A2 per n, A2's KRR per n. */
    private record Trial(List<RidgeCurve> a1, RidgeCurve a1Kernel, List<RidgeCurve> a2, List<RidgeCurve> a2Kernel) {
    }

    private SyntheticScaling() {
    }

    static Findings run(Settings s, RunContext ctx, ProgressCounter progress, Result.Builder out) {
        PowerLawTask task = PowerLawTask.of(s.modes, s.alpha, s.beta, 0);
        OmniscientRisk.Spectrum spectrum = new OmniscientRisk.Spectrum(task.eigenvalues(), task.targetPower(), 0);
        int pool = Math.max(s.a1Samples, max(s.a2Samples));
        List<Trial> trials = Parallel.map(s.trials, t -> {
            SyntheticRegression data = SyntheticRegression.draw(task, pool, s.testPoints, ctx.random("A/data/trial-" + t));
            SyntheticRegression a1Data = data.head(s.a1Samples);
            double[][] a1Labels = SyntheticRegression.column(a1Data.trainLabels());
            List<RidgeCurve> a1 = new ArrayList<>();
            for (int features : s.a1Features) {
                ctx.checkCancelled();
                a1.add(a1Data.curve(a1Data.randomFeatures(features, a1Labels, s.ridges,
                        ctx.random("A1/features/trial-" + t + "/N-" + features))));
                progress.tick("A1 trial " + t + ", N = " + features);
            }
            RidgeCurve a1Kernel = a1Data.curve(a1Data.kernelRidge(a1Labels, s.ridges));
            List<RidgeCurve> a2 = new ArrayList<>();
            List<RidgeCurve> a2Kernel = new ArrayList<>();
            for (int n : s.a2Samples) {
                ctx.checkCancelled();
                SyntheticRegression d = data.head(n);
                double[][] labels = SyntheticRegression.column(d.trainLabels());
                a2.add(d.curve(d.randomFeatures(s.a2Features, labels, s.ridges,
                        ctx.random("A2/features/trial-" + t + "/n-" + n))));
                a2Kernel.add(d.curve(d.kernelRidge(labels, s.ridges)));
                progress.tick("A2 trial " + t + ", n = " + n);
            }
            return new Trial(a1, a1Kernel, a2, a2Kernel);
        });

        double[] a1Theory = new double[s.a1Features.length];
        double[][] a1TheoryCurves = new double[s.a1Features.length][];
        for (int k = 0; k < s.a1Features.length; k++) {
            a1TheoryCurves[k] = featureTheory(spectrum, s.a1Samples, s.a1Features[k], s.ridges);
            a1Theory[k] = min(a1TheoryCurves[k]);
        }
        double[] a2Theory = new double[s.a2Samples.length];
        double[] a2KernelTheory = new double[s.a2Samples.length];
        double maxResidual = 0;
        for (int k = 0; k < s.a2Samples.length; k++) {
            a2Theory[k] = min(featureTheory(spectrum, s.a2Samples[k], s.a2Features, s.ridges));
            double best = Double.POSITIVE_INFINITY;
            for (double ridge : s.ridges) {
                OmniscientRisk.KernelEstimate e = OmniscientRisk.kernelRidge(spectrum, s.a2Samples[k], ridge);
                best = Math.min(best, e.testMse());
                maxResidual = Math.max(maxResidual, Math.abs(OmniscientRisk.kernelResidual(spectrum.eigenvalues(),
                        s.a2Samples[k], ridge, e.kappa())) / s.a2Samples[k]);
            }
            a2KernelTheory[k] = best;
        }
        double a1KernelTheory = Double.POSITIVE_INFINITY;
        double rfVsKrr = 0;
        for (double ridge : s.ridges) {
            OmniscientRisk.KernelEstimate krr = OmniscientRisk.kernelRidge(spectrum, s.a1Samples, ridge);
            a1KernelTheory = Math.min(a1KernelTheory, krr.testMse());
            maxResidual = Math.max(maxResidual, Math.abs(OmniscientRisk.kernelResidual(spectrum.eigenvalues(),
                    s.a1Samples, ridge, krr.kappa())) / s.a1Samples);
            double rf = OmniscientRisk.randomFeatures(spectrum, s.a1Samples, 1e6, ridge).testMse();
            rfVsKrr = Math.max(rfVsKrr, Math.abs(rf - krr.testMse()) / krr.testMse());
        }

        List<RidgeCurve> a1Mean = new ArrayList<>();
        for (int k = 0; k < s.a1Features.length; k++) {
            int kk = k;
            a1Mean.add(RidgeCurve.average(trials.stream().map(tr -> tr.a1.get(kk)).toList()));
        }
        RidgeCurve a1KernelMean = RidgeCurve.average(trials.stream().map(Trial::a1Kernel).toList());
        List<RidgeCurve> a2Mean = new ArrayList<>();
        List<RidgeCurve> a2KernelMean = new ArrayList<>();
        for (int k = 0; k < s.a2Samples.length; k++) {
            int kk = k;
            a2Mean.add(RidgeCurve.average(trials.stream().map(tr -> tr.a2.get(kk)).toList()));
            a2KernelMean.add(RidgeCurve.average(trials.stream().map(tr -> tr.a2Kernel.get(kk)).toList()));
        }
        double[] a1Kernel = new double[s.a1Features.length];
        java.util.Arrays.fill(a1Kernel, a1KernelMean.optimum().test());
        double[] a1KernelTheoryLine = new double[s.a1Features.length];
        java.util.Arrays.fill(a1KernelTheoryLine, a1KernelTheory);
        Slice a1 = slice(s.a1Features, a1Mean, a1Theory, a1Kernel, a1KernelTheoryLine);
        Slice a2 = slice(s.a2Samples, a2Mean, a2Theory, optima(a2KernelMean), a2KernelTheory);

        // Invariants: every MSE finite and ≥ 0; at the smallest ridge, train ≤ test whenever n < N (KRR: N = ∞).
        double excess = Double.NEGATIVE_INFINITY;
        double minMse = Double.POSITIVE_INFINITY;
        boolean finite = true;
        for (Trial tr : trials) {
            for (int k = 0; k < s.a1Features.length; k++) {
                if (s.a1Samples < s.a1Features[k]) {
                    excess = Math.max(excess, ridgelessExcess(tr.a1.get(k)));
                }
            }
            excess = Math.max(excess, ridgelessExcess(tr.a1Kernel));
            for (int k = 0; k < s.a2Samples.length; k++) {
                if (s.a2Samples[k] < s.a2Features) {
                    excess = Math.max(excess, ridgelessExcess(tr.a2.get(k)));
                }
                excess = Math.max(excess, ridgelessExcess(tr.a2Kernel.get(k)));
            }
            List<RidgeCurve> all = new ArrayList<>(tr.a1);
            all.addAll(tr.a2);
            all.addAll(tr.a2Kernel);
            all.add(tr.a1Kernel);
            for (RidgeCurve c : all) {
                for (double v : concat(c.train(), c.test())) {
                    finite &= Double.isFinite(v);
                    minMse = Math.min(minMse, v);
                }
            }
        }

        double sweepError = sweepVersusCholesky(task, s, ctx);

        report(s, a1, a2, a1Mean, a1TheoryCurves, a1KernelMean, out);
        return new Findings(a1, a2, excess, minMse, finite, sweepError, maxResidual, rfVsKrr);
    }

    /** Relative gap between the eigen-sweep and a direct Cholesky solve, train and test predictions, all ridges. */
    private static double sweepVersusCholesky(PowerLawTask task, Settings s, RunContext ctx) {
        SyntheticRegression data = SyntheticRegression.draw(task, s.a1Samples, s.testPoints, ctx.random("A/data/trial-0"));
        double[][][] blocks = data.kernelBlocks();
        double[][] labels = SyntheticRegression.column(data.trainLabels());
        RidgePath path = EigenSweep.decompose(blocks[0]).sweep(labels, s.ridges);
        double[][][] train = path.trainPredictions();
        double[][][] test = path.predict(blocks[1]);
        double worst = 0;
        for (int q = 0; q < s.ridges.length; q++) {
            double[][] alpha = CholeskyRidge.coefficients(blocks[0], labels, s.ridges[q]);
            worst = Math.max(worst, relativeGap(train[q], multiply(blocks[0], alpha)));
            worst = Math.max(worst, relativeGap(test[q], multiply(blocks[1], alpha)));
        }
        return worst;
    }

    private static double[] featureTheory(OmniscientRisk.Spectrum spectrum, int n, int features, double[] ridges) {
        double[] curve = new double[ridges.length];
        for (int q = 0; q < ridges.length; q++) {
            curve[q] = OmniscientRisk.randomFeatures(spectrum, n, features, ridges[q]).testMse();
        }
        return curve;
    }

    private static void report(Settings s, Slice a1, Slice a2, List<RidgeCurve> a1Mean, double[][] a1TheoryCurves,
                               RidgeCurve a1KernelMean, Result.Builder out) {
        double[] n1 = toDouble(a1.points);
        double[] n2 = toDouble(a2.points);
        double[] ridgeless1 = new double[n1.length];
        double[] ridgeStar = new double[n1.length];
        double[] ridgeStarTheory = new double[n1.length];
        for (int k = 0; k < n1.length; k++) {
            ridgeless1[k] = a1Mean.get(k).test()[smallest(s.ridges)];
            ridgeStar[k] = a1Mean.get(k).optimum().ridge();
            ridgeStarTheory[k] = s.ridges[argmin(a1TheoryCurves[k])];
            out.metric("a1.optimalTestMse.N" + a1.points[k], a1.empirical[k]);
            out.metric("a1.theoryOptimalTestMse.N" + a1.points[k], a1.theory[k]);
        }
        for (int k = 0; k < n2.length; k++) {
            out.metric("a2.optimalTestMse.n" + a2.points[k], a2.empirical[k]);
            out.metric("a2.theoryOptimalTestMse.n" + a2.points[k], a2.theory[k]);
            out.metric("a2.krrOptimalTestMse.n" + a2.points[k], a2.kernel[k]);
        }
        out.metric("a1.krrOptimalTestMse", a1KernelMean.optimum().test());
        String x1 = "features N";
        String y = "test MSE";
        out.series(new Series("mse-vs-features", "RF, optimal ridge (trial mean ± std)", x1, y, n1, a1.empirical, a1.empiricalStd));
        out.series(Series.of("mse-vs-features", "RF, omniscient risk estimate", x1, y, n1, a1.theory));
        out.series(Series.of("mse-vs-features", "RF, smallest ridge δ = " + fmt(s.ridges[smallest(s.ridges)]), x1, y, n1, ridgeless1));
        out.series(Series.of("mse-vs-features", "KRR (N → ∞), optimal ridge", x1, y, n1, a1.kernel));
        out.series(Series.of("mse-vs-features", "KRR, omniscient risk estimate", x1, y, n1, a1.kernelTheory));
        String x2 = "samples n";
        out.series(new Series("mse-vs-samples", "RF, optimal ridge (trial mean ± std)", x2, y, n2, a2.empirical, a2.empiricalStd));
        out.series(Series.of("mse-vs-samples", "RF, omniscient risk estimate", x2, y, n2, a2.theory));
        out.series(Series.of("mse-vs-samples", "KRR (N → ∞), optimal ridge", x2, y, n2, a2.kernel));
        out.series(Series.of("mse-vs-samples", "KRR, omniscient risk estimate", x2, y, n2, a2.kernelTheory));
        out.series(Series.of("optimal-ridge-vs-features", "empirical δ*", x1, "optimal ridge δ*", n1, ridgeStar));
        out.series(Series.of("optimal-ridge-vs-features", "theory δ*", x1, "optimal ridge δ*", n1, ridgeStarTheory));

        List<String> columns = new ArrayList<>();
        columns.add("N \\ δ");
        for (double r : s.ridges) {
            columns.add(fmt(r));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < n1.length; k++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(a1.points[k]));
            for (double v : a1Mean.get(k).test()) {
                row.add(fmt(v));
            }
            rows.add(row);
        }
        out.table(new Table("mse-heatmap", columns, rows));
        heatmap(s, a1, a1Mean, a1TheoryCurves, out);

        List<List<String>> cells = new ArrayList<>();
        for (int k = 0; k < n1.length; k++) {
            cells.add(List.of("A1", Integer.toString(s.a1Samples), Integer.toString(a1.points[k]), fmt(a1.empirical[k]),
                    fmt(a1.theory[k]), fmt(Math.abs(a1.theory[k] - a1.empirical[k]) / a1.empirical[k])));
        }
        for (int k = 0; k < n2.length; k++) {
            cells.add(List.of("A2", Integer.toString(a2.points[k]), Integer.toString(s.a2Features), fmt(a2.empirical[k]),
                    fmt(a2.theory[k]), fmt(Math.abs(a2.theory[k] - a2.empirical[k]) / a2.empirical[k])));
        }
        out.table(new Table("theory-vs-experiment", List.of("slice", "n", "N", "empirical optimum", "theory optimum", "relative gap"), cells));
    }

    /**
     * Plot (ii): log₁₀ of the trial-mean test MSE over (δ, N), the largest N on top, with the empirical and the
     * theory's optimal ridge of every N drawn over it in cell coordinates.
     */
    private static void heatmap(Settings s, Slice a1, List<RidgeCurve> a1Mean, double[][] a1TheoryCurves, Result.Builder out) {
        int rows = a1.points.length;
        double[][] values = new double[rows][];
        List<String> rowLabels = new ArrayList<>();
        double[] empiricalColumn = new double[rows];
        double[] theoryColumn = new double[rows];
        double[] rowIndex = new double[rows];
        for (int k = 0; k < rows; k++) {
            int r = rows - 1 - k;
            double[] test = a1Mean.get(k).test();
            values[r] = new double[test.length];
            for (int q = 0; q < test.length; q++) {
                values[r][q] = Math.log10(test[q]);
            }
            rowLabels.addFirst(Integer.toString(a1.points[k]));
            rowIndex[k] = r;
            empiricalColumn[k] = argmin(test);
            theoryColumn[k] = argmin(a1TheoryCurves[k]);
        }
        List<String> columns = new ArrayList<>();
        for (double r : s.ridges) {
            columns.add(fmt(r));
        }
        out.heatmap(new Heatmap("mse-heatmap", "log₁₀ test MSE (trial mean), n = " + s.a1Samples, "ridge δ", "features N",
                "log₁₀ test MSE", columns, rowLabels, values));
        out.series(Series.of("mse-heatmap", "empirical optimal ridge δ*", "ridge δ", "features N", empiricalColumn, rowIndex));
        out.series(Series.of("mse-heatmap", "theory optimal ridge δ*", "ridge δ", "features N", theoryColumn, rowIndex));
    }

    private static Slice slice(int[] points, List<RidgeCurve> mean, double[] theory, double[] kernel, double[] kernelTheory) {
        double[] emp = new double[points.length];
        double[] std = new double[points.length];
        for (int k = 0; k < points.length; k++) {
            RidgeCurve.Optimum o = mean.get(k).optimum();
            emp[k] = o.test();
            std[k] = o.testStd();
        }
        return new Slice(points, emp, std, theory, kernel, kernelTheory);
    }

    private static double[] optima(List<RidgeCurve> curves) {
        return curves.stream().mapToDouble(c -> c.optimum().test()).toArray();
    }

    private static double ridgelessExcess(RidgeCurve c) {
        int k = 0;
        for (int q = 1; q < c.ridges().length; q++) {
            if (c.ridges()[q] < c.ridges()[k]) {
                k = q;
            }
        }
        return c.train()[k] - c.test()[k];
    }

    static double relativeGap(double[][] a, double[][] b) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            for (int o = 0; o < a[i].length; o++) {
                diff += (a[i][o] - b[i][o]) * (a[i][o] - b[i][o]);
                norm += b[i][o] * b[i][o];
            }
        }
        return Math.sqrt(diff / norm);
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                double aik = a[i][k];
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }

    static int smallest(double[] values) {
        int k = 0;
        for (int q = 1; q < values.length; q++) {
            if (values[q] < values[k]) {
                k = q;
            }
        }
        return k;
    }

    private static int argmin(double[] values) {
        return smallest(values);
    }

    private static double min(double[] values) {
        return values[argmin(values)];
    }

    private static int max(int[] values) {
        int m = values[0];
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static double[] toDouble(int[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    static String fmt(double v) {
        return org.reprolab.api.ClaimCheck.format(v);
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
