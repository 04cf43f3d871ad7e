package org.reprolab.method.pvrnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.autoencoders.common.GaussianKl;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Tensor;

/** The model pieces: KL, the adaptive-vector posterior, the leaky integration, training and error regression. */
class ModelTest {

    private static final List<LayerSize> TINY = List.of(new LayerSize(8, 2, 2), new LayerSize(4, 1, 8));

    private static double[][][] data(int n, long seed) {
        return new PrimitiveFsm(PrimitiveFsm.TRANSITIONS, 0.02).generate(n, 2, new SplittableRandom(seed)).sequences();
    }

    @Test
    void tensorKlMatchesTheFamilyCoreAndIsZeroForEqualGaussians() {
        double[] mq = {0.3, -0.5};
        double[] lq = {-0.2, 0.4};
        double[] mp = {-0.1, 0.2};
        double[] lp = {0.1, -0.3};
        Gaussian q = new Gaussian(Tensor.of(mq, 1, 2), Tensor.of(lq, 1, 2));
        Gaussian p = new Gaussian(Tensor.of(mp, 1, 2), Tensor.of(lp, 1, 2));
        double[] kl = q.klTo(p).toDoubleArray();
        for (int i = 0; i < 2; i++) {
            assertEquals(GaussianKl.of(mq[i], Math.exp(2 * lq[i]), mp[i], Math.exp(2 * lp[i])), kl[i], 1e-12);
        }
        assertEquals(0, q.klTo(q).abs().max().item(), 1e-15);
    }

    @Test
    void zeroAdaptiveVectorsGiveTheUnitGaussianAndZeroKlAtTheFirstStep() {
        PvRnn net = new PvRnn(TINY, new SplittableRandom(1));
        AdaptiveVectors a = new AdaptiveVectors(3, 5, TINY);
        Gaussian q = a.posterior(0, 2);
        assertEquals(0, q.mean().abs().max().item(), 0);
        assertEquals(0, q.logSigma().abs().max().item(), 0);
        Rollout r = net.rollout(NetState.zeros(net, 3), 0, 1, a.source(null));
        for (int l = 0; l < TINY.size(); l++) {
            assertEquals(0, r.kl(l).abs().max().item(), 0, "layer " + l);
        }
    }

    @Test
    void eachSequenceHasItsOwnAdaptiveVectors() {
        AdaptiveVectors a = new AdaptiveVectors(4, 6, TINY);
        assertEquals(4, a.posterior(1, 5).mean().size(0));
        assertEquals(6 * TINY.size(), a.all().size());
        assertEquals(2 * TINY.size(), a.window(2, 4).size());
    }

    @Test
    void leakyIntegrationWithTauOneIsTheDriveAndOutputsStayInsideTanh() {
        PvRnn net = new PvRnn(List.of(new LayerSize(3, 1, 1)), new SplittableRandom(2));
        NetState start = NetState.zeros(net, 1).perturbed(0, 5.0);
        try (var ignored = Autograd.noGrad()) {
            Rollout r = net.rollout(start, 0, 1, LatentSource.priorMean());
            // τ = 1: h₁ = W·[d₀, z₁] + b with z₁ = 0 (prior mean at t = 0) and b = 0; the perturbed h₀ is forgotten.
            Tensor drive = Tensor.cat(1, start.d()[0], Tensor.zeros(org.reprolab.tensor.backend.DType.FLOAT64, 1, 1))
                    .matmul(net.layer(0).parameters().get(0));
            assertArrayEquals(drive.toDoubleArray(), r.end().h()[0].toDoubleArray(), 1e-12);
            assertTrue(r.outputs().abs().max().item() <= 1);
        }
    }

    @Test
    void trainingLowersTheLossAndIsReproducible() {
        double[][][] x = data(2, 3);
        double first = train(x, 1e-2, 7);
        assertEquals(first, train(x, 1e-2, 7), 0, "same seed, same numbers");
    }

