package org.reprolab.method.forestssmoothers;

import org.reprolab.theory.common.SeedSummary;
import static org.reprolab.api.ClaimCheck.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.api.Series;
import org.reprolab.api.Table;
import org.reprolab.method.forestssmoothers.GrowthCurves.Curve;
import org.reprolab.method.forestssmoothers.Measurements.NoiseConfig;

/**
 * The paper's plots as {@link Series} (seed means, error bars = standard deviation over seeds), the
 * per-tree metric curves, and summary tables. Curves over the number of trees come in one panel per
 * leaf budget and bootstrap setting, e.g. plot "eff-params-vs-trees-500-leaves-no-bootstrap".
 */
final class Figures {

    /**
     * The methods section's plots: p̂ vs trees (solid test, dashed train) and test MSE vs trees per leaf budget and
     * bootstrap setting; p̂_test and MSE vs offset (dashed: the single tree of the same mf); the train–test gap; the
     * three decomposition panels; forest vs tree by noise level; df vs mf.
     */
    static final List<PlotSpec> PLOTS = List.of(
            PlotSpec.line("eff-params-vs-trees-*", "Effective parameters p̂ vs trees").dashed("train"),
            PlotSpec.line("mse-vs-trees-*", "Test MSE vs trees"),
            PlotSpec.line("train-test-gap-*", "Gap p̂_train − p̂_test vs trees"),
            PlotSpec.line("eff-params-vs-offset", "Effective parameters p̂_test at shifted test inputs").dashed("single tree"),
            PlotSpec.line("mse-vs-offset", "Test MSE at shifted test inputs").dashed("single tree"),
            PlotSpec.line("decomposition-mse", "Mean test MSE over R forests vs trees (σ = 0)"),
            PlotSpec.line("decomposition-repbias", "RepBias (MSE of the best of R forests) vs trees (σ = 0)"),
            PlotSpec.line("decomposition-modvar", "Model variability vs trees (σ = 0)").logY(),
            PlotSpec.bar("forest-vs-tree-by-noise", "Forest vs single tree: test MSE by outcome noise σ"),
            PlotSpec.line("df-vs-max-features", "Degrees of freedom vs max_features (shallow bootstrap forests)"));

    private static final String TREES = "number of trees b";

    private final Measurements m;
    private final StudyPlan plan;

    private Figures(Measurements m) {
        this.m = m;
        this.plan = m.plan();
    }

    static void addTo(Result.Builder result, RunContext ctx, Measurements m) {
        Figures f = new Figures(m);
        f.smoothingGrid(result, ctx);
        f.offsets(result);
        f.decomposition(result);
        f.noiseLevels(result);
        f.degreesOfFreedom(result);
        f.realData(result);
    }

