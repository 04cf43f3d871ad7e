package org.reprolab.method.snnk;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.api.Series;
import org.reprolab.api.Table;
import org.reprolab.theory.common.Parallel;

/**
 * Experiment A: pointwise kernel estimation. For each function, random (x, w) pairs are estimated with fresh
 * feature draws at every m; the estimates' bias, mean squared error and its decay with m are measured against
 * the exact values.
 */
final class PointwiseEstimation {

    /** Norms of x and w are drawn uniformly from [MIN_NORM, maxNorm]. */
    static final double MIN_NORM = 0.2;
    static final double MAX_INPUT_NORM = 0.7;

    record Settings(int dim, int pairs, int[] features, int draws, int unbiasedAt, boolean orthogonal, int checkFeatures) {
    }

    /** What one function's estimators did. */
    record FunctionResult(KernelFunction function, int[] features, double[] mse, double[] relativeMse, double slope,
                          double withinThreeStandardErrors, double[][] scatterExact, double[][] scatterEstimate,
                          int[] scatterFeatures) {
    }

    record Findings(List<FunctionResult> functions, double minPositiveFeature, double expLargeMRelativeError) {
    }

    private PointwiseEstimation() {
    }

    static Findings run(Settings s, RunContext ctx, ProgressCounter progress, Result.Builder out) {
        List<FunctionResult> results = new ArrayList<>();
        for (KernelFunction f : KernelFunction.values()) {
            results.add(study(f, s, ctx, progress));
        }
        double minPositive = minPositiveFeature(s, ctx);
        double largeM = expAtLargeM(s, ctx);
        report(s, results, out);
        return new Findings(results, minPositive, largeM);
    }

    /** Random pairs with norms uniform in [0.2, 0.7] (‖w‖ capped by the function's norm constraint), directions uniform. */
    static double[][][] pairs(KernelFunction f, int count, int dim, RandomGenerator rng) {
        double[][][] out = new double[count][][];
        for (int p = 0; p < count; p++) {
            out[p] = new double[][] {randomVector(dim, MIN_NORM, MAX_INPUT_NORM, rng), randomVector(dim, MIN_NORM, f.maxWeightNorm(), rng)};
        }
        return out;
    }

