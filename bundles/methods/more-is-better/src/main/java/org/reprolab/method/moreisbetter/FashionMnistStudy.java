package org.reprolab.method.moreisbetter;

import org.reprolab.api.ProgressCounter;

import org.reprolab.theory.common.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.api.Series;
import org.reprolab.api.Table;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledImages;
import org.reprolab.theory.common.ArcCosineKernel;
import org.reprolab.theory.common.EigenSweep;
import org.reprolab.theory.common.KernelPair;
import org.reprolab.theory.common.RandomFeatures;
import org.reprolab.theory.common.RidgePath;
import org.reprolab.theory.common.SeedSummary;

/**
 * Experiment C (Sec. 6, Fig. 4): the same statements on a real task. ReLU random features on Fashion-MNIST
 * (10 classes) improve with N towards the arc-cosine KRR; KRR improves with n; and trouser-vs-bag has
 * power-law eigenstructure and a tiny optimal fitting ratio on clean labels.
 */
final class FashionMnistStudy {

    private static final int FEATURE_BLOCK = 256;
    private static final int FIT_FROM_RANK = 10;

    record Settings(int trainImages, int testImages, int[] features, int seeds, int[] curveSamples,
                    int[] binarySamples, double[] binaryNoise, double[] ridges) {
    }

    record Findings(int[] features, double[] rfOptimal, double[] rfStd, double kernelAtRfSamples, int[] curveSamples,
                    double[] curveOptimal, int[] binarySamples, double[] binaryNoise, double[][] binaryRatio,
                    SeedSummary alpha, SeedSummary beta, double minArcCosineEigenvalue, double minMse, boolean allFinite,
                    double maxRidgelessTrainExcess) {
    }

    private record BinaryFit(FittingRatio ratio, double minEigenvalue, PowerLawFit spectrum) {
    }

    private FashionMnistStudy() {
    }

    static Findings run(Settings s, RunContext ctx, ProgressCounter progress, Result.Builder out) {
        FashionMnist dataset = FashionMnist.locate();
        LabeledImages train = dataset.load(FashionMnist.Split.TRAIN, FashionMnist.Split.TRAIN.size());
        LabeledImages test = dataset.load(FashionMnist.Split.TEST, FashionMnist.Split.TEST.size());
        Checks checks = new Checks();

        // Ten classes: one random, nested set of training images serves RF (its first trainImages) and the KRR curve.
        int pool = Math.max(s.trainImages, Arrays.stream(s.curveSamples).max().orElseThrow());
        int[] chosen = FashionMnistTasks.randomSubset(IntStream.range(0, train.size()).toArray(), pool,
                ctx.random("C/train-images"));
        int[] testChosen = IntStream.range(0, Math.min(s.testImages, test.size())).toArray();
        double[][] x = FashionMnistTasks.centredUnitNorm(train.pixels(), chosen);
        double[][] y = FashionMnistTasks.oneHotMinusTenth(train.labels(), chosen, train.classes());
        double[][] xTest = FashionMnistTasks.centredUnitNorm(test.pixels(), testChosen);
        double[][] yTest = FashionMnistTasks.oneHotMinusTenth(test.labels(), testChosen, test.classes());

        double[][] xRf = Arrays.copyOf(x, s.trainImages);
        double[][] yRf = Arrays.copyOf(y, s.trainImages);
        int jobs = s.features.length * s.seeds;
        List<RidgeCurve> rfCurves = Parallel.map(jobs, j -> {
            // Largest N first, so that the two cores finish together.
            int features = s.features[s.features.length - 1 - j / s.seeds];
            int seed = j % s.seeds;
            KernelPair k = RandomFeatures.reluKernels(xRf, xTest, features,
                    ctx.random("C/features/seed-" + seed + "/N-" + features), FEATURE_BLOCK, ctx::checkCancelled);
            RidgeCurve curve = kernelCurve(k, yRf, yTest, s.ridges, null);
            progress.tick("C random features N = " + features + ", seed " + seed);
            return curve;
        });
        double[] rfOptimal = new double[s.features.length];
        double[] rfStd = new double[s.features.length];
        for (int f = 0; f < s.features.length; f++) {
            List<RidgeCurve> perSeed = new ArrayList<>();
            for (int j = 0; j < jobs; j++) {
                if (s.features.length - 1 - j / s.seeds == f) {
                    perSeed.add(rfCurves.get(j));
                    checks.add(rfCurves.get(j), s.trainImages < s.features[f]);
                }
            }
            RidgeCurve.Optimum o = RidgeCurve.average(perSeed).optimum();
            rfOptimal[f] = o.test();
            rfStd[f] = o.testStd();
        }

        // KRR with the arc-cosine kernel, the N → ∞ limit of the same features, on nested training sets.
        int[] kernelSamples = IntStream.concat(Arrays.stream(s.curveSamples), IntStream.of(s.trainImages)).distinct().sorted().toArray();
        KernelPair arcCos = ArcCosineKernel.kernels(x, xTest);
        List<RidgeCurve> kernelCurves = Parallel.map(kernelSamples.length, j -> {
            int n = kernelSamples[kernelSamples.length - 1 - j];
            ctx.checkCancelled();
            double[] minEigenvalue = new double[1];
            RidgeCurve curve = kernelCurve(new KernelPair(topLeft(arcCos.train(), n), leftColumns(arcCos.testTrain(), n)),
                    Arrays.copyOf(y, n), yTest, s.ridges, minEigenvalue);
            checks.minEigenvalue(minEigenvalue[0]);
            progress.tick("C arc-cosine KRR n = " + n);
            return curve;
        });
        double[] curveOptimal = new double[s.curveSamples.length];
        double kernelAtRf = Double.NaN;
        for (int j = 0; j < kernelSamples.length; j++) {
            int n = kernelSamples[kernelSamples.length - 1 - j];
            RidgeCurve curve = kernelCurves.get(j);
            checks.add(curve, true);
            double optimum = curve.optimum().test();
            if (n == s.trainImages) {
                kernelAtRf = optimum;
            }
            for (int k = 0; k < s.curveSamples.length; k++) {
                if (s.curveSamples[k] == n) {
                    curveOptimal[k] = optimum;
                }
            }
        }

        BinaryStudy binary = trouserVsBag(s, train, test, ctx, progress, checks);

        report(s, rfOptimal, rfStd, kernelAtRf, curveOptimal, binary, out);
        return new Findings(s.features, rfOptimal, rfStd, kernelAtRf, s.curveSamples, curveOptimal, s.binarySamples,
                s.binaryNoise, binary.ratios, binary.alpha, binary.beta, checks.minEigenvalue, checks.minMse,
                checks.finite, checks.excess);
    }