    private static double train(double[][][] x, double w, long seed) {
        PvRnn net = new PvRnn(TINY, new SplittableRandom(seed));
        AdaptiveVectors a = new AdaptiveVectors(x.length, x[0].length, TINY);
        Training.History h = Training.train(net, a.all(), a::source, Data.timeMajor(x), w, 25, 1e-2, new SplittableRandom(seed + 1), () -> { });
        assertTrue(h.lossDrop(w) > 0, "loss drop " + h.lossDrop(w));
        return h.loss(w, 24);
    }

    @Test
    void withoutMetaPriorTheKlStaysFinite() {
        double[][][] x = data(2, 4);
        PvRnn net = new PvRnn(TINY, new SplittableRandom(5));
        AdaptiveVectors a = new AdaptiveVectors(x.length, x[0].length, TINY);
        Training.History h = Training.train(net, a.all(), a::source, Data.timeMajor(x), 0, 40, 5e-2, new SplittableRandom(6), () -> { });
        for (double[] layer : h.kl()) {
            assertTrue(Double.isFinite(layer[layer.length - 1]), "KL " + layer[layer.length - 1]);
        }
    }

    @Test
    void errorRegressionLowersTheWindowLossAndLeavesTheWeightsAlone() {
        double[][][] x = data(2, 8);
        PvRnn net = new PvRnn(TINY, new SplittableRandom(9));
        AdaptiveVectors a = new AdaptiveVectors(x.length, x[0].length, TINY);
        Training.train(net, a.all(), a::source, Data.timeMajor(x), 1e-2, 20, 1e-2, new SplittableRandom(10), () -> { });
        double[] before = net.parameters().get(0).toDoubleArray();
        ErrorRegression.Outcome few = ErrorRegression.run(net, 1e-2, Data.timeMajor(x), new int[] {20},
                new ErrorRegression.Settings(8, 2, 0.05, 10, 4), new SplittableRandom(11));
        ErrorRegression.Outcome many = ErrorRegression.run(net, 1e-2, Data.timeMajor(x), new int[] {20},
                new ErrorRegression.Settings(8, 30, 0.05, 10, 4), new SplittableRandom(11));
        assertArrayEquals(before, net.parameters().get(0).toDoubleArray(), 0);
        assertTrue(many.maxVectorGradient() > 0);
        assertTrue(!many.weightsTouched());
        double[] lastFew = few.windowLosses().get(few.windowLosses().size() - 1);
        double[] lastMany = many.windowLosses().get(many.windowLosses().size() - 1);
        assertTrue(lastMany[1] < lastFew[1], "30 iterations " + lastMany[1] + " vs 2 iterations " + lastFew[1]);
        assertEquals(List.of(8, 12, 16, 20), ErrorRegression.windowEnds(new int[] {20}, new ErrorRegression.Settings(8, 2, 0.05, 10, 4)));
    }

    @Test
    void twinPerturbationTouchesOnlyTheTopLayer() {
        PvRnn net = new PvRnn(TINY, new SplittableRandom(12));
        NetState s = NetState.zeros(net, 2);
        NetState p = s.perturbed(1, 1e-6);
        assertArrayEquals(s.h()[0].toDoubleArray(), p.h()[0].toDoubleArray(), 0);
        assertNotEquals(s.h()[1].toDoubleArray()[0], p.h()[1].toDoubleArray()[0]);
        assertEquals(1e-6, p.h()[1].toDoubleArray()[4], 0);
    }

    @Test
    void twinSummaryFindsGrowthAndSeparation() {
        double[][] d = new double[2][50];
        for (int t = 0; t < 50; t++) {
            d[0][t] = Math.min(1, 1e-6 * Math.exp(0.5 * t));
            d[1][t] = 1e-6;
        }
        Twins tw = Twins.of(d);
        assertEquals(0.5, tw.separated(), 0);
        assertTrue(tw.rate() > 0);
        assertEquals(0, Twins.of(new double[][] {d[1]}).rate(), 1e-12);
    }
}
