package org.reprolab.method.forestssmoothers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A random forest of B best-first CART trees, each on its own bootstrap sample (optional) and with
 * its own feature subsampling; its prediction is the mean of the trees' predictions, so its smoother
 * is the mean of their smoother vectors (the paper's forest smoother).
 */
final class RandomForest {

    /**
     * How a forest is grown.
     *
     * @param trees        B
     * @param maxLeafNodes the best-first growth stops at this many leaves
     * @param maxFeatures  fraction of the d features drawn at each split (scikit-learn: max(1, ⌊fraction·d⌋))
     * @param bootstrap    whether each tree sees a bootstrap sample (weights w_i = counts) or every point once
     */
    record Settings(int trees, int maxLeafNodes, double maxFeatures, boolean bootstrap) {

        Settings {
            if (trees < 1 || maxLeafNodes < 1 || !(maxFeatures > 0 && maxFeatures <= 1)) {
                throw new IllegalArgumentException("bad forest settings: " + trees + " trees, " + maxLeafNodes
                        + " leaves, max_features " + maxFeatures);
            }
        }

        int featuresPerSplit(int d) {
            return Math.max(1, (int) (maxFeatures * d));
        }
    }

    private final List<RegressionTree> trees;
    private final List<int[]> weights;

    private RandomForest(List<RegressionTree> trees, List<int[]> weights) {
        this.trees = List.copyOf(trees);
        this.weights = List.copyOf(weights);
    }

    /**
     * Grows the forest. Each tree gets its own generator seeded from {@code rng} in order, so the forest
     * depends only on {@code rng}'s stream.
     *
     * @param afterEachTree called after every tree (cancellation checks and progress)
     */
    static RandomForest fit(TrainingSet data, Settings settings, RandomGenerator rng, Runnable afterEachTree) {
        int n = data.size();
        BestFirstGrower grower = new BestFirstGrower(settings.maxLeafNodes(), settings.featuresPerSplit(data.features()));
        List<RegressionTree> trees = new ArrayList<>(settings.trees());
        List<int[]> weights = new ArrayList<>(settings.trees());
        for (int t = 0; t < settings.trees(); t++) {
            RandomGenerator treeRng = new SplittableRandom(rng.nextLong());
            int[] w = settings.bootstrap() ? BootstrapSample.counts(n, treeRng) : BootstrapSample.everyPointOnce(n);
            trees.add(grower.grow(data, w, treeRng));
            weights.add(w);
            afterEachTree.run();
        }
        return new RandomForest(trees, weights);
    }

    List<RegressionTree> trees() {
        return trees;
    }

    /** The bootstrap counts tree t was grown with. */
    int[] weightsOfTree(int t) {
        return weights.get(t).clone();
    }

    double predict(double[] x) {
        double sum = 0;
        for (RegressionTree tree : trees) {
            sum += tree.predict(x);
        }
        return sum / trees.size();
    }

    double[] predict(double[][] inputs) {
        double[] out = new double[inputs.length];
        for (int j = 0; j < inputs.length; j++) {
            out[j] = predict(inputs[j]);
        }
        return out;
    }
}