    private record BinaryStudy(double[][] ratios, SeedSummary alpha, SeedSummary beta, PowerLawFit firstSeedSpectrum,
                               List<List<RidgeCurve>> noiseCurves) {
    }

    /** Trouser (+1) vs bag (−1) with arc-cosine KRR: R* against label noise, and the power-law exponents. */
    private static BinaryStudy trouserVsBag(Settings s, LabeledImages train, LabeledImages test, RunContext ctx,
                                            ProgressCounter progress, Checks checks) {
        LabeledImages trainPool = train.onlyClasses(FashionMnist.TROUSER, FashionMnist.BAG);
        LabeledImages testSet = test.onlyClasses(FashionMnist.TROUSER, FashionMnist.BAG).head(s.testImages);
        int[] pool = IntStream.range(0, trainPool.size()).toArray();
        int[] allTest = IntStream.range(0, testSet.size()).toArray();
        double[][] xTest = FashionMnistTasks.centredUnitNorm(testSet.pixels(), allTest);
        double[] yTest = FashionMnistTasks.trouserVsBag(testSet.labels(), allTest);
        int largest = Arrays.stream(s.binarySamples).max().orElseThrow();
        List<KernelPair> kernels = new ArrayList<>();
        List<double[]> labels = new ArrayList<>();
        List<double[]> noise = new ArrayList<>();
        for (int seed = 0; seed < s.seeds; seed++) {
            int[] chosen = FashionMnistTasks.randomSubset(pool, largest, ctx.random("C/trouser-bag/seed-" + seed));
            kernels.add(ArcCosineKernel.kernels(FashionMnistTasks.centredUnitNorm(trainPool.pixels(), chosen), xTest));
            labels.add(FashionMnistTasks.trouserVsBag(trainPool.labels(), chosen));
            RandomGenerator rng = ctx.random("C/trouser-bag/label-noise/seed-" + seed);
            noise.add(IntStream.range(0, largest).mapToDouble(i -> rng.nextGaussian()).toArray());
            ctx.checkCancelled();
        }
        int jobs = s.seeds * s.binarySamples.length;
        List<BinaryFit> fits = Parallel.map(jobs, j -> {
            int seed = j % s.seeds;
            int n = s.binarySamples[s.binarySamples.length - 1 - j / s.seeds];
            ctx.checkCancelled();
            KernelPair k = kernels.get(seed);
            double[] yn = Arrays.copyOf(labels.get(seed), n);
            double[] xi = Arrays.copyOf(noise.get(seed), n);
            EigenSweep sweep = EigenSweep.decompose(topLeft(k.train(), n));
            RidgePath path = sweep.sweep(FittingRatio.targets(yn, xi), s.ridges);
            double[][][] testPredictions = path.predict(leftColumns(k.testTrain(), n));
            double[] eigenvalues = sweep.eigenvalues();
            PowerLawFit spectrum = PowerLawFit.fit(eigenvalues, sweep.spectralCoefficients(yn), FIT_FROM_RANK, Math.max(FIT_FROM_RANK + 1, n / 8));
            progress.tick("C trouser vs bag n = " + n + ", seed " + seed);
            return new BinaryFit(new FittingRatio(path, testPredictions, yn, xi, yTest), eigenvalues[n - 1], spectrum);
        });
        double[][] ratios = new double[s.binarySamples.length][s.binaryNoise.length];
        List<List<RidgeCurve>> noiseCurves = new ArrayList<>();
        double[] alphas = new double[s.seeds];
        double[] betas = new double[s.seeds];
        PowerLawFit first = null;
        for (int k = 0; k < s.binarySamples.length; k++) {
            List<BinaryFit> perSeed = new ArrayList<>();
            for (int j = 0; j < jobs; j++) {
                if (s.binarySamples.length - 1 - j / s.seeds == k) {
                    BinaryFit fit = fits.get(j);
                    perSeed.add(fit);
                    checks.minEigenvalue(fit.minEigenvalue);
                    if (s.binarySamples[k] == largest) {
                        alphas[j % s.seeds] = fit.spectrum.alpha();
                        betas[j % s.seeds] = fit.spectrum.beta();
                        if (j % s.seeds == 0) {
                            first = fit.spectrum;
                        }
                    }
                }
            }
            double ridgeless = perSeed.stream().mapToDouble(f -> f.ratio.noiselessRidgelessTestMse()).average().orElseThrow();
            List<RidgeCurve> curves = new ArrayList<>();
            for (int l = 0; l < s.binaryNoise.length; l++) {
                double sd = Math.sqrt(s.binaryNoise[l] * ridgeless);
                List<RidgeCurve> noisy = perSeed.stream().map(f -> f.ratio.curve(sd)).toList();
                noisy.forEach(c -> checks.add(c, true));
                RidgeCurve mean = RidgeCurve.average(noisy);
                ratios[k][l] = mean.optimum().fittingRatio();
                curves.add(mean);
            }
            noiseCurves.add(curves);
        }
        return new BinaryStudy(ratios, SeedSummary.of(alphas), SeedSummary.of(betas), first, noiseCurves);
    }

