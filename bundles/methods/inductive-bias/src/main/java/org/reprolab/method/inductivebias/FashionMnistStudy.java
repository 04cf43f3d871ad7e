package org.reprolab.method.inductivebias;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.api.Series;
import org.reprolab.api.Table;
import org.reprolab.data.FashionMnist;
import org.reprolab.theory.common.Parallel;
import org.reprolab.theory.common.SeedSummary;

/**
 * The Fashion-MNIST study (Sec. 5–6): on one fixed training set, the GP space's test-loss distribution is
 * sampled and fitted, I(ε) is read from the fit, the saddlepoint reference and the empirical frequency, the
 * estimator's spread is measured against the number of samples, and the errors the MLP and CNN model classes reach
 * (their median over seeds) are priced in bits of GP-space inductive bias.
 */
final class FashionMnistStudy {

    private static final int CURVE_POINTS = 40;
    private static final int HISTOGRAM_BINS = 40;

    record Settings(int trainImages, int testImages, double jitter, int samples, int[] spreadSamples, int repetitions,
                    double spreadFraction, double[] fractions, int mlpSeeds, int cnnSeeds,
                    NeuralHypothesisSpace.Training training) {
    }

    /** I(ε) three ways at one target error. */
    record Reading(String label, double epsilon, double fitted, double saddlepoint, double empirical) {
    }

    record NeuralErrors(NeuralHypothesisSpace space, double[] testMse, double median, Reading reading,
                        double ownSpaceBits) {
    }

    record Findings(SampledSpace main, double lengthscale, List<Reading> fractionReadings, double spreadEpsilon,
                    int[] spreadSamples, SeedSummary[] spread, NeuralErrors mlp, NeuralErrors cnn,
                    double saddleVsEmpiricalBits, boolean monotone, int fallbackCount) {
    }

    private record SpreadFit(double[] draw, double bits) {
    }

    private FashionMnistStudy() {
    }

    static Findings run(Settings s, FashionMnist dataset, RunContext ctx, ProgressCounter progress, Result.Builder out) {
        ImageTask images = ImageTask.fashionMnist(dataset, s.trainImages(), s.testImages(), ctx.random("fmnist/images"));
        RegressionTask task = images.asRegression();
        double lengthscale = RbfKernel.medianHeuristic(task.trainX());
        GaussianProcessSpace gp = new GaussianProcessSpace(task, lengthscale, s.jitter());
        ctx.log().info("Fashion-MNIST GP: n = {}, m = {}, lengthscale {}, posterior mean fits the training set to {}",
                s.trainImages(), s.testImages(), lengthscale, gp.maxTrainingFitError());

        double[] mainSamples = gp.sampleTestMses(s.samples(), b -> ctx.random("fmnist/gp/main/block-" + b),
                ctx::checkCancelled);
        SampledSpace main = SampledSpace.of(gp, mainSamples);
        progress.tick("Fashion-MNIST: " + s.samples() + " GP hypotheses sampled and fitted");
        double mean = main.sampledMean();

        // Estimator spread: fresh samples for every (S, repetition), all fitted at one fixed ε.
        double spreadEpsilon = s.spreadFraction() * mean;
        int jobs = s.spreadSamples().length * s.repetitions();
        List<SpreadFit> spreadFits = Parallel.map(jobs, j -> {
            int count = s.spreadSamples()[j / s.repetitions()];
            int rep = j % s.repetitions();
            double[] draw = gp.sampleTestMses(count, b -> ctx.random("fmnist/gp/S-" + count + "/rep-" + rep + "/block-" + b),
                    ctx::checkCancelled);
            double bits = InductiveBias.fitted(ChiSquareFit.fit(draw), spreadEpsilon);
            progress.tick("Fashion-MNIST: spread fit S = " + count + ", repetition " + rep);
            return new SpreadFit(draw, bits);
        });
        SeedSummary[] spread = new SeedSummary[s.spreadSamples().length];
        for (int k = 0; k < spread.length; k++) {
            spread[k] = SeedSummary.of(spreadFits.subList(k * s.repetitions(), (k + 1) * s.repetitions()).stream()
                    .mapToDouble(SpreadFit::bits).toArray());
        }

        NeuralErrors mlp = train(NeuralHypothesisSpace.MLP, s.mlpSeeds(), images, s.training(), main, ctx, progress);
        NeuralErrors cnn = train(NeuralHypothesisSpace.CNN, s.cnnSeeds(), images, s.training(), main, ctx, progress);

        List<Reading> readings = new ArrayList<>();
        int[] fallbacks = new int[1];
        for (double f : s.fractions()) {
            readings.add(read(main, "ε = " + f + " × mean", f * mean, fallbacks));
        }

        // I(ε) curves from below the networks' errors up to the sampled mean.
        double low = 0.9 * Math.min(Math.min(mlp.median(), cnn.median()), Arrays.stream(s.fractions()).min().orElseThrow() * mean);
        double[] grid = logGrid(low, 1.05 * mean, CURVE_POINTS);
        double[] fitCurve = new double[grid.length];
        double[] saddleCurve = new double[grid.length];
        double[] empiricalCurve = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            Reading r = read(main, "curve", grid[i], fallbacks);
            fitCurve[i] = r.fitted();
            saddleCurve[i] = r.saddlepoint();
            empiricalCurve[i] = r.empirical();
        }
        boolean monotone = SampledSpace.nonIncreasing(fitCurve) && SampledSpace.nonIncreasing(saddleCurve);

