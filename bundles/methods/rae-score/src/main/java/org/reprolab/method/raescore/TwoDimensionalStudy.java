package org.reprolab.method.raescore;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.reprolab.api.Heatmap;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.api.Series;
import org.reprolab.data.synthetic.GaussianMixture;
import org.reprolab.tensor.Generator;

/**
 * The 2-D experiment: denoising and reconstruction contractive auto-encoders trained on 8 Gaussians on a circle,
 * their r(x) − x compared with the analytic score, and the approximate Metropolis–Hastings sampler that uses the
 * DAE's score estimate against the reconstruction-error-as-energy sampler.
 */
final class TwoDimensionalStudy {

    /** The evaluation grid covers [−HALF, HALF]². */
    static final double HALF = 3.5;

    /**
     * @param sigmas       noise levels σ the auto-encoders are trained at
     * @param seeds        training seeds per σ
     * @param training     Adam steps, batch and learning rate
     * @param daeHidden    width of the DAE's two hidden layers
     * @param rcaeHidden   width of the RCAE's hidden layer
     * @param gridSize     evaluation grid points per axis
     * @param samplerSigma the σ of the DAE the samplers use (one of sigmas)
     * @param sampler      chains, steps, burn-in and proposal std of both samplers
     * @param linePoints   trapezoidal points of the score line integral
     * @param temperatures the energy sampler's candidate temperatures T
     * @param pilotSteps   steps of the pilot runs that choose T
     */
    record Settings(List<Double> sigmas, int seeds, AutoEncoderTraining.Settings training, int daeHidden, int rcaeHidden,
                    int gridSize, double samplerSigma, MetropolisHastings sampler, int linePoints, List<Double> temperatures,
                    int pilotSteps) {
    }

    /**
     * One trained pair at (σ, seed).
     *
     * @param daeVsSmoothed DAE's (r − x)/σ² against ∇log p_σ
     * @param rcaeVsScore   RCAE's (r − x)/σ² against ∇log p
     * @param rcaeVsDae     the RCAE's r − x against the DAE's, as a cosine
     */
    record Pair(double sigma, int seed, FieldAgreement daeVsSmoothed, FieldAgreement rcaeVsScore, double rcaeVsDae,
                double daeLoss, double rcaeLoss) {
    }

    /** Samples of one sampler: share of each mode, mean true log-density, acceptance rate. */
    record SampleQuality(double[] modeShares, double meanLogDensity, double acceptance) {

        double minShare() {
            return java.util.Arrays.stream(modeShares).min().orElseThrow();
        }

        double maxShare() {
            return java.util.Arrays.stream(modeShares).max().orElseThrow();
        }
    }

    /**
     * The two samplers driven by one training seed's σ = samplerSigma DAE, the chosen temperature, and the same
     * line-integral sampler driven by the analytic score ∇log p (the reference for what the chains can do at all).
     */
    record Sampling(int seed, SampleQuality score, SampleQuality energy, double temperature, SampleQuality exact) {
    }

    record Findings(List<Pair> pairs, List<Sampling> samplings, SampleQuality iid) {
    }

    private final GaussianMixture data = GaussianMixture.ring(8, 2, 0.3);
    private final Settings settings;
    private final RunContext ctx;
    private final ProgressCounter progress;
    private final Result.Builder out;
    private final double[] grid;
    private final double[] gridWeights;

    TwoDimensionalStudy(Settings settings, RunContext ctx, ProgressCounter progress, Result.Builder out) {
        this.settings = settings;
        this.ctx = ctx;
        this.progress = progress;
        this.out = out;
        int g = settings.gridSize();
        this.grid = new double[g * g * 2];
        this.gridWeights = new double[g * g];
        for (int row = 0; row < g; row++) {
            for (int col = 0; col < g; col++) {
                int i = row * g + col;
                grid[2 * i] = coordinate(col);
                grid[2 * i + 1] = coordinate(g - 1 - row);   // the top row is the largest y
                gridWeights[i] = Math.exp(data.logDensity(new double[] {grid[2 * i], grid[2 * i + 1]}));
            }
        }
    }

    private double coordinate(int index) {
        return -HALF + 2 * HALF * index / (settings.gridSize() - 1);
    }

    /** Units of progress this study reports. */
    static long units(Settings s) {
        return 2L * s.sigmas().size() * s.seeds() + s.seeds();
    }

