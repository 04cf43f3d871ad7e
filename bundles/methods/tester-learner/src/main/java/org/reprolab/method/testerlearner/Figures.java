package org.reprolab.method.testerlearner;

import static org.reprolab.api.ClaimCheck.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.api.Table;
import org.reprolab.theory.common.SeedSummary;

/**
 * The specification's plots as {@link Series}, the per-distribution metrics and two tables. Distributions are
 * numbered 1, 2, … in the study's order on the x axis of the bar and scatter plots; the axis label names them by
 * code (GM = G-Massart with its η_max, GA = G-agnostic, UC = U-cube, TC = two-clusters, TB = thinned-band).
 */
final class Figures {

    static final List<PlotSpec> PLOTS = List.of(
            PlotSpec.bar("acceptance-rate", "Acceptance rate per distribution: tester T1–T5 vs label-oblivious tester"),
            PlotSpec.scatter("excess-error", "Excess error err − opt of accepted and rejected runs (certificate: ≤ 0.02)"),
            PlotSpec.line("angle-vs-step", "Angle between the PSGD iterate and w* (mean over runs)").logY(),
            PlotSpec.line("band-mass-ratio", "Band mass along the learned w relative to the Gaussian's, P̂/P_Gauss")
                    .logX().dashed("Gaussian"));

    /** Accepted runs are drawn this far left of their distribution's x, rejected ones this far right. */
    private static final double SCATTER_OFFSET = 0.12;

    private final Map<Setting, List<Trial.Outcome>> outcomes;
    private final List<Setting> settings;
    private final String distributionAxis;

    private Figures(Map<Setting, List<Trial.Outcome>> outcomes) {
        this.outcomes = outcomes;
        this.settings = List.copyOf(outcomes.keySet());
        List<String> names = new ArrayList<>();
        for (int k = 0; k < settings.size(); k++) {
            names.add((k + 1) + " " + settings.get(k).shortLabel());
        }
        this.distributionAxis = "distribution (" + String.join(", ", names) + ")";
    }

    static void addTo(Result.Builder result, Map<Setting, List<Trial.Outcome>> outcomes) {
        Figures f = new Figures(outcomes);
        f.acceptance(result);
        f.excessError(result);
        f.angles(result);
        f.bandMasses(result);
        f.metrics(result);
        f.tables(result);
    }

    private void acceptance(Result.Builder result) {
        double[] x = positions();
        result.series(Series.of("acceptance-rate", "tester T1–T5", distributionAxis, "acceptance rate", x,
                perSetting(runs -> share(runs, Trial.Outcome::accepted))));
        result.series(Series.of("acceptance-rate", "label-oblivious tester", distributionAxis, "acceptance rate", x,
                perSetting(runs -> share(runs, o -> o.labelOblivious().accepted()))));
    }

