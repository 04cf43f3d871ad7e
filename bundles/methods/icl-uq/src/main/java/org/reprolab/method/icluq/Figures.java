package org.reprolab.method.icluq;

import static org.reprolab.api.ClaimCheck.format;
import static org.reprolab.method.icluq.PositionMetrics.average;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.api.Table;

/** The methods section's figures as {@link Series}, the per-set summary table, and the headline metrics. */
final class Figures {

    /**
     * NLL, MSE, calibration ratio and coverage vs position in distribution; predicted σ̂ vs true σ; calibration
     * under each noise shift; length-shift MSE (training length marked); covariate-shift excess; training curves.
     */
    static final List<PlotSpec> PLOTS = List.of(
            PlotSpec.line("nll-vs-position", "Gaussian NLL vs position (in distribution)"),
            PlotSpec.line("mse-vs-position", "MSE of μ vs position (in distribution)").logY(),
            PlotSpec.line("calibration-vs-position", "Calibration ratio mean((y − μ)²/v) vs position (in distribution)"),
            PlotSpec.line("coverage-vs-position", "90 % interval coverage vs position (in distribution)"),
            PlotSpec.line("sigma-hat-vs-true-sigma", "Predictive σ̂ = √v at the last position vs true σ").logLog(),
            PlotSpec.line("noise-shift-calibration-*", "Calibration ratio vs position under noise shift"),
            PlotSpec.line("length-shift-mse", "Length shift: MSE vs position").logY().marked("training length"),
            PlotSpec.line("covariate-shift-excess", "Covariate shift x ~ N(0, 4I): excess MSE/MSE_Bayes − 1 vs position"),
            PlotSpec.line("training-nll", "Training loss ½·log v + (y − μ)²/(2v) vs step"));

    private static final String POSITION = "position t (context pairs seen)";

    private Figures() {
    }

    static void addTo(Result.Builder result, Measurements m) {
        Map<String, PositionMetrics> in = m.set(Evaluations.IN_DISTRIBUTION);
        positionCurves(result, "nll-vs-position", "Gaussian NLL (nats)", in, PositionMetrics::nll);
        positionCurves(result, "mse-vs-position", "MSE", in, PositionMetrics::mse);
        positionCurves(result, "calibration-vs-position", "mean (y − μ)²/v", in, PositionMetrics::calibration);
        positionCurves(result, "coverage-vs-position", "coverage of the 90 % interval", in, PositionMetrics::coverage);
        for (double sigma : m.plan().noiseShiftSigmas()) {
            positionCurves(result, "noise-shift-calibration-sigma-" + sigma, "mean (y − μ)²/v at σ_test = " + sigma,
                    m.set(Evaluations.noiseShift(sigma)), PositionMetrics::calibration);
        }
        sigmaHat(result, m);
        lengthShift(result, m);
        covariateShift(result, m);
        trainingCurves(result, m);
        summary(result, m);
    }

    private static void positionCurves(Result.Builder result, String plot, String yLabel, Map<String, PositionMetrics> set,
                                       Function<PositionMetrics, double[]> metric) {
        for (Map.Entry<String, PositionMetrics> e : set.entrySet()) {
            double[] y = metric.apply(e.getValue());
            result.series(Series.of(plot, Evaluations.LABELS.get(e.getKey()), POSITION, yLabel, positions(y.length), y));
        }
    }

    /**
     * σ̂ = mean √v at the last position against the true σ, and as a metric the log-log slope of σ̂ over the
     * training levels: ≈ 1 for a predictor that infers σ from its context, 0 for one whose variance ignores it.
     */
    private static void sigmaHat(Result.Builder result, Measurements m) {
        Map<Double, Map<String, PositionMetrics>> bySigma = m.scores().bySigma();
        double[] sigmas = bySigma.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        for (String predictor : Evaluations.LABELS.keySet()) {
            double[] hat = new double[sigmas.length];
            List<double[]> trainingLevels = new ArrayList<>();
            for (int k = 0; k < sigmas.length; k++) {
                double[] std = bySigma.get(sigmas[k]).get(predictor).predictiveStd();
                hat[k] = std[std.length - 1];
                if (m.plan().trainingSigmas().contains(sigmas[k])) {
                    trainingLevels.add(new double[] {Math.log(sigmas[k]), Math.log(hat[k])});
                }
            }
            result.series(Series.of("sigma-hat-vs-true-sigma", Evaluations.LABELS.get(predictor), "true noise σ",
                    "√v at t = T − 1", sigmas, hat));
            result.metric("sigma_hat_log_slope/" + predictor, slope(trainingLevels));
        }
        result.series(Series.of("sigma-hat-vs-true-sigma", "σ̂ = σ", "true noise σ", "√v at t = T − 1", sigmas, sigmas));
    }