    private void smoothingGrid(Result.Builder result, RunContext ctx) {
        double[] b = trees(plan.trees());
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<ForestConfig, List<GrowthCurves>> e : m.grid().entrySet()) {
            ForestConfig c = e.getKey();
            List<GrowthCurves> seeds = e.getValue();
            String panel = "-" + c.leaves() + "-leaves-" + (c.bootstrap() ? "bootstrap" : "no-bootstrap");
            String mf = "mf=" + ForestConfig.number(c.maxFeatures());
            List<double[]> test = curves(seeds, Measurements.TEST, Curve::effectiveParameters);
            List<double[]> train = curves(seeds, Measurements.TRAIN, Curve::effectiveParameters);
            List<double[]> mse = curves(seeds, Measurements.TEST, Curve::mse);
            List<double[]> gap = new ArrayList<>();
            for (int k = 0; k < seeds.size(); k++) {
                double[] g = train.get(k).clone();
                for (int t = 0; t < g.length; t++) {
                    g[t] -= test.get(k)[t];
                }
                gap.add(g);
            }
            result.series(series("eff-params-vs-trees" + panel, "test, " + mf, TREES, "effective parameters p̂", b, test));
            result.series(series("eff-params-vs-trees" + panel, "train, " + mf, TREES, "effective parameters p̂", b, train));
            result.series(series("mse-vs-trees" + panel, mf, TREES, "test MSE", b, mse));
            result.series(series("train-test-gap" + panel, mf, TREES, "p̂_train − p̂_test", b, gap));
            double[] meanTest = SeedSummary.columnMeans(test);
            double[] meanTrain = SeedSummary.columnMeans(train);
            double[] meanMse = SeedSummary.columnMeans(mse);
            for (int t = 0; t < b.length; t++) {
                ctx.metric("p_test/" + c.key(), t + 1, meanTest[t]);
                ctx.metric("p_train/" + c.key(), t + 1, meanTrain[t]);
                ctx.metric("mse_test/" + c.key(), t + 1, meanMse[t]);
            }
            double treeTest = Measurements.mean(seeds, Measurements.TEST, Curve::treeEffectiveParameters);
            double treeMse = Measurements.mean(seeds, Measurements.TEST, Curve::treeMse);
            result.metric("p_train/" + c.key(), meanTrain[b.length - 1]);
            result.metric("p_test/" + c.key(), meanTest[b.length - 1]);
            result.metric("mse_test/" + c.key(), meanMse[b.length - 1]);
            result.metric("tree_p_test/" + c.key(), treeTest);
            result.metric("tree_mse_test/" + c.key(), treeMse);
            rows.add(List.of(String.valueOf(c.leaves()), ForestConfig.number(c.maxFeatures()), c.bootstrap() ? "yes" : "no",
                    format(meanTrain[b.length - 1]), format(meanTest[b.length - 1]), format(treeTest),
                    format(meanMse[b.length - 1]), format(treeMse)));
        }
        result.table(new Table("smoothing-grid (σ = " + format(plan.sigma()) + ", B = " + plan.trees() + ", seed means)",
                List.of("leaves", "max_features", "bootstrap", "forest p̂_train", "forest p̂_test", "tree p̂_test",
                        "forest test MSE", "tree test MSE"), rows));
    }

    private void offsets(Result.Builder result) {
        double[] deltas = plan.offsets().stream().mapToDouble(Double::doubleValue).toArray();
        for (Map.Entry<ForestConfig, List<GrowthCurves>> e : m.grid().entrySet()) {
            ForestConfig c = e.getKey();
            if (c.leaves() != plan.deepLeaves() || c.bootstrap()) {
                continue;
            }
            String mf = "mf=" + ForestConfig.number(c.maxFeatures());
            result.series(offsetSeries("eff-params-vs-offset", "forest, " + mf, "effective parameters p̂_test",
                    deltas, e.getValue(), Curve::forestEffectiveParameters));
            result.series(offsetSeries("eff-params-vs-offset", "single tree, " + mf, "effective parameters p̂_test",
                    deltas, e.getValue(), Curve::treeEffectiveParameters));
            result.series(offsetSeries("mse-vs-offset", "forest, " + mf, "test MSE", deltas, e.getValue(), Curve::forestMse));
            result.series(offsetSeries("mse-vs-offset", "single tree, " + mf, "test MSE", deltas, e.getValue(), Curve::treeMse));
            for (double delta : deltas) {
                result.metric("p_test/offset-" + ForestConfig.number(delta) + "/" + c.key(),
                        Measurements.mean(e.getValue(), Measurements.offsetSet(delta), Curve::forestEffectiveParameters));
            }
        }
    }

    private void decomposition(Result.Builder result) {
        double[] b = trees(plan.trees());
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Double, List<ErrorDecomposition>> e : m.decomposition().entrySet()) {
            String mf = "mf=" + ForestConfig.number(e.getKey());
            List<ErrorDecomposition> seeds = e.getValue();
            List<double[]> mse = seeds.stream().map(ErrorDecomposition::meanMse).toList();
            List<double[]> bias = seeds.stream().map(ErrorDecomposition::representationBias).toList();
            List<double[]> variability = seeds.stream().map(ErrorDecomposition::modelVariability).toList();
            result.series(series("decomposition-mse", mf, TREES, "mean test MSE over R forests", b, mse));
            result.series(series("decomposition-repbias", mf, TREES, "RepBias (MSE of the best forest)", b, bias));
            result.series(series("decomposition-modvar", mf, TREES, "ModVar", b, variability));
            double[][] means = {SeedSummary.columnMeans(mse), SeedSummary.columnMeans(bias), SeedSummary.columnMeans(variability)};
            String key = "mf-" + ForestConfig.number(e.getKey());
            result.metric("decomposition/mean_mse/b-1/" + key, means[0][0]);
            result.metric("decomposition/mean_mse/b-" + b.length + "/" + key, means[0][b.length - 1]);
            result.metric("decomposition/repbias/b-1/" + key, means[1][0]);
            result.metric("decomposition/repbias/b-" + b.length + "/" + key, means[1][b.length - 1]);
            result.metric("decomposition/modvar/b-1/" + key, means[2][0]);
            result.metric("decomposition/modvar/b-" + b.length + "/" + key, means[2][b.length - 1]);
            rows.add(List.of(ForestConfig.number(e.getKey()), format(means[0][0]), format(means[0][b.length - 1]),
                    format(means[1][0]), format(means[1][b.length - 1]), format(means[2][0]), format(means[2][b.length - 1])));
        }
        result.table(new Table("error-decomposition (σ = 0, δ = " + format(plan.decompositionOffset()) + ", R = "
                + plan.decompositionForests() + ", seed means)", List.of("max_features", "mean MSE b=1",
                "mean MSE b=" + plan.trees(), "RepBias b=1", "RepBias b=" + plan.trees(), "ModVar b=1",
                "ModVar b=" + plan.trees()), rows));
    }

    private void noiseLevels(Result.Builder result) {
        double[] sigmas = plan.noiseLevels().stream().mapToDouble(Double::doubleValue).toArray();
        for (boolean bootstrap : new boolean[] {false, true}) {
            String setting = bootstrap ? "bootstrap" : "no bootstrap";
            double[][] forest = new double[2][sigmas.length];
            double[][] tree = new double[2][sigmas.length];
            for (int k = 0; k < sigmas.length; k++) {
                List<GrowthCurves> seeds = m.noiseLevels().get(new NoiseConfig(sigmas[k], bootstrap));
                forest[0][k] = Measurements.mean(seeds, Measurements.TEST, Curve::forestMse);
                forest[1][k] = SeedSummary.over(seeds, g -> g.curve(Measurements.TEST).forestMse()).std();
                tree[0][k] = Measurements.mean(seeds, Measurements.TEST, Curve::treeMse);
                tree[1][k] = SeedSummary.over(seeds, g -> g.curve(Measurements.TEST).treeMse()).std();
                String key = "sigma-" + ForestConfig.number(sigmas[k]) + "/" + (bootstrap ? "bootstrap" : "no-bootstrap");
                result.metric("noise/forest_mse/" + key, forest[0][k]);
                result.metric("noise/tree_mse/" + key, tree[0][k]);
            }
            result.series(new Series("forest-vs-tree-by-noise", "forest, " + setting, "noise σ", "test MSE", sigmas, forest[0], forest[1]));
            result.series(new Series("forest-vs-tree-by-noise", "single tree, " + setting, "noise σ", "test MSE", sigmas, tree[0], tree[1]));
        }
    }

    private void degreesOfFreedom(Result.Builder result) {
        if (m.degreesOfFreedom().isEmpty()) {
            return;
        }
        double[] mfs = m.degreesOfFreedom().keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] df = new double[mfs.length];
        double[] dfStd = new double[mfs.length];
        double[] pTrain = new double[mfs.length];
        double[] pTrainStd = new double[mfs.length];
        for (int k = 0; k < mfs.length; k++) {
            List<Double> perSeed = new ArrayList<>();
            for (double v : m.degreesOfFreedom().get(mfs[k])) {
                perSeed.add(v);
            }
            df[k] = SeedSummary.over(perSeed, Double::doubleValue).mean();
            dfStd[k] = SeedSummary.over(perSeed, Double::doubleValue).std();
            List<GrowthCurves> seeds = m.grid(plan.shallowLeaves(), mfs[k], true);
            pTrain[k] = Measurements.mean(seeds, Measurements.TRAIN, Curve::forestEffectiveParameters);
            pTrainStd[k] = SeedSummary.over(seeds, g -> g.curve(Measurements.TRAIN).forestEffectiveParameters()).std();
            result.metric("df/" + plan.shallowLeaves() + "-leaves/mf-" + ForestConfig.number(mfs[k]) + "/bootstrap", df[k]);
        }
        result.series(new Series("df-vs-max-features", "resampling df (Mentch & Zhou)", "max_features",
                "degrees of freedom", mfs, df, dfStd));
        result.series(new Series("df-vs-max-features", "p̂_train", "max_features", "degrees of freedom", mfs, pTrain, pTrainStd));
    }

    private void realData(Result.Builder result) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<GrowthCurves>> e : m.realData().entrySet()) {
            Measurements.RealDataSummary r = Measurements.RealDataSummary.of(e.getValue());
            result.metric("real/" + e.getKey() + "/forest_p_test", r.forestP());
            result.metric("real/" + e.getKey() + "/tree_p_test", r.treeP());
            result.metric("real/" + e.getKey() + "/forest_mse", r.forestMse());
            result.metric("real/" + e.getKey() + "/tree_mse", r.treeMse());
            rows.add(List.of(e.getKey(), format(r.treeP()), format(r.forestP()), format(r.treeMse()), format(r.forestMse())));
        }
        result.table(new Table("real-data (50/50 splits, leaves = n_train, mf " + format(plan.realMaxFeatures())
                + ", no bootstrap, means over " + plan.realSplits() + " splits)",
                List.of("dataset", "tree p̂_test", "forest p̂_test", "tree test MSE", "forest test MSE"), rows));
    }

    private Series offsetSeries(String plot, String name, String yLabel, double[] deltas, List<GrowthCurves> seeds,
                                ToDoubleFunction<Curve> value) {
        double[] y = new double[deltas.length];
        double[] err = new double[deltas.length];
        for (int k = 0; k < deltas.length; k++) {
            String set = Measurements.offsetSet(deltas[k]);
            y[k] = Measurements.mean(seeds, set, value);
            err[k] = SeedSummary.over(seeds, g -> value.applyAsDouble(g.curve(set))).std();
        }
        return new Series(plot, name, "test-input offset δ", yLabel, deltas, y, err);
    }

    private static Series series(String plot, String name, String xLabel, String yLabel, double[] x, List<double[]> perSeed) {
        return new Series(plot, name, xLabel, yLabel, x, SeedSummary.columnMeans(perSeed), SeedSummary.columnStds(perSeed));
    }

    private static List<double[]> curves(List<GrowthCurves> seeds, String set, Function<Curve, double[]> curve) {
        return seeds.stream().map(g -> curve.apply(g.curve(set))).toList();
    }

    private static double[] trees(int count) {
        double[] b = new double[count];
        for (int t = 0; t < count; t++) {
            b[t] = t + 1;
        }
        return b;
    }
}
