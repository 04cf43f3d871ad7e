package org.reprolab.method.dltheory;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprolab.api.RunContext;
import org.reprolab.theory.common.GaussHermite;
import org.reprolab.theory.common.Parallel;

/**
 * Part A, criticality (book ch. 5 and §9.4): S explicit-weight networks of depth L and width n on a few inputs; the
 * measured single-input kernel K^{(ℓ)} = E[z^{(ℓ)}²] and mean squared gradient norm ‖∂z^{(L)}/∂z^{(ℓ)}‖² at every
 * layer, beside the recursion's predictions: K from {@link KernelRecursion}, and the gradient norm as the product
 * of the parallel susceptibilities χ = C_W⟨σ'(z)²⟩_{K^{(k)}} over the layers between (C_W/2 per layer for ReLU).
 */
final class CriticalityStudy {

    static final int NETWORKS_PER_CHUNK = 10;

    /**
     * One activation and C_W: per layer ℓ = 1 … L the measured kernel (with its standard error over networks), the
     * recursion's kernel, the measured and predicted gradient norms.
     */
    record KernelProfile(Activation activation, double weightVariance, double[] kernel, double[] kernelError,
                         double[] theory, double[] gradientNorm, double[] gradientTheory) {

        String label() {
            return activation.label() + " C_W=" + String.format(Locale.ROOT, "%.2g", weightVariance);
        }

        int depth() {
            return kernel.length;
        }
    }

    private final RunContext ctx;
    private final Plan plan;
    private final ProgressCounter progress;
    private final KernelRecursion recursion = new KernelRecursion();
    private final GaussHermite rule = GaussHermite.of(KernelRecursion.QUADRATURE_POINTS);

    CriticalityStudy(RunContext ctx, Plan plan, ProgressCounter progress) {
        this.ctx = ctx;
        this.plan = plan;
        this.progress = progress;
    }

    /** The ReLU profiles (inputs with ‖x‖² = n₀), then the tanh profiles (the same directions with ‖x‖ = 1). */
    List<KernelProfile> run() {
        Plan.Criticality a = plan.criticality();
        double[][] directions = SpherePoints.draw(a.inputs(), plan.inputDim(), ctx.random("criticality/inputs"));
        List<KernelProfile> profiles = new ArrayList<>();
        for (double cw : a.reluWeightVariances()) {
            profiles.add(profile(Activation.RELU, cw, scaled(directions, Math.sqrt(plan.inputDim()))));
        }
        for (double cw : a.tanhWeightVariances()) {
            profiles.add(profile(Activation.TANH, cw, scaled(directions, 1)));
        }
        return profiles;
    }

    private KernelProfile profile(Activation activation, double cw, double[][] inputs) {
        Plan.Criticality a = plan.criticality();
        int depth = a.depth();
        String name = "criticality/" + activation.label() + "/cw-" + cw;
        int chunks = (a.networks() + NETWORKS_PER_CHUNK - 1) / NETWORKS_PER_CHUNK;
        List<List<RandomMlp.Probe>> perChunk = Parallel.map(chunks, c -> {
            RandomMlp net = new RandomMlp(activation, 0, cw, plan.inputDim(), a.width(), depth, a.width());
            List<RandomMlp.Probe> probes = new ArrayList<>();
            for (int s = c * NETWORKS_PER_CHUNK; s < Math.min(a.networks(), (c + 1) * NETWORKS_PER_CHUNK); s++) {
                progress.checkCancelled();
                probes.add(net.probe(inputs, ctx.random(name + "/network-" + s)));
            }
            progress.tick("A: " + activation.label() + " C_W = " + cw);
            return probes;
        });
        List<RandomMlp.Probe> probes = perChunk.stream().flatMap(List::stream).toList();
        double[] kernel = new double[depth];
        double[] kernelSquares = new double[depth];
        double[] gradient = new double[depth];
        for (RandomMlp.Probe p : probes) {
            for (int l = 0; l < depth; l++) {
                kernel[l] += p.meanSquare()[l];
                kernelSquares[l] += p.meanSquare()[l] * p.meanSquare()[l];
                gradient[l] += p.gradientNorm()[l];
            }
        }
        int s = probes.size();
        double[] kernelError = new double[depth];
        for (int l = 0; l < depth; l++) {
            kernel[l] /= s;
            gradient[l] /= s;
            double variance = (kernelSquares[l] / s - kernel[l] * kernel[l]) * s / Math.max(s - 1, 1);
            kernelError[l] = Math.sqrt(Math.max(variance, 0) / s);
        }
        double firstKernel = KernelRecursion.firstLayerKernel(0, cw, inputs[0]);
        double[] theory = recursion.kernels(activation, 0, cw, firstKernel, depth);
        return new KernelProfile(activation, cw, kernel, kernelError, theory, gradient, gradientTheory(activation, cw, theory));
    }

    /** E‖∂z^{(L)}/∂z^{(ℓ)}‖² = Π_{k=ℓ}^{L−1} C_W⟨σ'(z)²⟩_{K^{(k)}} (1 at ℓ = L). */
    private double[] gradientTheory(Activation activation, double cw, double[] kernels) {
        int depth = kernels.length;
        double[] g = new double[depth];
        g[depth - 1] = 1;
        for (int l = depth - 2; l >= 0; l--) {
            double chi = cw * rule.expectation(z -> {
                double d = activation.derivative(z);
                return d * d;
            }, kernels[l]);
            g[l] = g[l + 1] * chi;
        }
        return g;
    }

    private static double[][] scaled(double[][] directions, double norm) {
        double[][] x = new double[directions.length][];
        for (int i = 0; i < x.length; i++) {
            x[i] = directions[i].clone();
            for (int k = 0; k < x[i].length; k++) {
                x[i][k] *= norm;
            }
        }
        return x;
    }
}
