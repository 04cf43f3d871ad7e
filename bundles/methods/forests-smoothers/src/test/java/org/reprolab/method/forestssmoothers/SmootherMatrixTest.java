package org.reprolab.method.forestssmoothers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmootherMatrixTest {

    private static final int N = 80;

    private static RandomForest forest(TrainingSet data, int trees, int leaves, double mf, boolean bootstrap, long seed) {
        return RandomForest.fit(data, new RandomForest.Settings(trees, leaves, mf, bootstrap), new SplittableRandom(seed), () -> { });
    }

    private static double[][] inputs(int m, long seed) {
        SplittableRandom gen = new SplittableRandom(seed);
        double[][] x = new double[m][5];
        for (double[] row : x) {
            for (int f = 0; f < 5; f++) {
                row[f] = gen.nextDouble();
            }
        }
        return x;
    }

    @Test
    void rowsAreNonNegativeSumToOneAndReproduceTheForestsPredictions() {
        TrainingSet data = RegressionTreeTest.noisyData(N, 5, 1);
        RandomForest forest = forest(data, 12, 30, 0.6, true, 4);
        double[][] test = inputs(40, 2);
        SmootherMatrix s = new SmootherMatrix(test, N);
        forest.trees().forEach(s::add);
        assertTrue(s.maxRowSumError() < 1e-12);
        assertTrue(s.minWeight() >= 0);
        double[] rebuilt = s.times(data.y());
        for (int j = 0; j < test.length; j++) {
            assertEquals(forest.predict(test[j]), rebuilt[j], 1e-9);
        }
    }

    @Test
    void unweightedLeavesWouldNotReproduceABootstrapForest() {
        // The trap the spec warns about: dropping the bootstrap counts changes S·y.
        TrainingSet data = RegressionTreeTest.noisyData(N, 5, 3);
        RandomForest forest = forest(data, 5, 10, 1.0, true, 8);
        double[][] test = inputs(30, 4);
        double worst = 0;
        for (double[] x : test) {
            RegressionTree tree = forest.trees().get(0);
            int[] members = tree.leafMembers(tree.leafOf(x));
            double unweighted = 0;
            for (int i : members) {
                unweighted += data.y()[i] / members.length;
            }
            worst = Math.max(worst, Math.abs(unweighted - tree.predict(x)));
        }
        assertTrue(worst > 1e-6);
    }

    @Test
    void incrementalEffectiveParametersEqualTheDefinitionAfterEveryTree() {
        TrainingSet data = RegressionTreeTest.noisyData(N, 5, 5);
        RandomForest forest = forest(data, 8, 80, 0.4, true, 6);
        double[][] test = inputs(25, 7);
        SmootherMatrix s = new SmootherMatrix(test, N);
        for (RegressionTree tree : forest.trees()) {
            s.add(tree);
            assertEquals(EffectiveParameters.of(s.rows()), s.effectiveParameters(), 1e-9);
        }
    }

    @Test
    void constantPredictorHasOneAndAnInterpolatorHasNEffectiveParameters() {
        TrainingSet data = RegressionTreeTest.noisyData(N, 5, 9);
        int[] once = BootstrapSample.everyPointOnce(N);
        SmootherMatrix constant = new SmootherMatrix(inputs(30, 1), N);
        constant.add(new BestFirstGrower(1, 5).grow(data, once, new SplittableRandom(1)));
        assertEquals(1.0, constant.effectiveParameters(), 1e-12);
        SmootherMatrix interpolating = new SmootherMatrix(inputs(30, 2), N);
        interpolating.add(new BestFirstGrower(N, 5).grow(data, once, new SplittableRandom(1)));
        assertEquals(N, interpolating.effectiveParameters(), 1e-9);
    }

    @Test
    void forestSmoothsAtLeastAsMuchAsItsTreesOnAverage() {
        TrainingSet data = RegressionTreeTest.noisyData(N, 5, 10);
        RandomForest forest = forest(data, 10, N, 0.2, false, 3);
        SmootherMatrix s = new SmootherMatrix(inputs(50, 3), N);
        double treeMean = 0;
        for (RegressionTree tree : forest.trees()) {
            treeMean += s.add(tree) / forest.trees().size();
        }
        assertEquals(N, treeMean, 1e-9);
        assertTrue(s.effectiveParameters() < 0.8 * treeMean, "forest p̂ " + s.effectiveParameters());
    }

    @Test
    void bootstrapCountsSumToN() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int n : new int[] {1, 7, 500}) {
            int sum = 0;
            for (int c : BootstrapSample.counts(n, rng)) {
                assertTrue(c >= 0);
                sum += c;
            }
            assertEquals(n, sum);
        }
    }
}
