package org.reprolab.method.apremss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.reprolab.api.Experiment;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.Paper;
import org.reprolab.api.ParamException;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.ParamValues;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.data.Datasets;

/**
 * Tan, Yang, Chen, Rahardja and Rahardja, "Improving Autoencoder-based Outlier Detection with Adjustable
 * Probabilistic Reconstruction Error and Mean-shift Outlier Scoring" (2023): a probabilistic auto-encoder trained by
 * PRE and scored by APRE_{α,β}, and mean-shift scoring, which compares AE(x) with the point moved to the mean of its
 * nearest training neighbours. Both are measured against the plain AE, k-NN and PCA on five real datasets and a
 * synthetic set of in-span local outliers, under the authors' unsupervised protocol with validation-based selection.
 */
@Component(service = Experiment.class)
public final class ApreMssExperiment implements Experiment {

    static final String ALL = "all";
    static final String SYNTHETIC = "synthetic";
    static final List<String> DATASET_CHOICES;

    static {
        List<String> choices = new ArrayList<>(List.of(ALL, "real", SYNTHETIC));
        choices.addAll(RealDatasets.NAMES);
        DATASET_CHOICES = List.copyOf(choices);
    }

    static final ParamSpec<String> DATASETS = ParamSpec.ofChoice("datasets", SYNTHETIC, ALL, DATASET_CHOICES,
            "which datasets: all six, the five real ones, the synthetic one, or one by name");
    static final ParamSpec<Integer> SPLITS = ParamSpec.ofInt("splits", 1, 2, "data splits (outlier draws and stratified splits) per dataset").range(1, 20);
    static final ParamSpec<Integer> INITS = ParamSpec.ofInt("inits", 1, 3, "random initialisations per model; the best by validation AUC is reported").range(1, 20);
    static final ParamSpec<Integer> EPOCHS = ParamSpec.ofInt("epochs", 50, 1000, "full-batch Adam epochs on the tables and the synthetic set").range(1, 100_000);
    static final ParamSpec<Integer> FASHION_EPOCHS = ParamSpec.ofInt("fashion.epochs", 50, 500, "full-batch Adam epochs on the Fashion-MNIST sets").range(1, 100_000);
    static final ParamSpec<Integer> CHECK_EVERY = ParamSpec.ofInt("checkEvery", 25, 25, "epochs between validation checkpoints").range(1, 100_000);
    static final ParamSpec<Double> LEARNING_RATE = ParamSpec.ofDouble("lr", 1e-3, 1e-3, "Adam learning rate").range(1e-6, 1);
    static final ParamSpec<List<Integer>> KS = ParamSpec.ofIntList("mss.k", List.of(5), List.of(2, 5, 10, 20, 40),
            "mean-shift neighbour counts k, selected by validation AUC").range(1, 1000);
    static final ParamSpec<Integer> ROUNDS = ParamSpec.ofInt("mss.rounds", 3, 3, "mean-shift rounds: MSS is scored for t = 1 … this").range(1, 10);
    static final ParamSpec<Double> ALPHA = ParamSpec.ofDouble("apre.alpha", 0.5, 0.5, "APRE bias weight α for scoring").range(0, 100);
    static final ParamSpec<Double> BETA = ParamSpec.ofDouble("apre.beta", 2.0, 2.0, "APRE uncertainty weight β for scoring").range(0, 100);
    static final ParamSpec<List<Double>> SWEEP_ALPHA = ParamSpec.ofDoubleList("sweep.alpha", List.of(0.5, 1.0), List.of(0.5, 1.0), "APRE sweep: α values").range(0, 100);
    static final ParamSpec<List<Double>> SWEEP_BETA = ParamSpec.ofDoubleList("sweep.beta", List.of(0.5, 1.0, 2.0), List.of(0.5, 1.0, 2.0), "APRE sweep: β values").range(0, 100);
    static final ParamSpec<Integer> KNN_K = ParamSpec.ofInt("knn.k", 10, 10, "k-NN baseline: distance to the k-th nearest pool point").range(1, 1000);
    static final ParamSpec<Double> PCA_SHARE = ParamSpec.ofDouble("pca.variance", 0.9, 0.9, "PCA baseline: share of variance its rank explains").range(0.01, 1);
    static final ParamSpec<Integer> SYN_INLIERS = ParamSpec.ofInt("synthetic.inliers", 200, 1000, "synthetic inliers").range(8, 1_000_000);
    static final ParamSpec<Integer> SYN_IN_SPAN = ParamSpec.ofInt("synthetic.inSpan", 6, 40, "synthetic in-span local outliers").range(3, 1_000_000);
    static final ParamSpec<Integer> SYN_OFF_SPAN = ParamSpec.ofInt("synthetic.offSpan", 4, 20, "synthetic off-subspace outliers").range(3, 1_000_000);
    static final ParamSpec<Integer> SYN_DIMS = ParamSpec.ofInt("synthetic.dims", 20, 20, "synthetic ambient dimension").range(3, 10_000);
    static final ParamSpec<Integer> FASHION_INLIERS = ParamSpec.ofInt("fashion.inliers", 1500, 1500, "Fashion-MNIST inliers (trousers or sneakers)").range(8, 6000);
    static final ParamSpec<Integer> FASHION_OUTLIERS = ParamSpec.ofInt("fashion.outliers", 50, 50, "Fashion-MNIST outliers from the other classes").range(3, 54_000);

