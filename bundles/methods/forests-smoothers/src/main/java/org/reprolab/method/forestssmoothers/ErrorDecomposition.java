package org.reprolab.method.forestssmoothers;

/**
 * The paper's decomposition of a forest's expected error on ONE fixed training set (Curth et al. 2024,
 * "beyond bias and variance"): R forests that differ only in their own randomness are compared, for every ensemble size b
 * (the first b trees of each forest), by
 * <ul>
 *   <li>mean MSE over the R forests;</li>
 *   <li>RepBias(b): the test MSE of the best of the R forests, an estimate of the best function the
 *       b-tree hypothesis class reaches from these data (averages of b trees are richer than one tree,
 *       which the textbook bias, equal for a tree and an average of i.i.d. trees, cannot show);</li>
 *   <li>ModVar(b): the mean over forests and test points of (f̂_r − f̂_best)², the variability of the
 *       learned function due to the forest's own randomness.</li>
 * </ul>
 * Fresh data per forest would mix data variance into ModVar, and outcome noise in the test labels
 * would add irreducible error; both are kept out (spec "Traps").
 *
 * @param meanMse            index b − 1
 * @param representationBias index b − 1
 * @param modelVariability   index b − 1
 */
record ErrorDecomposition(double[] meanMse, double[] representationBias, double[] modelVariability) {

    /**
     * @param treePredictions [r][t][j]: tree t of forest r at test input j
     * @param truth           the noiseless test outcomes f(x_j)
     */
    static ErrorDecomposition of(double[][][] treePredictions, double[] truth) {
        int forests = treePredictions.length;
        int trees = treePredictions[0].length;
        int m = truth.length;
        double[][] sums = new double[forests][m];
        double[][] ensemble = new double[forests][m];
        double[] meanMse = new double[trees];
        double[] repBias = new double[trees];
        double[] modVar = new double[trees];
        double[] mse = new double[forests];
        for (int b = 1; b <= trees; b++) {
            int best = 0;
            for (int r = 0; r < forests; r++) {
                double error = 0;
                for (int j = 0; j < m; j++) {
                    sums[r][j] += treePredictions[r][b - 1][j];
                    ensemble[r][j] = sums[r][j] / b;
                    error += (ensemble[r][j] - truth[j]) * (ensemble[r][j] - truth[j]);
                }
                mse[r] = error / m;
                if (mse[r] < mse[best]) {
                    best = r;
                }
            }
            double variability = 0;
            double total = 0;
            for (int r = 0; r < forests; r++) {
                total += mse[r];
                for (int j = 0; j < m; j++) {
                    double d = ensemble[r][j] - ensemble[best][j];
                    variability += d * d;
                }
            }
            meanMse[b - 1] = total / forests;
            repBias[b - 1] = mse[best];
            modVar[b - 1] = variability / ((double) forests * m);
        }
        return new ErrorDecomposition(meanMse, repBias, modVar);
    }

    int trees() {
        return meanMse.length;
    }
}