    private void excessError(Result.Builder result) {
        for (boolean accepted : new boolean[] {true, false}) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int k = 0; k < settings.size(); k++) {
                for (Trial.Outcome o : outcomes.get(settings.get(k))) {
                    if (o.accepted() == accepted) {
                        x.add(k + 1 + (accepted ? -SCATTER_OFFSET : SCATTER_OFFSET));
                        y.add(o.excessError());
                    }
                }
            }
            result.series(Series.of("excess-error", accepted ? "accepted" : "rejected", distributionAxis, "err − opt",
                    unbox(x), unbox(y)));
        }
    }

    private void angles(Result.Builder result) {
        for (Setting s : settings) {
            List<double[]> traces = outcomes.get(s).stream().map(Trial.Outcome::angleTrace).toList();
            // no error bars: mean − std reaches below zero in the first steps and would stretch the log axis
            result.series(Series.of("angle-vs-step", s.label(), "PSGD step (chosen restart)", "angle(w, w*) in degrees",
                    outcomes.get(s).get(0).traceSteps(), SeedSummary.columnMeans(traces)));
        }
    }

    private void bandMasses(Result.Builder result) {
        for (Setting s : settings) {
            List<double[]> ratios = outcomes.get(s).stream().map(Trial.Outcome::bandMassRatios).toList();
            result.series(new Series("band-mass-ratio", s.label(), "band half-width s", "P̂(|⟨w,x⟩| ≤ s) / P(|Z| ≤ s)",
                    Trial.PLOT_WIDTHS, SeedSummary.columnMeans(ratios), SeedSummary.columnStds(ratios)));
        }
        double[] one = new double[Trial.PLOT_WIDTHS.length];
        Arrays.fill(one, 1);
        result.series(Series.of("band-mass-ratio", "Gaussian", "band half-width s", "P̂(|⟨w,x⟩| ≤ s) / P(|Z| ≤ s)",
                Trial.PLOT_WIDTHS, one));
    }

    private void metrics(Result.Builder result) {
        for (Setting s : settings) {
            List<Trial.Outcome> runs = outcomes.get(s);
            String id = s.id();
            result.metric("acceptance/" + id, share(runs, Trial.Outcome::accepted));
            result.metric("baseline_acceptance/" + id, share(runs, o -> o.labelOblivious().accepted()));
            result.metric("test_error/" + id, mean(runs, Trial.Outcome::testError));
            result.metric("opt/" + id, mean(runs, o -> o.opt().error()));
            result.metric("target_error/" + id, mean(runs, o -> o.opt().targetError()));
            result.metric("excess_error/" + id, mean(runs, Trial.Outcome::excessError));
            result.metric("angle_to_target_degrees/" + id, mean(runs, Trial.Outcome::finalAngleDegrees));
            result.metric("stationarity/" + id, mean(runs, o -> statistic(o, "T5")));
        }
    }

    private void tables(Result.Builder result) {
        List<List<String>> summary = new ArrayList<>();
        List<List<String>> perRun = new ArrayList<>();
        for (Setting s : settings) {
            List<Trial.Outcome> runs = outcomes.get(s);
            List<Trial.Outcome> accepted = runs.stream().filter(Trial.Outcome::accepted).toList();
            List<Trial.Outcome> rejected = runs.stream().filter(o -> !o.accepted()).toList();
            summary.add(List.of(s.label(), count(accepted, runs), count(runs.stream().filter(o -> o.labelOblivious().accepted()).toList(), runs),
                    format(mean(runs, Trial.Outcome::testError)), format(mean(runs, o -> o.opt().error())),
                    format(mean(runs, o -> o.opt().targetError())), excessSummary(accepted), excessSummary(rejected)));
            for (Trial.Outcome o : runs) {
                perRun.add(List.of(s.label(), Integer.toString(o.run()), o.accepted() ? "accept" : "reject",
                        o.tester().failedTests(), o.labelOblivious().accepted() ? "accept" : "reject",
                        format(o.testError()), format(o.opt().error()), format(o.excessError()),
                        format(o.finalAngleDegrees()), format(statistic(o, "T1")), format(statistic(o, "T2")),
                        format(statistic(o, "T5"))));
            }
        }
        result.table(new Table("summary by distribution", List.of("distribution", "accepted", "label-oblivious accepted",
                "test error", "opt", "error of w*", "err − opt accepted (mean, max)", "err − opt rejected (mean, max)"), summary));
        result.table(new Table("runs", List.of("distribution", "run", "tester", "failed tests", "label-oblivious",
                "test error", "opt", "err − opt", "angle to w* (°)", "T1 ‖Σ̂ − I‖", "T2 |E⟨w,x⟩⁴ − 3|", "T5 ‖∇L_σ‖"), perRun));
    }

    private double[] positions() {
        double[] x = new double[settings.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = k + 1;
        }
        return x;
    }

    private double[] perSetting(ToDoubleFunction<List<Trial.Outcome>> value) {
        return settings.stream().mapToDouble(s -> value.applyAsDouble(outcomes.get(s))).toArray();
    }

    private static double share(List<Trial.Outcome> runs, Predicate<Trial.Outcome> p) {
        return runs.stream().filter(p).count() / (double) runs.size();
    }

    private static double mean(List<Trial.Outcome> runs, ToDoubleFunction<Trial.Outcome> value) {
        return SeedSummary.over(runs, value).mean();
    }

    /** The statistic of a single-check test (T1, T2, T5). */
    private static double statistic(Trial.Outcome o, String test) {
        return o.tester().checks().stream().filter(c -> c.test().equals(test)).findFirst().orElseThrow().statistic();
    }

    private static String count(List<Trial.Outcome> part, List<Trial.Outcome> all) {
        return part.size() + "/" + all.size();
    }

    private static String excessSummary(List<Trial.Outcome> runs) {
        if (runs.isEmpty()) {
            return "–";
        }
        return format(mean(runs, Trial.Outcome::excessError)) + ", "
                + format(runs.stream().mapToDouble(Trial.Outcome::excessError).max().orElseThrow());
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
