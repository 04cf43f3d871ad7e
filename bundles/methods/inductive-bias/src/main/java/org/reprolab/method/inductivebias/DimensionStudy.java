package org.reprolab.method.inductivebias;

import org.reprolab.api.ProgressCounter;

import java.util.List;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.api.Series;
import org.reprolab.api.Table;
import org.reprolab.theory.common.Parallel;
import org.reprolab.theory.common.SeedSummary;

/**
 * Synthetic tasks of growing input dimension k (Sec. 6, "higher-dimensional tasks require more inductive bias"):
 * for each k and seed a fresh tanh teacher, the GP space with lengthscale 0.5√k, and I(ε) at a fixed target error
 * from the saddlepoint reference, beside the χ² fit to sampled hypotheses.
 */
final class DimensionStudy {

    record Settings(int[] dimensions, int seeds, int trainSize, int testSize, double lengthscalePerRootDim,
                    double jitter, int samples, double epsilon) {
    }

    /** Per dimension: seed summaries of both estimates, and the sampler checks over all seeds. */
    record Findings(int[] dimensions, SeedSummary[] saddlepoint, SeedSummary[] fitted, double maxMeanErrorInSe,
                    double maxFitMomentError, double maxSaddleVsEmpiricalBits, boolean monotone,
                    double maxTrainingFitError, double minCovarianceEigenvalue) {
    }

    private record Cell(double saddlepoint, double fitted, double meanErrorInSe, double fitMomentError,
                        double saddleVsEmpiricalBits, boolean monotone, double trainingFitError, double minCovarianceEigenvalue) {
    }

    private DimensionStudy() {
    }

    static Findings run(Settings s, RunContext ctx, ProgressCounter progress, Result.Builder out) {
        int jobs = s.dimensions().length * s.seeds();
        List<Cell> cells = Parallel.map(jobs, j -> {
            int k = s.dimensions()[j / s.seeds()];
            int seed = j % s.seeds();
            ctx.checkCancelled();
            RegressionTask task = TanhTeacherTask.generate(k, s.trainSize(), s.testSize(),
                    ctx.random("synthetic/k-" + k + "/seed-" + seed));
            GaussianProcessSpace gp = new GaussianProcessSpace(task, s.lengthscalePerRootDim() * Math.sqrt(k), s.jitter());
            double[] samples = gp.sampleTestMses(s.samples(), b -> ctx.random("synthetic/k-" + k + "/seed-" + seed
                    + "/block-" + b), ctx::checkCancelled);
            SampledSpace space = SampledSpace.of(gp, samples);
            double mean = space.sampledMean();
            double[] grid = FashionMnistStudy.logGrid(0.3 * mean, mean, 12);
            boolean monotone = SampledSpace.nonIncreasing(java.util.Arrays.stream(grid).map(space::fitted).toArray())
                    && SampledSpace.nonIncreasing(java.util.Arrays.stream(grid).map(space::saddlepoint).toArray());
            progress.tick("synthetic k = " + k + ", seed " + seed);
            return new Cell(space.saddlepoint(s.epsilon()), space.fitted(s.epsilon()), space.meanErrorInStandardErrors(),
                    space.fitMomentError(), space.saddlepointVsEmpiricalBits(samples), monotone, gp.maxTrainingFitError(), gp.minCovarianceEigenvalue());
        });
        int d = s.dimensions().length;
        SeedSummary[] saddle = new SeedSummary[d];
        SeedSummary[] fitted = new SeedSummary[d];
        for (int i = 0; i < d; i++) {
            List<Cell> perSeed = cells.subList(i * s.seeds(), (i + 1) * s.seeds());
            saddle[i] = SeedSummary.over(perSeed, Cell::saddlepoint);
            fitted[i] = SeedSummary.over(perSeed, Cell::fitted);
        }
        Findings f = new Findings(s.dimensions(), saddle, fitted,
                cells.stream().mapToDouble(Cell::meanErrorInSe).max().orElseThrow(),
                cells.stream().mapToDouble(Cell::fitMomentError).max().orElseThrow(),
                cells.stream().mapToDouble(Cell::saddleVsEmpiricalBits).max().orElseThrow(),
                cells.stream().allMatch(Cell::monotone),
                cells.stream().mapToDouble(Cell::trainingFitError).max().orElseThrow(),
                cells.stream().mapToDouble(Cell::minCovarianceEigenvalue).min().orElseThrow());
        report(s, f, out);
        return f;
    }

    private static void report(Settings s, Findings f, Result.Builder out) {
        double[] dims = java.util.Arrays.stream(s.dimensions()).asDoubleStream().toArray();
        String x = "task input dimension k";
        String y = "I(ε = " + s.epsilon() + ") [bits]";
        out.series(new Series("bias-vs-dimension", "saddlepoint (seed mean ± std)", x, y, dims,
                java.util.Arrays.stream(f.saddlepoint()).mapToDouble(SeedSummary::mean).toArray(),
                java.util.Arrays.stream(f.saddlepoint()).mapToDouble(SeedSummary::std).toArray()));
        out.series(new Series("bias-vs-dimension", "fitted scaled χ², S = " + s.samples() + " (seed mean ± std)", x, y, dims,
                java.util.Arrays.stream(f.fitted()).mapToDouble(SeedSummary::mean).toArray(),
                java.util.Arrays.stream(f.fitted()).mapToDouble(SeedSummary::std).toArray()));
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            rows.add(List.of(Integer.toString(s.dimensions()[i]), f.saddlepoint()[i].toString(), f.fitted()[i].toString()));
            out.metric("synthetic.k" + s.dimensions()[i] + ".saddleBits", f.saddlepoint()[i].mean());
            out.metric("synthetic.k" + s.dimensions()[i] + ".fitBits", f.fitted()[i].mean());
        }
        out.table(new Table("synthetic-inductive-bias", List.of("k", "I_saddle [bits] (mean ± std)",
                "I_fit [bits] (mean ± std)"), rows));
    }
}
