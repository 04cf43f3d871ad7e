package org.reprolab.method.forestssmoothers;

import org.reprolab.theory.common.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.reprolab.api.RunContext;
import org.reprolab.data.Tabular;
import org.reprolab.data.TabularDataset;
import org.reprolab.method.forestssmoothers.GrowthCurves.EvaluationSet;
import org.reprolab.method.forestssmoothers.Measurements.NoiseConfig;

/**
 * The paper's experiments, each a batch of independent forests grown in parallel. Every forest draws from
 * its own named stream of the run's seed ("forest/500-leaves/mf-0.6/no-bootstrap/seed-3", …), created on
 * the run's thread before the batch starts; data seed k is the stream "data/seed-k" of the run's seed, so
 * different run seeds are different replications.
 */
final class SmoothingStudies {

    private final RunContext ctx;
    private final StudyPlan plan;
    private final TreeProgress progress;

    SmoothingStudies(RunContext ctx, StudyPlan plan, TreeProgress progress) {
        this.ctx = ctx;
        this.plan = plan;
        this.progress = progress;
    }

    /** The MARS-additive data of every data seed (inputs, fresh test inputs, shifts, standard normal noise). */
    List<MarsAdditive.Sample> marsData() {
        List<MarsAdditive.Sample> samples = new ArrayList<>();
        for (int k = 0; k < plan.seedsToDraw(); k++) {
            samples.add(MarsAdditive.draw(plan.n(), ctx.random("data/seed-" + k)));
        }
        return samples;
    }

    /**
     * Forests vs trees as smoothers: every leaf budget × max_features × bootstrap at σ = plan.sigma, tracked
     * on training inputs and fresh test inputs as trees are added; the interpolating forests without
     * bootstrap are also evaluated on inputs shifted by U(−δ, δ)^5 (test-time adaptivity).
     */
    Map<ForestConfig, List<GrowthCurves>> smoothingGrid(List<MarsAdditive.Sample> data) {
        progress.stage("smoothing grid");
        List<ForestConfig> configs = new ArrayList<>();
        for (int leaves : plan.leaves()) {
            for (boolean bootstrap : new boolean[] {false, true}) {
                for (double mf : plan.maxFeatures()) {
                    configs.add(new ForestConfig(leaves, mf, bootstrap));
                }
            }
        }
        List<Supplier<GrowthCurves>> tasks = new ArrayList<>();
        for (ForestConfig config : configs) {
            boolean shifted = config.leaves() == plan.deepLeaves() && !config.bootstrap();
            for (int k = 0; k < plan.dataSeeds(); k++) {
                MarsAdditive.Sample sample = data.get(k);
                RandomGenerator rng = ctx.random("forest/" + config.key() + "/seed-" + k);
                tasks.add(() -> {
                    TrainingSet train = TrainingSet.of(sample.trainInputs(), sample.trainOutcomes(plan.sigma()));
                    List<EvaluationSet> sets = new ArrayList<>(List.of(
                            new EvaluationSet(Measurements.TRAIN, train.x(), train.y()),
                            new EvaluationSet(Measurements.TEST, sample.testInputs(), sample.testOutcomes(plan.sigma()))));
                    if (shifted) {
                        for (double delta : plan.offsets()) {
                            sets.add(new EvaluationSet(Measurements.offsetSet(delta), sample.shiftedInputs(delta),
                                    sample.shiftedOutcomes(delta, plan.sigma())));
                        }
                    }
                    RandomForest forest = RandomForest.fit(train, config.settings(plan.trees()), rng, progress::treeDone);
                    return GrowthCurves.track(forest, train.y(), sets);
                });
            }
        }
        return groupBySeed(configs, Parallel.run(tasks), plan.dataSeeds());
    }

    /**
     * Forests vs trees at each outcome noise level (mf = plan.noiseMaxFeatures, interpolating leaf budget),
     * on the same inputs and standardised noise draws for every σ.
     */
    Map<NoiseConfig, List<GrowthCurves>> noiseLevels(List<MarsAdditive.Sample> data) {
        progress.stage("noise levels");
        List<NoiseConfig> configs = new ArrayList<>();
        for (double sigma : plan.noiseLevels()) {
            for (boolean bootstrap : new boolean[] {false, true}) {
                configs.add(new NoiseConfig(sigma, bootstrap));
            }
        }
        List<Supplier<GrowthCurves>> tasks = new ArrayList<>();
        for (NoiseConfig config : configs) {
            ForestConfig forestConfig = new ForestConfig(plan.deepLeaves(), plan.noiseMaxFeatures(), config.bootstrap());
            for (int k = 0; k < plan.dataSeeds(); k++) {
                MarsAdditive.Sample sample = data.get(k);
                RandomGenerator rng = ctx.random("noise/sigma-" + ForestConfig.number(config.sigma()) + "/"
                        + forestConfig.key() + "/seed-" + k);
                tasks.add(() -> {
                    TrainingSet train = TrainingSet.of(sample.trainInputs(), sample.trainOutcomes(config.sigma()));
                    RandomForest forest = RandomForest.fit(train, forestConfig.settings(plan.trees()), rng, progress::treeDone);
                    return GrowthCurves.track(forest, train.y(), List.of(new EvaluationSet(Measurements.TEST,
                            sample.testInputs(), sample.testOutcomes(config.sigma()))));
                });
            }
        }
        return groupBySeed(configs, Parallel.run(tasks), plan.dataSeeds());
    }