    private static double[] randomVector(int dim, double minNorm, double maxNorm, RandomGenerator rng) {
        double[] v = new double[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = rng.nextGaussian();
            norm += v[i] * v[i];
        }
        double target = minNorm + (maxNorm - minNorm) * rng.nextDouble();
        double scale = target / Math.sqrt(norm);
        for (int i = 0; i < dim; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static FunctionResult study(KernelFunction f, Settings s, RunContext ctx, ProgressCounter progress) {
        double[][][] pairs = pairs(f, s.pairs(), s.dim(), ctx.random("A/pairs/" + f.label()));
        double[] exact = new double[pairs.length];
        double exactSquares = 0;
        for (int p = 0; p < pairs.length; p++) {
            exact[p] = f.exact(pairs[p][0], pairs[p][1]);
            exactSquares += exact[p] * exact[p] / pairs.length;
        }
        int[] ms = s.features();
        double[] mse = new double[ms.length];
        double[] relative = new double[ms.length];
        double within = Double.NaN;
        List<Integer> scatterAt = scatterFeatures(ms);
        double[][] scatterEstimate = new double[scatterAt.size()][];
        for (int k = 0; k < ms.length; k++) {
            int m = ms[k];
            ctx.checkCancelled();
            List<double[]> estimates = Parallel.map(s.draws(), t -> {
                KernelFunction.Draw draw = f.draw(m, s.dim(), s.orthogonal(), ctx.random("A/" + f.label() + "/m-" + m + "/draw-" + t));
                double[] e = new double[pairs.length];
                for (int p = 0; p < pairs.length; p++) {
                    e[p] = draw.estimate(pairs[p][0], pairs[p][1]);
                }
                return e;
            });
            double sum = 0;
            for (double[] e : estimates) {
                for (int p = 0; p < pairs.length; p++) {
                    sum += (e[p] - exact[p]) * (e[p] - exact[p]);
                }
            }
            mse[k] = sum / ((double) pairs.length * estimates.size());
            relative[k] = mse[k] / exactSquares;
            if (m == s.unbiasedAt()) {
                within = fractionWithinThreeStandardErrors(estimates, exact);
            }
            int slot = scatterAt.indexOf(m);
            if (slot >= 0) {
                scatterEstimate[slot] = estimates.get(0);
            }
            progress.tick("A: " + f.label() + ", m = " + m);
        }
        double[][] scatterExact = new double[scatterAt.size()][];
        java.util.Arrays.fill(scatterExact, exact);
        return new FunctionResult(f, ms, mse, relative, logLogSlope(ms, mse), within, scatterExact, scatterEstimate,
                scatterAt.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The scatter plot's feature counts: 64 and 4096 when swept (the paper's), else the smallest and largest m. */
    private static List<Integer> scatterFeatures(int[] ms) {
        List<Integer> swept = java.util.Arrays.stream(ms).boxed().toList();
        if (swept.contains(64) && swept.contains(4096)) {
            return List.of(64, 4096);
        }
        return List.of(ms[0], ms[ms.length - 1]).stream().distinct().toList();
    }

    /** The fraction of pairs whose mean estimate over the draws is within 3 standard errors of the exact value. */
    static double fractionWithinThreeStandardErrors(List<double[]> estimates, double[] exact) {
        int draws = estimates.size();
        int inside = 0;
        for (int p = 0; p < exact.length; p++) {
            double mean = 0;
            for (double[] e : estimates) {
                mean += e[p] / draws;
            }
            double squares = 0;
            for (double[] e : estimates) {
                squares += (e[p] - mean) * (e[p] - mean);
            }
            double standardError = Math.sqrt(squares / (draws - 1) / draws);
            if (Math.abs(mean - exact[p]) <= 3 * standardError) {
                inside++;
            }
        }
        return inside / (double) exact.length;
    }

    /** The least-squares slope of log y against log x. */
    static double logLogSlope(int[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(x[i]) / n;
            my += Math.log(y[i]) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(y[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    /** The smallest positive random feature seen over a draw at the largest m on the PRF-exp pairs (must be > 0). */
    private static double minPositiveFeature(Settings s, RunContext ctx) {
        int m = s.features()[s.features().length - 1];
        KernelFunction.Draw draw = KernelFunction.EXP.draw(m, s.dim(), s.orthogonal(), ctx.random("A/check/positivity"));
        double min = Double.POSITIVE_INFINITY;
        for (double[][] pair : pairs(KernelFunction.EXP, s.pairs(), s.dim(), ctx.random("A/pairs/exp"))) {
            for (double[] v : List.of(draw.inputFeatures(pair[0]), draw.weightFeatures(pair[1]))) {
                for (double phi : v) {
                    min = Math.min(min, phi);
                }
            }
        }
        return min;
    }

    /** max over the exp pairs of |Ψ(w)ᵀΦ(x) − e^{wᵀx}| / e^{wᵀx} for one draw of {@code checkFeatures} features. */
    private static double expAtLargeM(Settings s, RunContext ctx) {
        KernelFunction.Draw draw = KernelFunction.EXP.draw(s.checkFeatures(), s.dim(), s.orthogonal(), ctx.random("A/check/large-m"));
        double worst = 0;
        for (double[][] pair : pairs(KernelFunction.EXP, s.pairs(), s.dim(), ctx.random("A/pairs/exp"))) {
            double exact = KernelFunction.EXP.exact(pair[0], pair[1]);
            worst = Math.max(worst, Math.abs(draw.estimate(pair[0], pair[1]) - exact) / exact);
        }
        return worst;
    }

    private static void report(Settings s, List<FunctionResult> results, Result.Builder out) {
        double[] xs = java.util.Arrays.stream(s.features()).asDoubleStream().toArray();
        List<List<String>> rows = new ArrayList<>();
        for (FunctionResult r : results) {
            String name = r.function().label();
            out.series(Series.of("relative-mse-vs-features", name, "random features m", "relative MSE", xs, r.relativeMse()));
            out.metric("a." + name + ".slope", r.slope());
            out.metric("a." + name + ".withinThreeSe", r.withinThreeStandardErrors());
            for (int k = 0; k < xs.length; k++) {
                out.metric("a." + name + ".mse.m" + s.features()[k], r.mse()[k]);
            }
            for (int k = 0; k < r.scatterFeatures().length; k++) {
                out.series(Series.of("estimate-vs-exact-m" + r.scatterFeatures()[k], name, "exact value", "estimate (one draw)",
                        r.scatterExact()[k], r.scatterEstimate()[k]));
            }
            rows.add(List.of(name, fmt(r.slope()), fmt(r.withinThreeStandardErrors()), fmt(r.mse()[0]), fmt(r.mse()[r.mse().length - 1])));
        }
        double first = results.stream().mapToDouble(r -> r.relativeMse()[0]).max().orElseThrow();
        double[] guide = new double[xs.length];
        for (int k = 0; k < xs.length; k++) {
            guide[k] = first * xs[0] / xs[k];
        }
        out.series(Series.of("relative-mse-vs-features", "slope −1 guide", "random features m", "relative MSE", xs, guide));
        out.table(new Table("pointwise-estimation", List.of("function", "slope of log MSE vs log m",
                "fraction within 3 SE at m = " + s.unbiasedAt(), "MSE at m = " + s.features()[0],
                "MSE at m = " + s.features()[s.features().length - 1]), rows));
    }

    private static String fmt(double v) {
        return org.reprolab.api.ClaimCheck.format(v);
    }
}