        List<double[]> pool = new ArrayList<>(spreadFits.stream().map(SpreadFit::draw).toList());
        pool.add(mainSamples);
        double saddleVsEmpirical = main.saddlepointVsEmpiricalBits(concat(pool));

        Findings findings = new Findings(main, lengthscale, readings, spreadEpsilon, s.spreadSamples(), spread, mlp, cnn,
                saddleVsEmpirical, monotone, fallbacks[0]);
        report(s, findings, grid, fitCurve, saddleCurve, empiricalCurve, out);
        return findings;
    }

    private static NeuralErrors train(NeuralHypothesisSpace space, int seeds, ImageTask images,
                                      NeuralHypothesisSpace.Training training, SampledSpace gp, RunContext ctx,
                                      ProgressCounter progress) {
        List<Double> errors = Parallel.map(seeds, seed -> {
            long init = ctx.random("fmnist/" + space.name() + "/seed-" + seed).nextLong();
            double mse = space.sampleTestMse(images, training, init, ctx::checkCancelled);
            progress.tick("Fashion-MNIST: " + space.name() + " seed " + seed + " trained");
            return mse;
        });
        double[] mse = errors.stream().mapToDouble(Double::doubleValue).toArray();
        double median = median(mse);
        Reading reading = read(gp, space.name() + " median test MSE", median, new int[1]);
        return new NeuralErrors(space, mse, median, reading, InductiveBias.empirical(mse, median));
    }

    private static Reading read(SampledSpace space, String label, double epsilon, int[] fallbacks) {
        ScaledNoncentralChiSquare.TailValue tail = space.fit().logCdfWithMethod(epsilon);
        if (tail.approximated()) {
            fallbacks[0]++;
        }
        return new Reading(label, epsilon, InductiveBias.bits(tail.logCdf()), space.saddlepoint(epsilon),
                space.empirical(epsilon));
    }

    private static void report(Settings s, Findings f, double[] grid, double[] fitCurve, double[] saddleCurve,
                               double[] empiricalCurve, Result.Builder out) {
        SampledSpace main = f.main();
        String x = "target test MSE ε";
        String y = "inductive bias I(ε) [bits]";
        out.series(Series.of("inductive-bias-curve", "fitted scaled χ² (S = " + s.samples() + ")", x, y, grid, fitCurve));
        out.series(Series.of("inductive-bias-curve", "saddlepoint (exact law)", x, y, grid, saddleCurve));
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < grid.length; i++) {
            if (!Double.isNaN(empiricalCurve[i])) {
                valid.add(i);
            }
        }
        out.series(Series.of("inductive-bias-curve", "empirical frequency (P > 1/S only)", x, y,
                valid.stream().mapToDouble(i -> grid[i]).toArray(), valid.stream().mapToDouble(i -> empiricalCurve[i]).toArray()));
        for (NeuralErrors nn : List.of(f.mlp(), f.cnn())) {
            out.series(Series.of("inductive-bias-curve", nn.space().name() + " median test MSE", x, y,
                    new double[] {nn.median()}, new double[] {nn.reading().saddlepoint()}));
        }

        double[] sorted = main.samples().clone();
        Arrays.sort(sorted);
        double lo = sorted[0];
        double width = (sorted[sorted.length - 1] - lo) / HISTOGRAM_BINS;
        double[] centres = new double[HISTOGRAM_BINS];
        double[] density = new double[HISTOGRAM_BINS];
        double[] fitted = new double[HISTOGRAM_BINS];
        for (double v : sorted) {
            density[Math.min(HISTOGRAM_BINS - 1, (int) ((v - lo) / width))] += 1 / (sorted.length * width);
        }
        for (int b = 0; b < HISTOGRAM_BINS; b++) {
            centres[b] = lo + (b + 0.5) * width;
            fitted[b] = Math.exp(main.fit().logDensity(centres[b]));
        }
        out.series(Series.of("loss-histogram", "sampled GP test MSE (histogram density)", "test MSE", "density", centres, density));
        out.series(Series.of("loss-histogram", "fitted scaled χ² density", "test MSE", "density", centres, fitted));

        double[] sizes = Arrays.stream(f.spreadSamples()).asDoubleStream().toArray();
        out.series(Series.of("estimator-spread", "std of I_fit(ε = " + s.spreadFraction() + " × mean) over "
                + s.repetitions() + " repetitions", "sampled hypotheses S", "std [bits]", sizes,
                Arrays.stream(f.spread()).mapToDouble(SeedSummary::std).toArray()));
        out.series(new Series("estimator-spread-mean", "I_fit(ε = " + s.spreadFraction() + " × mean), mean ± std",
                "sampled hypotheses S", "I [bits]", sizes, Arrays.stream(f.spread()).mapToDouble(SeedSummary::mean).toArray(),
                Arrays.stream(f.spread()).mapToDouble(SeedSummary::std).toArray()));
        out.series(Series.of("estimator-spread-mean", "saddlepoint reference", "sampled hypotheses S", "I [bits]", sizes,
                Arrays.stream(f.spreadSamples()).mapToDouble(k -> main.saddlepoint(f.spreadEpsilon())).toArray()));

        List<List<String>> rows = new ArrayList<>();
        List<Reading> all = new ArrayList<>(f.fractionReadings());
        all.add(f.mlp().reading());
        all.add(f.cnn().reading());
        for (Reading r : all) {
            rows.add(List.of(r.label(), fmt(r.epsilon()), fmt(r.fitted()), fmt(r.saddlepoint()), fmt(r.empirical())));
        }
        out.table(new Table("fmnist-inductive-bias", List.of("target", "ε", "I_fit [bits]", "I_saddle [bits]",
                "I_empirical [bits]"), rows));
        List<List<String>> nnRows = new ArrayList<>();
        for (NeuralErrors nn : List.of(f.mlp(), f.cnn())) {
            SeedSummary e = SeedSummary.of(nn.testMse());
            nnRows.add(List.of(nn.space().description(), Integer.toString(nn.testMse().length), fmt(e.mean()), fmt(e.std()),
                    fmt(nn.median()), fmt(nn.ownSpaceBits()), fmt(nn.reading().saddlepoint())));
        }
        out.table(new Table("neural-hypothesis-spaces", List.of("model class", "seeds", "mean test MSE", "std",
                "median test MSE", "I in own seed space [bits]", "I_saddle in GP space [bits]"), nnRows));

        ScaledNoncentralChiSquare fit = main.fit();
        out.metric("fmnist.lengthscale", f.lengthscale());
        out.metric("fmnist.gp.sampledMeanMse", main.sampledMean());
        out.metric("fmnist.gp.exactMeanMse", main.space().lossLaw().mean());
        out.metric("fmnist.fit.df", fit.df());
        out.metric("fmnist.fit.nc", fit.nc());
        out.metric("fmnist.fit.scale", fit.scale());
        for (Reading r : f.fractionReadings()) {
            String key = "fmnist.eps" + fmt(r.epsilon() / main.sampledMean()) + "xMean";
            out.metric(key + ".fitBits", r.fitted());
            out.metric(key + ".saddleBits", r.saddlepoint());
        }
        for (int k = 0; k < f.spread().length; k++) {
            out.metric("fmnist.spread.S" + f.spreadSamples()[k] + ".stdBits", f.spread()[k].std());
        }
        for (NeuralErrors nn : List.of(f.mlp(), f.cnn())) {
            String key = "fmnist." + nn.space().name().toLowerCase(java.util.Locale.ROOT);
            out.metric(key + ".medianTestMse", nn.median());
            out.metric(key + ".saddleBits", nn.reading().saddlepoint());
            out.metric(key + ".fitBits", nn.reading().fitted());
            out.metric(key + ".ownSpaceBits", nn.ownSpaceBits());
        }
        out.metric("fmnist.fit.normalFallbacks", f.fallbackCount());
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    static double[] logGrid(double lo, double hi, int count) {
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = lo * Math.pow(hi / lo, i / (count - 1.0));
        }
        return g;
    }

    private static double[] concat(List<double[]> parts) {
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "—" : String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