    /**
     * RepBias / ModVar: on ONE fixed noiseless training set per data seed, R forests that differ only in
     * their random streams, scored on inputs shifted by plan.decompositionOffset against f itself.
     */
    Map<Double, List<ErrorDecomposition>> errorDecomposition(List<MarsAdditive.Sample> data) {
        progress.stage("error decomposition");
        int forests = plan.decompositionForests();
        List<Supplier<double[][]>> tasks = new ArrayList<>();
        for (double mf : plan.maxFeatures()) {
            ForestConfig config = new ForestConfig(plan.deepLeaves(), mf, plan.decompositionBootstrap());
            for (int k = 0; k < plan.decompositionSeeds(); k++) {
                MarsAdditive.Sample sample = data.get(k);
                for (int r = 0; r < forests; r++) {
                    RandomGenerator rng = ctx.random("decomposition/" + config.key() + "/seed-" + k + "/forest-" + r);
                    tasks.add(() -> {
                        TrainingSet train = TrainingSet.of(sample.trainInputs(), sample.trainOutcomes(0));
                        RandomForest forest = RandomForest.fit(train, config.settings(plan.trees()), rng, progress::treeDone);
                        double[][] test = sample.shiftedInputs(plan.decompositionOffset());
                        double[][] predictions = new double[plan.trees()][];
                        for (int t = 0; t < plan.trees(); t++) {
                            RegressionTree tree = forest.trees().get(t);
                            predictions[t] = new double[test.length];
                            for (int j = 0; j < test.length; j++) {
                                predictions[t][j] = tree.predict(test[j]);
                            }
                        }
                        return predictions;
                    });
                }
            }
        }
        List<double[][]> results = Parallel.run(tasks);
        Map<Double, List<ErrorDecomposition>> out = new LinkedHashMap<>();
        int next = 0;
        for (double mf : plan.maxFeatures()) {
            List<ErrorDecomposition> perSeed = new ArrayList<>();
            for (int k = 0; k < plan.decompositionSeeds(); k++) {
                double[][][] predictions = new double[forests][][];
                for (int r = 0; r < forests; r++) {
                    predictions[r] = results.get(next++);
                }
                double[] truth = MarsAdditive.regressionFunction(data.get(k).shiftedInputs(plan.decompositionOffset()));
                perSeed.add(ErrorDecomposition.of(predictions, truth));
            }
            out.put(mf, perSeed);
        }
        return out;
    }

