package org.reprolab.method.forestssmoothers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a forest's smoothing and error evolve as its trees are added (b = 1…B) on a few sets of inputs
 * (the training inputs, fresh test inputs, shifted test inputs): the forest of the first b trees has
 * p̂(b) and MSE(b); the B single trees, each a forest with B = 1, give the tree baseline.
 *
 * @param curves per evaluation set, by name
 * @param checks the smoother identities, checked on the whole forest
 */
record GrowthCurves(Map<String, Curve> curves, InvariantChecks checks) {

    /** Inputs with the outcomes to score predictions against. */
    record EvaluationSet(String name, double[][] inputs, double[] outcomes) {
    }

    /**
     * @param effectiveParameters p̂ of the first b trees' forest, index b − 1
     * @param mse                 mean squared error of the first b trees' forest, index b − 1
     * @param treeEffectiveParameters mean over the trees of each single tree's p̂
     * @param treeMse             mean over the trees of each single tree's MSE
     */
    record Curve(double[] effectiveParameters, double[] mse, double treeEffectiveParameters, double treeMse) {

        double forestEffectiveParameters() {
            return effectiveParameters[effectiveParameters.length - 1];
        }

        double forestMse() {
            return mse[mse.length - 1];
        }
    }

    Curve curve(String set) {
        Curve c = curves.get(set);
        if (c == null) {
            throw new IllegalArgumentException("no evaluation set '" + set + "' (have " + curves.keySet() + ")");
        }
        return c;
    }

    static GrowthCurves track(RandomForest forest, double[] trainOutcomes, List<EvaluationSet> sets) {
        List<RegressionTree> trees = forest.trees();
        int b = trees.size();
        int n = trainOutcomes.length;
        InvariantChecks checks = InvariantChecks.NONE;
        for (int t = 0; t < b; t++) {
            long drawn = 0;
            for (int w : forest.weightsOfTree(t)) {
                drawn += w;
            }
            checks = checks.worstOf(new InvariantChecks(0, Double.POSITIVE_INFINITY, 0, Double.NEGATIVE_INFINITY,
                    Math.abs(drawn - n)));
        }
        Map<String, Curve> curves = new LinkedHashMap<>();
        for (EvaluationSet set : sets) {
            int m = set.inputs().length;
            SmootherMatrix smoother = new SmootherMatrix(set.inputs(), n);
            double[] predictionSums = new double[m];
            double[] pHat = new double[b];
            double[] mse = new double[b];
            double treePHat = 0;
            double treeMse = 0;
            for (int t = 0; t < b; t++) {
                RegressionTree tree = trees.get(t);
                treePHat += smoother.add(tree);
                double treeError = 0;
                double forestError = 0;
                for (int j = 0; j < m; j++) {
                    double p = tree.predict(set.inputs()[j]);
                    predictionSums[j] += p;
                    treeError += square(p - set.outcomes()[j]);
                    forestError += square(predictionSums[j] / (t + 1) - set.outcomes()[j]);
                }
                treeMse += treeError / m;
                mse[t] = forestError / m;
                pHat[t] = smoother.effectiveParameters();
            }
            treePHat /= b;
            treeMse /= b;
            double[] rebuilt = smoother.times(trainOutcomes);
            double reproductionError = 0;
            for (int j = 0; j < m; j++) {
                reproductionError = Math.max(reproductionError, Math.abs(rebuilt[j] - forest.predict(set.inputs()[j])));
            }
            checks = checks.worstOf(new InvariantChecks(smoother.maxRowSumError(), smoother.minWeight(),
                    reproductionError, pHat[b - 1] - treePHat, 0));
            curves.put(set.name(), new Curve(pHat, mse, treePHat, treeMse));
        }
        return new GrowthCurves(curves, checks);
    }

    private static double square(double v) {
        return v * v;
    }
}
