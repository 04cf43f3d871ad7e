package org.reprolab.method.moreisbetter;

import org.reprolab.api.ProgressCounter;

import org.reprolab.theory.common.Parallel;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.api.Series;
import org.reprolab.api.Table;
import org.reprolab.theory.common.PowerLawTask;

/**
 * Experiment B (Sec. 5, Fig. 3): on power-law tasks, the fitting ratio R* = E_tr/E_te at the optimal ridge
 * of KRR, measured and predicted, as label noise grows. Small noise forces R* ≪ 1 ("overfitting is
 * obligatory"), and R* depends on (α, β) and the relative noise but not on n.
 */
final class ObligatoryOverfitting {

    record Settings(int modes, int testPoints, double[][] exponents, int[] samples, int[] trials, double[] noiseLevels,
                    double[] ridges) {
    }

    /**
     * One (α, β, n, relative noise) cell. The theory optimum is taken on the experiment's ridge grid, like the
     * empirical one (δ = 0 evaluated as δ → 0); the continuous optimum of the formula is kept beside it.
     */
    record Cell(double alpha, double beta, int n, double noiseLevel, double meanKernelDiagonal,
                double theoryRidge, double theoryRatio, double empiricalRidge, double empiricalRatio, double empiricalTest,
                double continuousTheoryRidge, double continuousTheoryRatio) {
    }

    record Findings(List<Cell> cells, double maxSolverResidual, double minMse, boolean allFinite,
                    double maxRidgelessTrainExcess) {
    }

    private record Job(int pair, int sampleIndex, int trial) {
    }

    private record TrialFit(FittingRatio ratio, double meanKernelDiagonal) {
    }

    private ObligatoryOverfitting() {
    }