    /**
     * Mentch &amp; Zhou's df of the shallow bootstrap forests: refit on the same inputs with outcomes redrawn
     * plan.dfRedraws times (the same redraws for every max_features, so the comparison is paired).
     */
    Map<Double, double[]> degreesOfFreedom(List<MarsAdditive.Sample> data) {
        Map<Double, double[]> out = new LinkedHashMap<>();
        if (!plan.measuresDegreesOfFreedom()) {
            return out;
        }
        progress.stage("degrees of freedom");
        int redraws = plan.dfRedraws();
        double[][][] outcomes = new double[plan.dfSeeds()][redraws][];
        for (int k = 0; k < plan.dfSeeds(); k++) {
            double[] f = MarsAdditive.regressionFunction(data.get(k).trainInputs());
            for (int r = 0; r < redraws; r++) {
                RandomGenerator noise = ctx.random("df/outcomes/seed-" + k + "/redraw-" + r);
                outcomes[k][r] = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    outcomes[k][r][i] = f[i] + plan.sigma() * noise.nextGaussian();
                }
            }
        }
        List<Supplier<double[]>> tasks = new ArrayList<>();
        for (double mf : plan.maxFeatures()) {
            ForestConfig config = new ForestConfig(plan.shallowLeaves(), mf, true);
            for (int k = 0; k < plan.dfSeeds(); k++) {
                TrainingSet inputs = TrainingSet.of(data.get(k).trainInputs(), outcomes[k][0]);
                for (int r = 0; r < redraws; r++) {
                    double[] y = outcomes[k][r];
                    RandomGenerator rng = ctx.random("df/" + config.key() + "/seed-" + k + "/redraw-" + r);
                    tasks.add(() -> {
                        TrainingSet train = inputs.withOutcomes(y);
                        return RandomForest.fit(train, config.settings(plan.trees()), rng, progress::treeDone)
                                .predict(train.x());
                    });
                }
            }
        }
        List<double[]> fitted = Parallel.run(tasks);
        int next = 0;
        for (double mf : plan.maxFeatures()) {
            double[] perSeed = new double[plan.dfSeeds()];
            for (int k = 0; k < plan.dfSeeds(); k++) {
                double[][] fits = new double[redraws][];
                for (int r = 0; r < redraws; r++) {
                    fits[r] = fitted.get(next++);
                }
                perSeed[k] = ResamplingDegreesOfFreedom.estimate(outcomes[k], fits, plan.sigma());
            }
            out.put(mf, perSeed);
        }
        return out;
    }

    /**
     * The real-data check: diabetes (target standardised) and breast_cancer (0/1 label as a regression
     * target), random 50/50 splits; an interpolating forest (leaves = n_train, no bootstrap) vs its trees.
     */
    Map<String, List<GrowthCurves>> realData() {
        progress.stage("real data");
        List<TabularDataset> datasets = List.of(standardisedTarget(Tabular.diabetes()), Tabular.breastCancer());
        List<Supplier<GrowthCurves>> tasks = new ArrayList<>();
        for (TabularDataset dataset : datasets) {
            for (int s = 0; s < plan.realSplits(); s++) {
                int[] order = permutation(dataset.rows(), ctx.random("real/" + dataset.name() + "/split-" + s));
                RandomGenerator rng = ctx.random("real/" + dataset.name() + "/forest/split-" + s);
                tasks.add(() -> {
                    int nTrain = dataset.rows() / 2;
                    TrainingSet train = TrainingSet.of(rows(dataset.x(), order, 0, nTrain), values(dataset.y(), order, 0, nTrain));
                    EvaluationSet test = new EvaluationSet(Measurements.TEST, rows(dataset.x(), order, nTrain, dataset.rows()),
                            values(dataset.y(), order, nTrain, dataset.rows()));
                    RandomForest.Settings settings = new RandomForest.Settings(plan.trees(), nTrain, plan.realMaxFeatures(), false);
                    RandomForest forest = RandomForest.fit(train, settings, rng, progress::treeDone);
                    return GrowthCurves.track(forest, train.y(), List.of(test));
                });
            }
        }
        List<GrowthCurves> results = Parallel.run(tasks);
        Map<String, List<GrowthCurves>> out = new LinkedHashMap<>();
        for (int d = 0; d < datasets.size(); d++) {
            out.put(datasets.get(d).name(), results.subList(d * plan.realSplits(), (d + 1) * plan.realSplits()));
        }
        return out;
    }

    /** Two single-tree identities on data seed 0: an unrestricted tree interpolates; a one-leaf tree has p̂ = 1. */
    Measurements.SanityChecks sanityChecks(MarsAdditive.Sample sample) {
        TrainingSet train = TrainingSet.of(sample.trainInputs(), sample.trainOutcomes(plan.sigma()));
        int n = train.size();
        int[] once = BootstrapSample.everyPointOnce(n);
        RegressionTree unrestricted = new BestFirstGrower(n, MarsAdditive.DIMENSION).grow(train, once, ctx.random("sanity/unrestricted"));
        double trainError = 0;
        for (int i = 0; i < n; i++) {
            double d = unrestricted.predict(train.x()[i]) - train.y()[i];
            trainError += d * d;
        }
        RegressionTree constant = new BestFirstGrower(1, MarsAdditive.DIMENSION).grow(train, once, ctx.random("sanity/constant"));
        SmootherMatrix smoother = new SmootherMatrix(sample.testInputs(), n);
        smoother.add(constant);
        return new Measurements.SanityChecks(trainError / n, smoother.effectiveParameters());
    }

    private static <K> Map<K, List<GrowthCurves>> groupBySeed(List<K> configs, List<GrowthCurves> results, int seeds) {
        Map<K, List<GrowthCurves>> out = new LinkedHashMap<>();
        for (int c = 0; c < configs.size(); c++) {
            out.put(configs.get(c), List.copyOf(results.subList(c * seeds, (c + 1) * seeds)));
        }
        return out;
    }

    private static TabularDataset standardisedTarget(TabularDataset data) {
        double mean = 0;
        for (double v : data.y()) {
            mean += v;
        }
        mean /= data.rows();
        double var = 0;
        for (double v : data.y()) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / data.rows());
        double[] y = new double[data.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (data.y()[i] - mean) / sd;
        }
        return new TabularDataset(data.name(), data.x(), y, data.featureNames(), data.targetName() + " (standardised)");
    }

    private static int[] permutation(int n, RandomGenerator rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    private static double[][] rows(double[][] x, int[] order, int from, int to) {
        double[][] out = new double[to - from][];
        for (int k = from; k < to; k++) {
            out[k - from] = x[order[k]];
        }
        return out;
    }

    private static double[] values(double[] y, int[] order, int from, int to) {
        double[] out = new double[to - from];
        for (int k = from; k < to; k++) {
            out[k - from] = y[order[k]];
        }
        return out;
    }
}
