package org.reprolab.method.dltheory;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.api.RunContext;
import org.reprolab.theory.common.Parallel;

/**
 * Part B, the leading non-Gaussianity (book ch. 4–5): the output's excess kurtosis over S independent critical
 * networks in every cell (n, L) of the grid, for ReLU (input ‖x‖² = n₀) and tanh (‖x‖ = 1), sampled by
 * {@link RotationInvariantSampler} in chunks, each chunk from its own named random stream so that parallel
 * scheduling cannot change a number. Plus the cross-check of the shortcut against explicit weight matrices.
 */
final class NonGaussianityStudy {

    /** One cell of the grid. */
    record Cell(Activation activation, int width, int depth, KurtosisEstimate estimate) {

        double depthToWidth() {
            return (double) depth / width;
        }
    }

    /** The cross-check cell: explicit weights vs the shortcut, and whether they agree within 3 joint standard errors. */
    record CrossCheck(int width, int depth, KurtosisEstimate explicit, KurtosisEstimate shortcut) {

        double jointError() {
            return Math.hypot(explicit.gBasedError(), shortcut.gBasedError());
        }

        boolean agrees() {
            return Math.abs(explicit.gBased() - shortcut.gBased()) <= 3 * jointError();
        }
    }

    /** The ReLU finite-width result 3[(1 + 5/n)^{L−1} − 1] (equal widths, C_b = 0, C_W = 2). */
    static double reluExact(int width, int depth) {
        return 3 * (Math.pow(1 + 5.0 / width, depth - 1) - 1);
    }

    /** The ReLU leading order 15(L − 1)/n. */
    static double reluLeadingOrder(int width, int depth) {
        return 15.0 * (depth - 1) / width;
    }

    /** The tanh (K* = 0 class) asymptote 2L/n. */
    static double tanhAsymptote(int width, int depth) {
        return 2.0 * depth / width;
    }

    private final RunContext ctx;
    private final Plan plan;
    private final ProgressCounter progress;

    NonGaussianityStudy(RunContext ctx, Plan plan, ProgressCounter progress) {
        this.ctx = ctx;
        this.plan = plan;
        this.progress = progress;
    }

    /** Every cell of the grid for ReLU, then for tanh. */
    List<Cell> grid() {
        List<Cell> cells = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            for (int[] cell : plan.kurtosis().cells()) {
                cells.add(cell(activation, cell[0], cell[1]));
            }
        }
        return cells;
    }

    /** The shortcut's estimate of one cell from S networks in chunks. */
    Cell cell(Activation activation, int width, int depth) {
        Plan.Kurtosis b = plan.kurtosis();
        double firstKernel = firstKernel(activation);
        double cw = activation.criticalWeightVariance();
        int chunks = b.chunksPerCell();
        String name = "kurtosis/" + activation.label() + "/n-" + width + "/L-" + depth + "/chunk-";
        List<RotationInvariantSampler.Sample> parts = Parallel.map(chunks, c -> {
            int size = Math.min(b.chunk(), b.networks() - c * b.chunk());
            var sample = RotationInvariantSampler.sample(activation, 0, cw, firstKernel, width, depth, size,
                    ctx.random(name + c));
            progress.tick("B: " + activation.label() + " n = " + width + ", L = " + depth);
            return sample;
        });
        double[] g = new double[b.networks()];
        double[] out = new double[b.networks()];
        int at = 0;
        for (var part : parts) {
            System.arraycopy(part.outputVariance(), 0, g, at, part.outputVariance().length);
            System.arraycopy(part.output(), 0, out, at, part.output().length);
            at += part.output().length;
        }
        return new Cell(activation, width, depth, KurtosisEstimate.of(g, out));
    }

    /** ReLU at criticality in the cross-check cell: explicit weight matrices vs the grid's (or a fresh) shortcut estimate. */
    CrossCheck crossCheck(List<Cell> grid) {
        Plan.Kurtosis b = plan.kurtosis();
        int width = b.crossCheckWidth();
        int depth = b.crossCheckDepth();
        Cell shortcut = grid.stream().filter(c -> c.activation() == Activation.RELU && c.width() == width && c.depth() == depth)
                .findFirst().orElseGet(() -> cell(Activation.RELU, width, depth));
        double[][] input = {inputOfNorm(Math.sqrt(plan.inputDim()))};
        int networks = b.crossCheckNetworks();
        int chunks = (networks + CriticalityStudy.NETWORKS_PER_CHUNK - 1) / CriticalityStudy.NETWORKS_PER_CHUNK;
        List<List<RandomMlp.Probe>> perChunk = Parallel.map(chunks, c -> {
            RandomMlp net = new RandomMlp(Activation.RELU, 0, Activation.RELU.criticalWeightVariance(), plan.inputDim(),
                    width, depth, 1);
            List<RandomMlp.Probe> probes = new ArrayList<>();
            for (int s = c * CriticalityStudy.NETWORKS_PER_CHUNK; s < Math.min(networks, (c + 1) * CriticalityStudy.NETWORKS_PER_CHUNK); s++) {
                progress.checkCancelled();
                probes.add(net.probe(input, ctx.random("kurtosis/cross-check/network-" + s)));
            }
            return probes;
        });
        List<RandomMlp.Probe> probes = perChunk.stream().flatMap(List::stream).toList();
        double[] g = probes.stream().mapToDouble(RandomMlp.Probe::outputVariance).toArray();
        double[] out = probes.stream().mapToDouble(RandomMlp.Probe::output).toArray();
        progress.tick("B: cross-check");
        return new CrossCheck(width, depth, KurtosisEstimate.of(g, out), shortcut.estimate());
    }

    /** K^{(1)} = C_W‖x‖²/n₀ at criticality: ‖x‖² = n₀ for ReLU, ‖x‖ = 1 for tanh. */
    double firstKernel(Activation activation) {
        double norm = activation == Activation.RELU ? Math.sqrt(plan.inputDim()) : 1;
        return KernelRecursion.firstLayerKernel(0, activation.criticalWeightVariance(), inputOfNorm(norm));
    }

    /** The fixed input of part B: a random direction (only its norm matters to a single-input statistic). */
    private double[] inputOfNorm(double norm) {
        return SpherePoints.draw(1, plan.inputDim(), norm, ctx.random("kurtosis/input"))[0];
    }
}