    Findings run() {
        List<Pair> pairs = new ArrayList<>();
        List<Sampling> samplings = new ArrayList<>();
        for (double sigma : settings.sigmas()) {
            for (int seed = 1; seed <= settings.seeds(); seed++) {
                String tag = String.format(Locale.ROOT, "sigma%s.seed%d", sigma, seed);
                DenoisingAutoEncoder dae = new DenoisingAutoEncoder(2, settings.daeHidden(), sigma, init("dae." + tag));
                double daeLoss = AutoEncoderTraining.train(dae, data, settings.training(), ctx.random("2d.train.dae." + tag),
                        ctx, "loss.dae." + tag);
                progress.tick("DAE σ = " + sigma + " seed " + seed);
                ContractiveAutoEncoder rcae = new ContractiveAutoEncoder(2, settings.rcaeHidden(), sigma, init("rcae." + tag));
                double rcaeLoss = AutoEncoderTraining.train(rcae, data, settings.training(), ctx.random("2d.train.rcae." + tag),
                        ctx, "loss.rcae." + tag);
                progress.tick("RCAE σ = " + sigma + " seed " + seed);
                pairs.add(evaluate(dae, rcae, sigma, seed, daeLoss, rcaeLoss));
                if (sigma == settings.samplerSigma()) {
                    samplings.add(sample(dae, sigma, seed));
                    progress.tick("samplers seed " + seed);
                }
            }
        }
        SampleQuality iid = quality(data.sample(samplesPerRun(), ctx.random("2d.iid")).x(), Double.NaN);
        plotShares(samplings.get(0), iid);
        return new Findings(pairs, samplings, iid);
    }

    private Generator init(String name) {
        return new Generator(ctx.random("2d.init." + name).nextLong());
    }

    private int samplesPerRun() {
        MetropolisHastings mh = settings.sampler();
        return mh.chains() * (mh.steps() - mh.burnIn());
    }