    /** Fits a kernel ridge path and returns train/test MSE (summed over outputs) along it. */
    private static RidgeCurve kernelCurve(KernelPair k, double[][] y, double[][] yTest, double[] ridges, double[] minEigenvalue) {
        EigenSweep sweep = EigenSweep.decompose(k.train());
        if (minEigenvalue != null) {
            double[] values = sweep.eigenvalues();
            minEigenvalue[0] = values[values.length - 1];
        }
        RidgePath path = sweep.sweep(y, ridges);
        double[][][] train = path.trainPredictions();
        double[][][] testPredictions = path.predict(k.testTrain());
        double[] trainMse = new double[ridges.length];
        double[] testMse = new double[ridges.length];
        for (int q = 0; q < ridges.length; q++) {
            trainMse[q] = RidgeCurve.mse(train[q], y);
            testMse[q] = RidgeCurve.mse(testPredictions[q], yTest);
        }
        return RidgeCurve.of(ridges, trainMse, testMse);
    }

    private static void report(Settings s, double[] rfOptimal, double[] rfStd, double kernelAtRf, double[] curveOptimal,
                               BinaryStudy binary, Result.Builder out) {
        double[] nf = SyntheticScaling.toDouble(s.features);
        double[] kernelLine = new double[nf.length];
        Arrays.fill(kernelLine, kernelAtRf);
        out.series(new Series("fmnist-mse-vs-features", "ReLU RF, optimal ridge (seed mean ± std), n = " + s.trainImages,
                "features N", "test MSE (10 classes)", nf, rfOptimal, rfStd));
        out.series(Series.of("fmnist-mse-vs-features", "arc-cosine KRR (N → ∞), optimal ridge", "features N",
                "test MSE (10 classes)", nf, kernelLine));
        out.series(Series.of("fmnist-krr-learning-curve", "arc-cosine KRR, optimal ridge", "training images n",
                "test MSE (10 classes)", SyntheticScaling.toDouble(s.curveSamples), curveOptimal));
        for (int f = 0; f < nf.length; f++) {
            out.metric("c.rfOptimalTestMse.N" + s.features[f], rfOptimal[f]);
        }
        out.metric("c.krrOptimalTestMse.n" + s.trainImages, kernelAtRf);
        for (int k = 0; k < s.curveSamples.length; k++) {
            out.metric("c.krrCurveOptimalTestMse.n" + s.curveSamples[k], curveOptimal[k]);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < s.binarySamples.length; k++) {
            out.series(Series.of("fmnist-rstar-vs-noise", "trouser vs bag, n = " + s.binarySamples[k], "relative label noise",
                    "R*", s.binaryNoise, binary.ratios[k]));
            for (int l = 0; l < s.binaryNoise.length; l++) {
                out.metric("c.trouserBag.n" + s.binarySamples[k] + ".noise" + SyntheticScaling.fmt(s.binaryNoise[l]) + ".Rstar",
                        binary.ratios[k][l]);
                RidgeCurve c = binary.noiseCurves.get(k).get(l);
                rows.add(List.of(Integer.toString(s.binarySamples[k]), SyntheticScaling.fmt(s.binaryNoise[l]),
                        SyntheticScaling.fmt(c.optimum().ridge()), SyntheticScaling.fmt(c.optimum().test()),
                        SyntheticScaling.fmt(binary.ratios[k][l])));
                if (k == 0) {
                    double[] ratio = new double[s.ridges.length];
                    for (int q = 0; q < ratio.length; q++) {
                        ratio[q] = c.train()[q] / c.test()[q];
                    }
                    out.series(Series.of("fmnist-mse-vs-fitting-ratio", "trouser vs bag n = " + s.binarySamples[k] + ", noise "
                            + SyntheticScaling.fmt(s.binaryNoise[l]), "fitting ratio R", "test MSE", ratio, c.test()));
                }
            }
        }
        out.table(new Table("trouser-vs-bag-fitting-ratio", List.of("n", "relative noise", "δ*", "E_te*", "R*"), rows));
        out.metric("c.spectrum.alpha", binary.alpha.mean());
        out.metric("c.spectrum.beta", binary.beta.mean());
        PowerLawFit fit = binary.firstSeedSpectrum;
        int n = fit.eigenvalues().length;
        double[] ranks = IntStream.rangeClosed(1, n).asDoubleStream().toArray();
        double[] fitRanks = IntStream.rangeClosed(fit.from(), fit.to()).asDoubleStream().toArray();
        // each fit right after its curve: the plot draws a fit dashed in its curve's colour
        out.series(Series.of("spectrum", "eigenvalues of K/n (trouser vs bag, n = " + n + ")", "rank i", "value", ranks,
                positive(fit.eigenvalues())));
        out.series(Series.of("spectrum", "fit i^-α, α = " + SyntheticScaling.fmt(fit.alpha()), "rank i", "value", fitRanks,
                PowerLawFit.line(fit.eigenvalues(), fit.from(), fit.to(), fitRanks)));
        out.series(Series.of("spectrum", "target tail power Σ_{j≥i} v̂_j²", "rank i", "value", ranks, positive(fit.tailPower())));
        out.series(Series.of("spectrum", "fit i^(1-β), β = " + SyntheticScaling.fmt(fit.beta()), "rank i", "value", fitRanks,
                PowerLawFit.line(fit.tailPower(), fit.from(), fit.to(), fitRanks)));
    }

