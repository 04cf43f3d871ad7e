package org.reprolab.method.dltheory;

import org.reprolab.theory.common.EigenSweep;

/**
 * Full-batch gradient descent on ½Σ_i(f(x_i) − y_i)² with step η = 1/λ_max(Θ₀), until the train MSE falls below
 * the target or the step budget is spent (spec, part C), and the relative change of the empirical NTK,
 * ‖Θ_T − Θ₀‖_F / ‖Θ₀‖_F: the book's measure of representation learning (§11), O(L/n) at finite width.
 *
 * @param relativeChange   ‖Θ_T − Θ₀‖_F / ‖Θ₀‖_F (NaN when the run diverged)
 * @param steps            gradient steps taken
 * @param initialMse       train MSE at initialisation
 * @param finalMse         train MSE after the last step
 * @param lossMonotone     whether the loss decreased at every step
 * @param learningRate     η = 1/λ_max(Θ₀)
 * @param conditionNumber  λ_max(Θ₀)/λ_min(Θ₀)
 * @param symmetryError    max |Θ₀ − Θ₀ᵀ| / max |Θ₀|
 * @param minEigenvalue    λ_min(Θ₀) / λ_max(Θ₀) (≥ 0 up to round-off: Θ is PSD)
 * @param diverged         whether the train MSE left all bounds (non-finite or above {@link #DIVERGENCE_FACTOR} × its
 *                         initial value): η = 1/λ_max(Θ₀) is only stable while the NTK stays near Θ₀, and at small
 *                         width and large depth it grows during training. Such a run has no NTK change to report.
 */
record NtkTraining(double relativeChange, int steps, double initialMse, double finalMse, boolean lossMonotone,
                   double learningRate, double conditionNumber, double symmetryError, double minEigenvalue,
                   boolean diverged) {

    static final double DIVERGENCE_FACTOR = 100;

    /** Trains {@code net} in place on (x, y) and measures how far its NTK moved. */
    static NtkTraining train(NtkNetwork net, double[][] x, double[] y, int maxSteps, double targetMse, Runnable checkCancelled) {
        double[][] theta0 = net.ntk(x);
        double[] eigenvalues = EigenSweep.decompose(theta0).eigenvalues();
        double lambdaMax = eigenvalues[0];
        double lr = 1 / lambdaMax;
        int m = y.length;
        double initialMse = mse(net.outputs(x), y);
        double previousLoss = Double.POSITIVE_INFINITY;
        boolean monotone = true;
        int steps = 0;
        double mse = initialMse;
        boolean diverged = false;
        while (steps < maxSteps && mse >= targetMse && !diverged) {
            if (steps % 16 == 0) {
                checkCancelled.run();
            }
            double loss = net.gradientStep(x, y, lr);
            monotone &= loss < previousLoss;
            previousLoss = loss;
            steps++;
            mse = mse(net.outputs(x), y);
            diverged = !(mse <= DIVERGENCE_FACTOR * initialMse);
        }
        monotone &= steps == 0 || 0.5 * m * mse < previousLoss;
        double[][] thetaT = net.ntk(x);
        double change = 0;
        double norm = 0;
        double asymmetry = 0;
        double largest = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double d = thetaT[i][j] - theta0[i][j];
                change += d * d;
                norm += theta0[i][j] * theta0[i][j];
                asymmetry = Math.max(asymmetry, Math.abs(theta0[i][j] - theta0[j][i]));
                largest = Math.max(largest, Math.abs(theta0[i][j]));
            }
        }
        return new NtkTraining(diverged ? Double.NaN : Math.sqrt(change / norm), steps, initialMse, mse, monotone, lr,
                lambdaMax / eigenvalues[m - 1], asymmetry / largest, eigenvalues[m - 1] / lambdaMax, diverged);
    }

    private static double mse(double[] f, double[] y) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (f[i] - y[i]) * (f[i] - y[i]);
        }
        return sum / y.length;
    }
}