    private static final List<ParamSpec<?>> PARAMS = List.of(DATASETS, SPLITS, INITS, EPOCHS, FASHION_EPOCHS, CHECK_EVERY,
            LEARNING_RATE, KS, ROUNDS, ALPHA, BETA, SWEEP_ALPHA, SWEEP_BETA, KNN_K, PCA_SHARE, SYN_INLIERS, SYN_IN_SPAN,
            SYN_OFF_SPAN, SYN_DIMS, FASHION_INLIERS, FASHION_OUTLIERS);

    private static final ExperimentInfo INFO = new ExperimentInfo("apre-mss",
            "APRE and mean-shift scoring for auto-encoder outlier detection",
            new Paper("Improving Autoencoder-based Outlier Detection with Adjustable Probabilistic Reconstruction Error and Mean-shift Outlier Scoring",
                    "Xu Tan, Jiawei Yang, Junqi Chen, Sylwan Rahardja, Susanto Rahardja", 2023, "https://arxiv.org/abs/2304.00709"),
            "autoencoders", List.of("outlier detection", "auto-encoder", "aleatoric uncertainty", "mean shift", "ROC-AUC"),
            "AE vs probabilistic AE (PRE/APRE) vs mean-shift scoring (MSS) on digits, breast cancer, wine, two Fashion-MNIST "
                    + "tasks and synthetic in-span local outliers, with k-NN and PCA baselines; test ROC-AUC after "
                    + "validation-based selection.");

    private final Datasets datasets;

    /** The experiment reading tables and Fashion-MNIST from the given data service. */
    @Activate
    public ApreMssExperiment(@Reference Datasets datasets) {
        this.datasets = datasets;
    }

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public List<ParamSpec<?>> params() {
        return PARAMS;
    }

    @Override
    public List<PlotSpec> plots() {
        return Figures.PLOTS;
    }

    @Override
    public void validate(ParamValues values) {
        if (values.param(SWEEP_ALPHA).isEmpty() || values.param(SWEEP_BETA).isEmpty()) {
            throw new ParamException("sweep.alpha and sweep.beta need at least one value each");
        }
        if (values.param(KS).isEmpty()) {
            throw new ParamException("mss.k needs at least one neighbour count");
        }
        int smallestPool = 3 * (values.param(SYN_IN_SPAN) + values.param(SYN_OFF_SPAN) + values.param(SYN_INLIERS)) / 4;
        int largestK = values.param(KS).stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (names(values.param(DATASETS)).contains(SYNTHETIC) && largestK > smallestPool / 2) {
            throw new ParamException("mss.k up to " + largestK + " is too large for the synthetic pool of about "
                    + smallestPool + " points; raise synthetic.inliers or lower mss.k");
        }
    }