    private static void lengthShift(Result.Builder result, Measurements m) {
        Map<String, PositionMetrics> set = m.set(Evaluations.LENGTH_SHIFT);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (String predictor : List.of(Evaluations.NOPE, Evaluations.PE, Evaluations.BAYES)) {
            double[] mse = set.get(predictor).mse();
            result.series(Series.of("length-shift-mse", Evaluations.LABELS.get(predictor), POSITION, "MSE",
                    positions(mse.length), mse));
            for (double v : mse) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double edge = m.plan().pairs() - 0.5;
        result.series(Series.of("length-shift-mse", "training length T = " + m.plan().pairs(), POSITION, "MSE",
                new double[] {edge, edge}, new double[] {lo, hi}));
    }

    private static void covariateShift(Result.Builder result, Measurements m) {
        for (String model : List.of(Evaluations.NOPE, Evaluations.PE, Evaluations.META)) {
            double[] excess = PaperClaims.excessCurve(m, model);
            result.series(Series.of("covariate-shift-excess", Evaluations.LABELS.get(model), POSITION,
                    "MSE/MSE_Bayes − 1", positions(excess.length), excess));
        }
    }

    /** Training curves averaged over blocks of steps, at most 250 points each. */
    private static void trainingCurves(Result.Builder result, Measurements m) {
        for (Map.Entry<String, double[]> e : m.trainingLoss().entrySet()) {
            double[] loss = e.getValue();
            int block = Math.max(1, (loss.length + 249) / 250);
            int points = (loss.length + block - 1) / block;
            double[] x = new double[points];
            double[] y = new double[points];
            for (int p = 0; p < points; p++) {
                int end = Math.min(loss.length, (p + 1) * block);
                x[p] = end;
                y[p] = average(loss, p * block, end);
            }
            result.series(Series.of("training-nll", Evaluations.LABELS.get(e.getKey()), "step", "training loss", x, y));
        }
    }

    /** One row per (set, predictor): NLL over all positions and t ≤ 3, MSE, calibration and coverage over t ≥ 4. */
    private static void summary(Result.Builder result, Measurements m) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, PositionMetrics>> set : m.scores().bySet().entrySet()) {
            for (Map.Entry<String, PositionMetrics> p : set.getValue().entrySet()) {
                PositionMetrics s = p.getValue();
                int t = s.nll().length;
                int late = Math.min(4, t - 1);
                double nll = average(s.nll(), 0, t);
                double early = average(s.nll(), 0, Math.min(4, t));
                double mse = average(s.mse(), late, t);
                double calibration = average(s.calibration(), late, t);
                double coverage = average(s.coverage(), late, t);
                String key = set.getKey() + "/" + p.getKey();
                result.metric("nll/" + key, nll);
                result.metric("nll_t0-3/" + key, early);
                result.metric("mse_t4+/" + key, mse);
                result.metric("calibration_t4+/" + key, calibration);
                result.metric("coverage_t4+/" + key, coverage);
                rows.add(List.of(set.getKey(), Evaluations.LABELS.get(p.getKey()), format(nll), format(early), format(mse),
                        format(calibration), format(coverage)));
            }
        }
        result.table(new Table("evaluation summary (" + m.plan().evalPrompts() + " prompts per set)", List.of("set",
                "predictor", "NLL (all t)", "NLL (t ≤ 3)", "MSE (t ≥ 4)", "calibration (t ≥ 4)", "coverage (t ≥ 4)"), rows));
    }

    /** Least-squares slope of y on x over (x, y) points; NaN for fewer than two distinct x. */
    private static double slope(List<double[]> points) {
        double mx = 0;
        double my = 0;
        for (double[] p : points) {
            mx += p[0] / points.size();
            my += p[1] / points.size();
        }
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxx > 0 ? sxy / sxx : Double.NaN;
    }

    private static double[] positions(int n) {
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = t;
        }
        return x;
    }
}
