package org.reprolab.method.forestssmoothers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegressionTreeTest {

    /** y = 10·1{x ≥ 0.5} + 1·1{x ≥ 0.25} + 3·1{x ≥ 0.75} on a grid of 100 points. */
    private static TrainingSet steps() {
        double[][] x = new double[100][1];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i][0] = i / 100.0;
            y[i] = (x[i][0] >= 0.5 ? 10 : 0) + (x[i][0] >= 0.25 ? 1 : 0) + (x[i][0] >= 0.75 ? 3 : 0);
        }
        return TrainingSet.of(x, y);
    }

    @Test
    void bestFirstExpandsTheLeafWithTheLargestDecreaseFirst() {
        TrainingSet data = steps();
        int[] once = BootstrapSample.everyPointOnce(100);
        // Root splits at the big jump (0.5); then the right child's jump of 3 (gain 50·¼·9 = 112.5) beats the
        // left child's jump of 1 (gain 12.5), so a 3-leaf tree splits at 0.75, not at 0.25 as depth-first would.
        RegressionTree three = new BestFirstGrower(3, 1).grow(data, once, new SplittableRandom(1));
        assertEquals(3, three.leafCount());
        assertArrayEquals(new double[] {0.495, 0.745}, three.splitThresholds(), 1e-12);
        assertEquals(14.0, three.predict(new double[] {0.9}), 1e-12);
        assertEquals(0.5, three.predict(new double[] {0.1}), 1e-12);
        RegressionTree four = new BestFirstGrower(4, 1).grow(data, once, new SplittableRandom(1));
        double[] gains = four.expansionGains();
        assertEquals(3, gains.length);
        assertEquals(112.5, gains[1], 1e-9);
        assertEquals(12.5, gains[2], 1e-9);
        assertTrue(gains[0] > gains[1]);
    }

    @Test
    void smallerLeafBudgetGrowsAPrefixOfTheSameTree() {
        TrainingSet data = noisyData(200, 5, 3);
        int[] once = BootstrapSample.everyPointOnce(200);
        double[] big = new BestFirstGrower(40, 3).grow(data, once, new SplittableRandom(9)).expansionGains();
        double[] small = new BestFirstGrower(20, 3).grow(data, once, new SplittableRandom(9)).expansionGains();
        assertArrayEquals(small, java.util.Arrays.copyOf(big, small.length));
    }

    @Test
    void maxLeafNodesIsRespectedAndReachedOnNoisyData() {
        TrainingSet data = noisyData(150, 5, 4);
        int[] once = BootstrapSample.everyPointOnce(150);
        for (int leaves : new int[] {1, 2, 7, 50, 150, 400}) {
            RegressionTree tree = new BestFirstGrower(leaves, 2).grow(data, once, new SplittableRandom(leaves));
            assertEquals(Math.min(leaves, 150), tree.leafCount(), "budget " + leaves);
        }
    }

    @Test
    void unrestrictedTreeWithoutBootstrapInterpolates() {
        TrainingSet data = noisyData(120, 5, 5);
        RegressionTree tree = new BestFirstGrower(120, 5).grow(data, BootstrapSample.everyPointOnce(120), new SplittableRandom(2));
        double mse = 0;
        for (int i = 0; i < 120; i++) {
            mse += Math.pow(tree.predict(data.x()[i]) - data.y()[i], 2);
        }
        assertTrue(mse / 120 < 1e-12, "train MSE " + mse / 120);
    }

    @Test
    void bootstrapWeightsChooseTheSplitAndWeightTheLeafMean() {
        double[][] x = {{0}, {1}, {2}};
        TrainingSet data = TrainingSet.of(x, new double[] {0, 1, 3});
        // Unit weights: {0,1} | {3} leaves squared error 0.5 against 2 for {0} | {1,3}.
        RegressionTree plain = new BestFirstGrower(2, 1).grow(data, new int[] {1, 1, 1}, new SplittableRandom(0));
        assertArrayEquals(new double[] {1.5}, plain.splitThresholds(), 0);
        // Weights (10, 10, 1): {0}|{1×10, 3×1} costs 3.64 against 5 for {0×10, 1×10}|{3}.
        RegressionTree weighted = new BestFirstGrower(2, 1).grow(data, new int[] {10, 10, 1}, new SplittableRandom(0));
        assertArrayEquals(new double[] {0.5}, weighted.splitThresholds(), 0);
        assertEquals(13.0 / 11, weighted.predict(new double[] {1.7}), 1e-12);
        double[] s = weighted.smootherWeights(new double[] {1.7});
        assertArrayEquals(new double[] {0, 10.0 / 11, 1.0 / 11}, s, 1e-15);
    }

    @Test
    void outOfBagPointsGetNoSmootherWeight() {
        TrainingSet data = noisyData(50, 3, 6);
        int[] w = new int[50];
        w[3] = 2;
        w[7] = 1;
        w[20] = 4;
        RegressionTree tree = new BestFirstGrower(50, 3).grow(data, w, new SplittableRandom(3));
        for (int j = 0; j < 50; j++) {
            double[] s = tree.smootherWeights(data.x()[j]);
            for (int i = 0; i < 50; i++) {
                if (w[i] == 0) {
                    assertEquals(0, s[i]);
                }
            }
        }
        assertEquals(3, tree.leafCount());
    }

    @Test
    void equalGainsAreWonByTheFeatureDrawnFirst() {
        // Two identical columns: every split ties exactly, so the random feature order decides which column is used.
        SplittableRandom gen = new SplittableRandom(11);
        double[][] x = new double[40][2];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i][0] = gen.nextDouble();
            x[i][1] = x[i][0];
            y[i] = x[i][0] > 0.5 ? 1 + gen.nextGaussian() * 0.1 : gen.nextGaussian() * 0.1;
        }
        TrainingSet data = TrainingSet.of(x, y);
        Set<Integer> rootFeatures = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            RegressionTree tree = new BestFirstGrower(2, 2).grow(data, BootstrapSample.everyPointOnce(40), new SplittableRandom(seed));
            double[] low = {0, 0};
            assertTrue(tree.leafOf(low) != tree.leafOf(new double[] {1, 1}));
            double threshold = tree.splitThresholds()[0];
            // Just below the threshold on column 0 but above it on column 1: goes with the low point iff column 0 was used.
            double[] probe = {threshold - 1e-9, threshold + 1e-9};
            rootFeatures.add(tree.leafOf(probe) == tree.leafOf(low) ? 0 : 1);
        }
        assertEquals(Set.of(0, 1), rootFeatures);
    }

    @Test
    void featureSubsamplingDrawsTheConfiguredNumberOfFeatures() {
        // Only feature 0 matters. With one feature per split the root sometimes splits on a noise feature;
        // with all features it always splits on feature 0.
        SplittableRandom gen = new SplittableRandom(5);
        double[][] x = new double[100][5];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            for (int f = 0; f < 5; f++) {
                x[i][f] = gen.nextDouble();
            }
            y[i] = x[i][0] > 0.5 ? 5 : 0;
        }
        TrainingSet data = TrainingSet.of(x, y);
        int offFeature = 0;
        for (long seed = 0; seed < 30; seed++) {
            RegressionTree one = new BestFirstGrower(2, 1).grow(data, BootstrapSample.everyPointOnce(100), new SplittableRandom(seed));
            RegressionTree all = new BestFirstGrower(2, 5).grow(data, BootstrapSample.everyPointOnce(100), new SplittableRandom(seed));
            assertEquals(0.0, all.predict(new double[] {0.2, 0.9, 0.9, 0.9, 0.9}), 1e-12);
            assertEquals(5.0, all.predict(new double[] {0.8, 0.1, 0.1, 0.1, 0.1}), 1e-12);
            if (Math.abs(one.predict(new double[] {0.8, 0.5, 0.5, 0.5, 0.5}) - 5.0) > 1e-9) {
                offFeature++;
            }
        }
        assertTrue(offFeature > 10, "root split on a noise feature in " + offFeature + " of 30 trees");
    }

    static TrainingSet noisyData(int n, int d, long seed) {
        SplittableRandom gen = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                x[i][f] = gen.nextDouble();
            }
            y[i] = MarsAdditive.regressionFunction(java.util.Arrays.copyOf(x[i], 5)) + gen.nextGaussian();
        }
        return TrainingSet.of(x, y);
    }
}