    @Override
    public Result run(RunContext ctx) {
        List<String> chosen = names(ctx.param(DATASETS));
        List<double[]> sweep = new ArrayList<>();
        for (double a : ctx.param(SWEEP_ALPHA)) {
            for (double b : ctx.param(SWEEP_BETA)) {
                sweep.add(new double[] {a, b});
            }
        }
        DatasetStudy.Settings settings = new DatasetStudy.Settings(ctx.param(KS).stream().mapToInt(Integer::intValue).toArray(),
                ctx.param(ROUNDS), ctx.param(INITS), ctx.param(ALPHA), ctx.param(BETA), sweep, ctx.param(KNN_K), ctx.param(PCA_SHARE));
        RealDatasets real = new RealDatasets(datasets, ctx.param(FASHION_INLIERS), ctx.param(FASHION_OUTLIERS));
        int splits = ctx.param(SPLITS);
        long units = (long) chosen.size() * splits * 2 * settings.inits();
        long[] done = {0};
        Runnable tick = () -> ctx.progress(++done[0], units, "trained " + done[0] + " of " + units + " models");

        Summary summary = new Summary();
        Figures figures = new Figures(settings);
        double minLossDrop = Double.POSITIVE_INFINITY;
        double minVariance = Double.POSITIVE_INFINITY;
        for (String name : chosen) {
            long start = System.nanoTime();
            DetectorTraining.Settings training = new DetectorTraining.Settings(
                    name.startsWith("fmnist") ? ctx.param(FASHION_EPOCHS) : ctx.param(EPOCHS), ctx.param(CHECK_EVERY), ctx.param(LEARNING_RATE));
            for (int s = 0; s < splits; s++) {
                OutlierDataset data = name.equals(SYNTHETIC)
                        ? InSpanLocalOutliers.generate(ctx.param(SYN_DIMS), ctx.param(SYN_INLIERS), ctx.param(SYN_IN_SPAN),
                        ctx.param(SYN_OFF_SPAN), ctx.random("data/" + name + "/" + s))
                        : real.draw(name, ctx.random("data/" + name + "/" + s));
                DetectionSplit split = DetectionSplit.stratified(data, ctx.random("split/" + name + "/" + s));
                boolean illustrate = name.equals(SYNTHETIC) && s == 0;
                DatasetStudy.Outcome outcome = DatasetStudy.run(data, split, settings, training,
                        ctx.random("models/" + name + "/" + s).nextLong(), illustrate, ctx, tick);
                summary.add(data, outcome.auc());
                minLossDrop = Math.min(minLossDrop, outcome.minLossDrop());
                minVariance = Math.min(minVariance, outcome.minVariance());
                if (illustrate) {
                    figures.synthetic(outcome);
                }
            }
            ctx.log().info("{} took {} s", name, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        }

        Result.Builder out = Result.builder();
        summary.report(out);
        figures.report(summary, out);
        new PaperClaims(summary, settings).report(out);
        out.metric("check.minLossDrop", minLossDrop);
        out.metric("check.minVariance", minVariance);
        return out.build();
    }

    /** The dataset names a choice stands for. */
    static List<String> names(String choice) {
        return switch (choice) {
            case ALL -> {
                List<String> all = new ArrayList<>(RealDatasets.NAMES);
                all.add(SYNTHETIC);
                yield all;
            }
            case "real" -> RealDatasets.NAMES;
            default -> List.of(choice);
        };
    }

    /** Test AUCs per view and method, collected over splits. */
    static final class Summary {
        private final Map<String, Map<String, List<Double>>> auc = new LinkedHashMap<>();
        private final Map<String, Boolean> real = new LinkedHashMap<>();

        void add(OutlierDataset data, Map<String, Map<String, Double>> byView) {
            byView.forEach((view, row) -> {
                real.put(view, data.real());
                Map<String, List<Double>> m = auc.computeIfAbsent(view, v -> new LinkedHashMap<>());
                row.forEach((method, value) -> m.computeIfAbsent(method, x -> new ArrayList<>()).add(value));
            });
        }

        /** Every view, in run order. */
        List<String> views() {
            return List.copyOf(auc.keySet());
        }

        /** The views of the real datasets. */
        List<String> realViews() {
            return auc.keySet().stream().filter(real::get).toList();
        }

        /** One view per dataset: the real ones and the synthetic set's all-outliers view. */
        List<String> datasetViews() {
            return auc.keySet().stream().filter(v -> !v.equals("synthetic-in-span")).toList();
        }

        /** The split-mean test AUC; NaN if that view or method was not run. */
        double mean(String view, String method) {
            List<Double> values = auc.getOrDefault(view, Map.of()).get(method);
            return values == null ? Double.NaN : values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        /** The mean over the real views of the split-mean AUC. */
        double realAverage(String method) {
            return realViews().stream().mapToDouble(v -> mean(v, method)).average().orElse(Double.NaN);
        }

        void report(Result.Builder out) {
            for (String view : views()) {
                for (String method : auc.get(view).keySet()) {
                    out.metric("auc." + view + "." + method.replace(' ', '_'), mean(view, method));
                }
            }
            for (String method : Methods.MAIN) {
                out.metric("auc.realAverage." + method.replace(' ', '_'), realAverage(method));
            }
        }
    }
}