    static Findings run(Settings s, RunContext ctx, ProgressCounter progress, Result.Builder out) {
        List<Job> jobs = new ArrayList<>();
        for (int p = 0; p < s.exponents.length; p++) {
            for (int k = 0; k < s.samples.length; k++) {
                for (int t = 0; t < s.trials[k]; t++) {
                    jobs.add(new Job(p, k, t));
                }
            }
        }
        List<TrialFit> fits = Parallel.map(jobs.size(), j -> {
            ctx.checkCancelled();
            Job job = jobs.get(j);
            double alpha = s.exponents[job.pair][0];
            double beta = s.exponents[job.pair][1];
            int n = s.samples[job.sampleIndex];
            String name = tag(alpha, beta, n) + "/trial-" + job.trial;
            PowerLawTask task = PowerLawTask.of(s.modes, alpha, beta, 0);
            SyntheticRegression data = SyntheticRegression.draw(task, n, s.testPoints, ctx.random("B/data/" + name));
            double[] noise = new double[n];
            var rng = ctx.random("B/label-noise/" + name);
            for (int i = 0; i < n; i++) {
                noise[i] = rng.nextGaussian();
            }
            SyntheticRegression.Fit fit = data.kernelRidge(FittingRatio.targets(data.trainLabels(), noise), s.ridges);
            progress.tick("B " + name);
            return new TrialFit(new FittingRatio(fit.path(), fit.testPredictions(), data.trainLabels(), noise,
                    data.testLabels()), fit.meanKernelDiagonal());
        });

        List<Cell> cells = new ArrayList<>();
        double maxResidual = 0;
        double minMse = Double.POSITIVE_INFINITY;
        boolean finite = true;
        double excess = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < s.exponents.length; p++) {
            double alpha = s.exponents[p][0];
            double beta = s.exponents[p][1];
            PowerLawTask task = PowerLawTask.of(s.modes, alpha, beta, 0);
            OmniscientRisk.Spectrum clean = new OmniscientRisk.Spectrum(task.eigenvalues(), task.targetPower(), 0);
            for (int k = 0; k < s.samples.length; k++) {
                int n = s.samples[k];
                int pp = p;
                int kk = k;
                List<TrialFit> trials = new ArrayList<>();
                for (int j = 0; j < jobs.size(); j++) {
                    if (jobs.get(j).pair == pp && jobs.get(j).sampleIndex == kk) {
                        trials.add(fits.get(j));
                    }
                }
                double ridgelessEmpirical = trials.stream().mapToDouble(f -> f.ratio.noiselessRidgelessTestMse()).average().orElseThrow();
                double kernelDiagonal = trials.stream().mapToDouble(TrialFit::meanKernelDiagonal).average().orElseThrow();
                double ridgelessTheory = OmniscientRisk.kernelRidge(clean, n, 0).testMse();
                String tag = tag(alpha, beta, n);
                for (double level : s.noiseLevels) {
                    double sd = Math.sqrt(level * ridgelessEmpirical);
                    List<RidgeCurve> perTrial = trials.stream().map(f -> f.ratio.curve(sd)).toList();
                    for (RidgeCurve c : perTrial) {
                        int z = SyntheticScaling.smallest(c.ridges());
                        excess = Math.max(excess, c.train()[z] - c.test()[z]);
                        for (int q = 0; q < c.ridges().length; q++) {
                            finite &= Double.isFinite(c.train()[q]) && Double.isFinite(c.test()[q]);
                            minMse = Math.min(minMse, Math.min(c.train()[q], c.test()[q]));
                        }
                    }
                    RidgeCurve mean = RidgeCurve.average(perTrial);
                    RidgeCurve.Optimum empirical = mean.optimum();

                    OmniscientRisk.Spectrum noisy = clean.withNoise(level * ridgelessTheory);
                    OmniscientRisk.KernelEstimate atOptimum = null;
                    double theoryRidge = Double.NaN;
                    for (double ridge : s.ridges) {
                        OmniscientRisk.KernelEstimate e = OmniscientRisk.kernelRidge(noisy, n, ridge);
                        maxResidual = Math.max(maxResidual, Math.abs(OmniscientRisk.kernelResidual(noisy.eigenvalues(), n,
                                ridge, e.kappa())) / n);
                        if (atOptimum == null || e.testMse() < atOptimum.testMse()) {
                            atOptimum = e;
                            theoryRidge = Math.max(ridge, OmniscientRisk.MIN_RIDGE);
                        }
                    }
                    double continuousRidge = OptimalRidge.minimise(d -> OmniscientRisk.kernelRidge(noisy, n, d).testMse(),
                            s.ridges[s.ridges.length - 1]);
                    OmniscientRisk.KernelEstimate continuous = OmniscientRisk.kernelRidge(noisy, n, continuousRidge);
                    cells.add(new Cell(alpha, beta, n, level, kernelDiagonal, theoryRidge,
                            atOptimum.trainMse() / atOptimum.testMse(), empirical.ridge(), empirical.fittingRatio(),
                            empirical.test(), continuousRidge, continuous.trainMse() / continuous.testMse()));
                    ridgePathSeries(tag, level, mean, noisy, n, s.ridges, p == 0 && k == 0, out);
                }
            }
        }
        report(s, cells, out);
        return new Findings(cells, maxResidual, minMse, finite, excess);
    }

    /** Plot (iii): test MSE against the fitting ratio along the ridge path, measured and predicted. */
    private static void ridgePathSeries(String tag, double level, RidgeCurve mean, OmniscientRisk.Spectrum noisy, int n,
                                        double[] ridges, boolean headline, Result.Builder out) {
        String plot = headline ? "mse-vs-fitting-ratio" : "mse-vs-fitting-ratio/" + tag;
        double[] ratio = new double[ridges.length];
        double[] theoryRatio = new double[ridges.length];
        double[] theoryTest = new double[ridges.length];
        for (int q = 0; q < ridges.length; q++) {
            ratio[q] = mean.train()[q] / mean.test()[q];
            OmniscientRisk.KernelEstimate e = OmniscientRisk.kernelRidge(noisy, n, ridges[q]);
            theoryRatio[q] = e.trainMse() / e.testMse();
            theoryTest[q] = e.testMse();
        }
        String x = "fitting ratio R = E_tr/E_te";
        out.series(Series.of(plot, "empirical, noise " + SyntheticScaling.fmt(level), x, "test MSE", ratio, mean.test()));
        out.series(Series.of(plot, "theory, noise " + SyntheticScaling.fmt(level), x, "test MSE", theoryRatio, theoryTest));
        RidgeCurve.Optimum o = mean.optimum();
        out.series(Series.of(plot, "empirical optimum, noise " + SyntheticScaling.fmt(level), x, "test MSE",
                new double[] {o.fittingRatio()}, new double[] {o.test()}));
    }

    private static void report(Settings s, List<Cell> cells, Result.Builder out) {
        List<List<String>> rows = new ArrayList<>();
        for (Cell c : cells) {
            rows.add(List.of(SyntheticScaling.fmt(c.alpha), SyntheticScaling.fmt(c.beta), Integer.toString(c.n),
                    SyntheticScaling.fmt(c.noiseLevel), SyntheticScaling.fmt(c.theoryRidge), SyntheticScaling.fmt(c.theoryRatio),
                    SyntheticScaling.fmt(c.empiricalRidge), SyntheticScaling.fmt(c.empiricalRatio),
                    SyntheticScaling.fmt(c.empiricalTest), SyntheticScaling.fmt(c.meanKernelDiagonal),
                    SyntheticScaling.fmt(c.continuousTheoryRidge), SyntheticScaling.fmt(c.continuousTheoryRatio)));
            String key = "b." + tag(c.alpha, c.beta, c.n) + ".noise" + SyntheticScaling.fmt(c.noiseLevel);
            out.metric(key + ".theoryRstar", c.theoryRatio);
            out.metric(key + ".empiricalRstar", c.empiricalRatio);
            out.metric(key + ".empiricalOptimalTestMse", c.empiricalTest);
        }
        out.table(new Table("fitting-ratio", List.of("α", "β", "n", "relative noise", "theory δ*", "theory R*",
                "empirical δ*", "empirical R*", "empirical E_te*", "tr(K)/n", "theory δ* (continuous)",
                "theory R* (continuous)"), rows));
        for (double[] pair : s.exponents) {
            for (int n : s.samples) {
                List<Cell> line = cells.stream().filter(c -> c.alpha == pair[0] && c.beta == pair[1] && c.n == n).toList();
                double[] x = line.stream().mapToDouble(Cell::noiseLevel).toArray();
                String suffix = "α = " + SyntheticScaling.fmt(pair[0]) + ", β = " + SyntheticScaling.fmt(pair[1]) + ", n = " + n;
                out.series(Series.of("rstar-vs-noise", "empirical, " + suffix, "relative label noise", "R*", x,
                        line.stream().mapToDouble(Cell::empiricalRatio).toArray()));
                out.series(Series.of("rstar-vs-noise", "theory, " + suffix, "relative label noise", "R*", x,
                        line.stream().mapToDouble(Cell::theoryRatio).toArray()));
            }
        }
    }

    static String tag(double alpha, double beta, int n) {
        return "a" + SyntheticScaling.fmt(alpha) + "-b" + SyntheticScaling.fmt(beta) + "-n" + n;
    }
}