    private Pair evaluate(DenoisingAutoEncoder dae, ContractiveAutoEncoder rcae, double sigma, int seed, double daeLoss,
                          double rcaeLoss) {
        GaussianMixture smoothed = data.smoothed(sigma);
        int n = gridWeights.length;
        double[] smoothedScore = new double[2 * n];
        double[] score = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double[] x = {grid[2 * i], grid[2 * i + 1]};
            System.arraycopy(smoothed.score(x), 0, smoothedScore, 2 * i, 2);
            System.arraycopy(data.score(x), 0, score, 2 * i, 2);
        }
        double[] daeScore = ScoreLineIntegral.scoreOf(dae, sigma).apply(grid);
        double[] rcaeScore = ScoreLineIntegral.scoreOf(rcae, sigma).apply(grid);
        Pair pair = new Pair(sigma, seed, FieldAgreement.of(daeScore, smoothedScore, gridWeights),
                FieldAgreement.of(rcaeScore, score, gridWeights), FieldAgreement.of(rcaeScore, daeScore, gridWeights).cosine(),
                daeLoss, rcaeLoss);
        if (seed == 1) {
            cosineMap("2d-cosine-dae-sigma-" + sigma, "cos(DAE (r − x), ∇log p_σ), σ = " + sigma, daeScore, smoothedScore);
            cosineMap("2d-cosine-rcae-sigma-" + sigma, "cos(RCAE (r − x), ∇log p), σ = " + sigma, rcaeScore, score);
            errorMap("2d-reconstruction-error-dae-sigma-" + sigma, dae);
        }
        return pair;
    }

    private Sampling sample(DenoisingAutoEncoder dae, double sigma, int seed) {
        MetropolisHastings mh = settings.sampler();
        String tag = "seed" + seed;
        ScoreLineIntegral line = new ScoreLineIntegral(ScoreLineIntegral.scoreOf(dae, sigma), 2, settings.linePoints());
        MetropolisHastings.Run scoreRun = mh.sample(line, mh.uniformStarts(2, 3, ctx.random("2d.mh.starts." + tag)), 2,
                ctx.random("2d.mh.score." + tag), ctx);
        ScoreLineIntegral exactLine = new ScoreLineIntegral(this::analyticScore, 2, settings.linePoints());
        MetropolisHastings.Run exactRun = mh.sample(exactLine, mh.uniformStarts(2, 3, ctx.random("2d.mh.starts." + tag)), 2,
                ctx.random("2d.mh.exact." + tag), ctx);
        double temperature = tuneTemperature(dae, tag);
        MetropolisHastings.Run energyRun = mh.sample(new ReconstructionEnergy(dae, temperature),
                mh.uniformStarts(2, 3, ctx.random("2d.mh.energy.starts." + tag)), 2, ctx.random("2d.mh.energy." + tag), ctx);
        if (seed == 1) {
            scatter("score MH (DAE σ = " + sigma + ")", scoreRun.samples());
            scatter("reconstruction-error energy MH (T = " + ClaimFormat.number(temperature) + ")", energyRun.samples());
            scatter("i.i.d. true samples", data.sample(samplesPerRun(), ctx.random("2d.iid.plot")).x());
        }
        return new Sampling(seed, quality(scoreRun.samples(), scoreRun.acceptance()),
                quality(energyRun.samples(), energyRun.acceptance()), temperature,
                quality(exactRun.samples(), exactRun.acceptance()));
    }

    /** ∇log p of the data mixture at a batch of points. */
    private double[] analyticScore(double[] points) {
        double[] s = new double[points.length];
        for (int i = 0; i < points.length / 2; i++) {
            System.arraycopy(data.score(new double[] {points[2 * i], points[2 * i + 1]}), 0, s, 2 * i, 2);
        }
        return s;
    }

    /**
     * The energy sampler's temperature: the candidate whose pilot samples' mean ‖x‖² is closest (in ratio) to that
     * of the data, so the baseline gets the data's spread right before its modes are judged.
     */
    private double tuneTemperature(DenoisingAutoEncoder dae, String tag) {
        MetropolisHastings main = settings.sampler();
        int pilotBurnIn = settings.pilotSteps() / 4;
        MetropolisHastings pilot = new MetropolisHastings(main.chains(), settings.pilotSteps(), pilotBurnIn, main.proposalStd());
        double target = meanSquaredNorm(data.sample(samplesPerRun(), ctx.random("2d.spread")).x());
        double best = Double.NaN;
        double bestGap = Double.POSITIVE_INFINITY;
        for (double t : settings.temperatures()) {
            MetropolisHastings.Run run = pilot.sample(new ReconstructionEnergy(dae, t),
                    pilot.uniformStarts(2, 3, ctx.random("2d.pilot.starts." + tag + "." + t)), 2,
                    ctx.random("2d.pilot." + tag + "." + t), ctx);
            double gap = Math.abs(Math.log(meanSquaredNorm(run.samples()) / target));
            if (gap < bestGap) {
                bestGap = gap;
                best = t;
            }
        }
        return best;
    }

    private static double meanSquaredNorm(double[] points) {
        double s = 0;
        for (double v : points) {
            s += v * v;
        }
        return s / (points.length / 2);
    }

    /** Mode shares (nearest component mean) and mean true log-density of 2-D samples. */
    SampleQuality quality(double[] samples, double acceptance) {
        int n = samples.length / 2;
        double[] shares = new double[data.components()];
        double logDensity = 0;
        for (int i = 0; i < n; i++) {
            double[] x = {samples[2 * i], samples[2 * i + 1]};
            logDensity += data.logDensity(x);
            int nearest = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < data.components(); k++) {
                double[] m = data.mean(k);
                double d = (x[0] - m[0]) * (x[0] - m[0]) + (x[1] - m[1]) * (x[1] - m[1]);
                if (d < best) {
                    best = d;
                    nearest = k;
                }
            }
            shares[nearest] += 1.0 / n;
        }
        return new SampleQuality(shares, logDensity / n, acceptance);
    }

    private void cosineMap(String plot, String name, double[] estimate, double[] reference) {
        int g = settings.gridSize();
        double[][] values = new double[g][g];
        for (int row = 0; row < g; row++) {
            for (int col = 0; col < g; col++) {
                int i = row * g + col;
                double dot = estimate[2 * i] * reference[2 * i] + estimate[2 * i + 1] * reference[2 * i + 1];
                double norms = Math.hypot(estimate[2 * i], estimate[2 * i + 1]) * Math.hypot(reference[2 * i], reference[2 * i + 1]);
                values[row][col] = norms > 0 ? dot / norms : Double.NaN;
            }
        }
        out.heatmap(new Heatmap(plot, name, "x₁", "x₂", "cosine", axisLabels(false), axisLabels(true), values));
    }

    private void errorMap(String plot, ReconstructionFunction r) {
        int g = settings.gridSize();
        double[] d = r.displacement(grid);
        double[][] values = new double[g][g];
        for (int row = 0; row < g; row++) {
            for (int col = 0; col < g; col++) {
                int i = row * g + col;
                values[row][col] = Math.log10(d[2 * i] * d[2 * i] + d[2 * i + 1] * d[2 * i + 1] + 1e-12);
            }
        }
        out.heatmap(new Heatmap(plot, "log₁₀ ‖r(x) − x‖² of the DAE (low at the 8 modes and at the centre)", "x₁", "x₂",
                "log₁₀ ‖r − x‖²", axisLabels(false), axisLabels(true), values));
    }

    private List<String> axisLabels(boolean rows) {
        int g = settings.gridSize();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < g; k++) {
            labels.add(ClaimFormat.number(coordinate(rows ? g - 1 - k : k)));
        }
        return labels;
    }

    private void scatter(String name, double[] samples) {
        int n = samples.length / 2;
        int shown = Math.min(n, 1500);
        double[] x = new double[shown];
        double[] y = new double[shown];
        for (int k = 0; k < shown; k++) {
            int i = (int) ((long) k * n / shown);
            x[k] = samples[2 * i];
            y[k] = samples[2 * i + 1];
        }
        out.series(Series.of("2d-samples", name, "x₁", "x₂", x, y));
    }

    private void plotShares(Sampling first, SampleQuality iid) {
        double[] modes = new double[data.components()];
        for (int k = 0; k < modes.length; k++) {
            modes[k] = k + 1;
        }
        out.series(Series.of("2d-mode-shares", "score MH", "mode", "share of samples", modes, first.score().modeShares()));
        out.series(Series.of("2d-mode-shares", "energy MH", "mode", "share of samples", modes, first.energy().modeShares()));
        out.series(Series.of("2d-mode-shares", "analytic-score MH", "mode", "share of samples", modes, first.exact().modeShares()));
        out.series(Series.of("2d-mode-shares", "i.i.d.", "mode", "share of samples", modes, iid.modeShares()));
    }
}
