package org.reprolab.method.dltheory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The kurtosis estimators on known mixtures, and both network samplers against the exact finite-width formula. */
class KurtosisAndSamplerTest {

    @Test
    void gBasedEstimateIsExactForAKnownScaleMixture() {
        // G ∈ {1, 3} with equal frequency: E[G²]/E[G]² = 5/4, so the excess kurtosis is 3·(5/4 − 1) = 0.75.
        int s = 40_000;
        double[] g = new double[s];
        double[] z = new double[s];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < s; i++) {
            g[i] = i % 2 == 0 ? 1 : 3;
            z[i] = Math.sqrt(g[i]) * rng.nextGaussian();
        }
        KurtosisEstimate e = KurtosisEstimate.of(g, z);
        assertEquals(0.75, e.gBased(), 1e-12);
        assertEquals(0.75, e.raw(), 4 * e.rawError(), "raw estimate within 4 standard errors");
        assertTrue(e.rawError() > 10 * e.gBasedError(), "the raw estimator is the noisy one");
    }

    @Test
    void constantVarianceMeansGaussianOutput() {
        double[] g = {2, 2, 2, 2};
        double[] z = {1, -1, 0.5, 2};
        assertEquals(0, KurtosisEstimate.of(g, z).gBased(), 1e-15);
        assertEquals(0, KurtosisEstimate.of(g, z).gBasedError(), 1e-15);
    }

    @Test
    void shortcutReproducesTheExactReluFormula() {
        int n = 8;
        int depth = 3;
        var sample = RotationInvariantSampler.sample(Activation.RELU, 0, 2, 2, n, depth, 40_000, new SplittableRandom(11));
        KurtosisEstimate e = KurtosisEstimate.of(sample.outputVariance(), sample.output());
        double exact = NonGaussianityStudy.reluExact(n, depth);
        assertEquals(exact, e.gBased(), 4 * e.gBasedError(), "3[(1 + 5/n)^{L−1} − 1] = " + exact);
        double meanG = java.util.Arrays.stream(sample.outputVariance()).average().orElseThrow();
        assertEquals(2, meanG, 0.05, "criticality preserves E[G] = K^{(1)}");
    }

    @Test
    void explicitWeightsAgreeWithTheShortcut() {
        int n = 8;
        int depth = 3;
        RandomMlp net = new RandomMlp(Activation.RELU, 0, 2, 16, n, depth, 1);
        double[][] input = {SpherePoints.draw(1, 16, 4, new SplittableRandom(3))[0]};
        int s = 20_000;
        double[] g = new double[s];
        double[] z = new double[s];
        SplittableRandom rng = new SplittableRandom(13);
        for (int i = 0; i < s; i++) {
            RandomMlp.Probe p = net.probe(input, rng);
            g[i] = p.outputVariance();
            z[i] = p.output();
        }
        KurtosisEstimate explicit = KurtosisEstimate.of(g, z);
        double exact = NonGaussianityStudy.reluExact(n, depth);
        assertEquals(exact, explicit.gBased(), 4 * explicit.gBasedError());
    }

    @Test
    void explicitNetworksFollowTheKernelAndGradientRecursions() {
        // Off criticality (C_W = 2.4) the ReLU kernel and the gradient norm scale by 1.2 per layer at any width.
        int depth = 5;
        RandomMlp net = new RandomMlp(Activation.RELU, 0, 2.4, 16, 32, depth, 32);
        double[][] inputs = SpherePoints.draw(2, 16, 4, new SplittableRandom(1));
        SplittableRandom rng = new SplittableRandom(2);
        double[] kernel = new double[depth];
        double[] gradient = new double[depth];
        int s = 2000;
        for (int i = 0; i < s; i++) {
            RandomMlp.Probe p = net.probe(inputs, rng);
            for (int l = 0; l < depth; l++) {
                kernel[l] += p.meanSquare()[l] / s;
                gradient[l] += p.gradientNorm()[l] / s;
            }
        }
        for (int l = 0; l < depth; l++) {
            assertEquals(KernelRecursion.reluKernel(2.4, 2.4, l + 1), kernel[l], 0.05 * kernel[l], "K at layer " + (l + 1));
            assertEquals(Math.pow(1.2, depth - 1 - l), gradient[l], 0.06 * gradient[l], "gradient norm at layer " + (l + 1));
        }
    }

    @Test
    void kernelRecursionMatchesTheReluClosedFormAndTanhFixedPoints() {
        KernelRecursion recursion = new KernelRecursion();
        double[] relu = recursion.kernels(Activation.RELU, 0, 1.8, 1.8, 30);
        for (int l = 0; l < relu.length; l++) {
            assertEquals(KernelRecursion.reluKernel(1.8, 1.8, l + 1), relu[l], 1e-12 * relu[l]);
        }
        // tanh at criticality flows to K* = 0 (slowly, ~1/ℓ); at C_W = 1.5 to the fixed point K* = 1.5⟨tanh²⟩_{K*} > 0.
        double[] critical = recursion.kernels(Activation.TANH, 0, 1, 0.5, 200);
        assertTrue(critical[199] < critical[0] / 10 && critical[199] > 0);
        double[] ordered = recursion.kernels(Activation.TANH, 0, 1.5, 0.1, 400);
        double fixed = ordered[399];
        assertTrue(fixed > 0.1);
        assertEquals(fixed, 1.5 * recursion.meanSquaredActivation(Activation.TANH, fixed), 1e-9);
    }
}