    /** Values floored at the smallest positive one, so that round-off negatives do not break a log axis. */
    private static double[] positive(double[] values) {
        double floor = Arrays.stream(values).filter(v -> v > 0).min().orElse(Double.MIN_NORMAL);
        return Arrays.stream(values).map(v -> Math.max(v, floor)).toArray();
    }

    private static double[][] topLeft(double[][] k, int n) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOf(k[i], n);
        }
        return out;
    }

    private static double[][] leftColumns(double[][] k, int n) {
        double[][] out = new double[k.length][];
        for (int i = 0; i < k.length; i++) {
            out[i] = Arrays.copyOf(k[i], n);
        }
        return out;
    }

    /** The smoke invariants gathered over every fit of this section. */
    private static final class Checks {
        double minEigenvalue = Double.POSITIVE_INFINITY;
        double minMse = Double.POSITIVE_INFINITY;
        double excess = Double.NEGATIVE_INFINITY;
        boolean finite = true;

        synchronized void minEigenvalue(double v) {
            minEigenvalue = Math.min(minEigenvalue, v);
        }

        /** Records a curve; when {@code interpolating} (n < N), train ≤ test is expected at the smallest ridge. */
        synchronized void add(RidgeCurve c, boolean interpolating) {
            for (int q = 0; q < c.ridges().length; q++) {
                finite &= Double.isFinite(c.train()[q]) && Double.isFinite(c.test()[q]);
                minMse = Math.min(minMse, Math.min(c.train()[q], c.test()[q]));
            }
            if (interpolating) {
                int z = SyntheticScaling.smallest(c.ridges());
                excess = Math.max(excess, c.train()[z] - c.test()[z]);
            }
        }
    }
}
