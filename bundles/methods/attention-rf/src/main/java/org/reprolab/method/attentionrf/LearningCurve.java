package org.reprolab.method.attentionrf;

import org.ejml.data.DMatrixRMaj;

/**
 * One model's learning curve on one dataset: for every training size n, ridge fits over the grid, the ridge
 * chosen per target on the validation split, and that ridge's normalised test MSE (targets have unit
 * variance, so the normalised MSE is the plain MSE and the zero predictor scores ≈ 1).
 *
 * @param testError   {@code [n index][target]}
 * @param chosenRidge {@code [n index][target]}, relative ridge λ (penalty λ·n)
 */
record LearningCurve(Model model, int keys, int seed, int[] samples, double[][] testError, double[][] chosenRidge) {

    /** Fits the model for every n; {@code afterEachSize} runs after each training size (progress, cancellation). */
    static LearningCurve measure(Model model, FeatureMap map, Dataset data, int seed, int[] samples, double[] ridges,
                                 StandardisedRidge.Solver solver, Runnable checkpoint, Runnable afterEachSize) {
        DMatrixRMaj features = map.features(data.sequences());
        DMatrixRMaj validation = data.validationRows(features);
        DMatrixRMaj test = data.testRows(features);
        double[][] validationTargets = data.validationTargets();
        double[][] testTargets = data.testTargets();
        double[][] error = new double[samples.length][Targets.COUNT];
        double[][] chosen = new double[samples.length][Targets.COUNT];
        for (int k = 0; k < samples.length; k++) {
            StandardisedRidge fit = StandardisedRidge.fit(features, samples[k], data.targets(), ridges, solver, checkpoint);
            double[][][] validationPredictions = fit.predict(validation);
            double[][][] testPredictions = fit.predict(test);
            for (int t = 0; t < Targets.COUNT; t++) {
                int best = 0;
                double bestError = Double.POSITIVE_INFINITY;
                for (int q = 0; q < ridges.length; q++) {
                    double e = Dataset.mse(validationPredictions[q], validationTargets, t);
                    if (e < bestError) {
                        bestError = e;
                        best = q;
                    }
                }
                error[k][t] = Dataset.mse(testPredictions[best], testTargets, t);
                chosen[k][t] = ridges[best];
            }
            afterEachSize.run();
        }
        return new LearningCurve(model, data.keys(), seed, samples.clone(), error, chosen);
    }

    /** The test error at training size n for one target. */
    double at(int n, int target) {
        for (int k = 0; k < samples.length; k++) {
            if (samples[k] == n) {
                return testError[k][target];
            }
        }
        throw new IllegalArgumentException("no training size " + n + " in " + java.util.Arrays.toString(samples));
    }
}
